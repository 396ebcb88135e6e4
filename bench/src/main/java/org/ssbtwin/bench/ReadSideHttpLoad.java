package org.ssbtwin.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The HTTP half of {@code bench read}: one twin node (simulation off) started in this JVM on the filled PostgreSQL,
 * driven over loopback by a client in the same JVM: a fixed number of HTTP/1.1 keep-alive connections, each with one
 * thread sending its next request when the answer is in (so that many requests in flight, no pipelining). Per figure: requests/s, latency p50/p99, and where the CPU went (the client's
 * threads, the rest of this JVM = the node, the PostgreSQL server processes, the whole machine), since client, node
 * and database share the host's cores.
 */
final class ReadSideHttpLoad implements AutoCloseable {
    /** One kind of request: the path and query of the i-th request, and a check of its answer. */
    interface Probe {
        String path(Random r);

        /** Null when the answer (status, body) is right, else what is wrong. */
        String check(String path, int status, String body);
    }

    private final int port;
    /** Port of the PostgreSQL server the node reads (its CPU is counted), 0 when unknown (then every "postgres" process). */
    private final int postgresPort;
    private final PrintWriter out;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    ReadSideHttpLoad(int port, int postgresPort, PrintWriter out) {
        this.port = port;
        this.postgresPort = postgresPort;
        this.out = out;
    }

    static String query(String q, int limit) {
        return "/api/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&limit=" + limit;
    }

    /** What one measured window gave. */
    record Figures(int requests, double seconds, long[] latencyNanos, long sumOfCounts) {
        double perSecond() {
            return requests / seconds;
        }

        double percentileMillis(double p) {
            if (latencyNanos.length == 0) return Double.NaN;
            return latencyNanos[Math.min(latencyNanos.length - 1, (int) (latencyNanos.length * p))] / 1e6;
        }
    }

    /**
     * Sends {@code probe}'s requests for {@code seconds} with {@code inFlight} outstanding, then prints the figure
     * named {@code what} with its CPU split. Fails on the first wrong answer.
     */
    Figures run(String what, Probe probe, int inFlight, double seconds, long seed, boolean print) throws Exception {
        long[] lat = new long[1 << 22];
        AtomicInteger done = new AtomicInteger();
        AtomicLong counts = new AtomicLong();
        AtomicReference<String> failure = new AtomicReference<>();
        AtomicLong clientNanos = new AtomicLong();
        Cpu before = Cpu.now(this);
        long t0 = System.nanoTime(), end = t0 + (long) (seconds * 1e9);
        Thread[] clients = new Thread[inFlight];
        java.util.Set<Connection> connections = java.util.concurrent.ConcurrentHashMap.newKeySet();
        for (int k = 0; k < inFlight; k++) {
            Random r = new Random(seed * 31 + k);
            clients[k] = new Thread(() -> {
                try (Connection c = new Connection(port)) {
                    connections.add(c);
                    while (System.nanoTime() < end && failure.get() == null) {
                        String path = probe.path(r);
                        long s = System.nanoTime();
                        c.get(path);
                        long took = System.nanoTime() - s;
                        String wrong = probe.check(path, c.status, c.body);
                        if (wrong != null) {
                            failure.compareAndSet(null, path + ": " + wrong);
                        } else {
                            int i = done.getAndIncrement();
                            if (i < lat.length) lat[i] = took;
                            counts.addAndGet(count(c.body));
                        }
                    }
                } catch (Exception e) {
                    failure.compareAndSet(null, e.toString());
                } finally {
                    clientNanos.addAndGet(threads.getCurrentThreadCpuTime());
                }
            }, "bench-client-" + k);
            clients[k].setDaemon(true);
            clients[k].start();
        }
        for (Thread t : clients) {
            t.join(Math.max(1, (end - System.nanoTime()) / 1_000_000 + 60_000)); // an answer overdue by 60 s: the node hangs
            if (t.isAlive()) {
                failure.compareAndSet(null, "no answer within 60 s");
                for (Connection c : connections) c.close();
                t.join();
            }
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        Cpu after = Cpu.now(this).plusClient(clientNanos.get() / 1e9);
        if (failure.get() != null) throw new IllegalStateException(what + ": a wrong answer: " + failure.get());
        int n = done.get();
        long[] sorted = Arrays.copyOf(lat, Math.min(n, lat.length));
        Arrays.sort(sorted);
        Figures f = new Figures(n, wall, sorted, counts.get());
        if (print) {
            out.printf(Locale.ROOT, "%s: %,.0f /s, p50 %.1f ms, p99 %.1f ms (%,d requests in %.1f s, %d in flight), load %s%n",
                    what, f.perSecond(), f.percentileMillis(0.5), f.percentileMillis(0.99), n, wall, inFlight, BenchNodes.loadAverage());
            out.printf(Locale.ROOT, "  cpu over the window: node %.1f s (%.0f us/request), bench client %.1f s (%.0f %% of this JVM), "
                            + "postgres %s, whole machine %s of %.1f s x %d cores%n",
                    after.jvm - before.jvm - (after.client - before.client), 1e6 * (after.jvm - before.jvm - (after.client - before.client)) / Math.max(1, n),
                    after.client - before.client, 100 * (after.client - before.client) / Math.max(1e-9, after.jvm - before.jvm),
                    after.postgres < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f s (%.0f us/request)", after.postgres - before.postgres,
                            1e6 * (after.postgres - before.postgres) / Math.max(1, n)),
                    after.machine < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f s", after.machine - before.machine),
                    wall, Runtime.getRuntime().availableProcessors());
            out.flush();
        }
        return f;
    }

    /** The {@code "count":N} of a search answer (0 when absent). */
    private static long count(String body) {
        int i = body.lastIndexOf("\"count\":");
        if (i < 0) return 0;
        int from = i + 8, to = from;
        while (to < body.length() && Character.isDigit(body.charAt(to))) to++;
        return to == from ? 0 : Long.parseLong(body.substring(from, to));
    }

    /** CPU seconds so far: this JVM, the client's threads in it, the PostgreSQL processes, the machine. */
    private record Cpu(double jvm, double client, double postgres, double machine) {
        static Cpu now(ReadSideHttpLoad load) {
            double client = load.threads.getCurrentThreadCpuTime() / 1e9; // the thread starting the connections
            Map<Long, Long> pg = HostCpu.postgresTicks(load.postgresPort); // this bench's server only, not others on the host
            double pgSeconds = pg == null ? -1 : pg.values().stream().mapToLong(Long::longValue).sum() / 100.0;
            return new Cpu(load.os.getProcessCpuTime() / 1e9, client, pgSeconds, HostCpu.machineBusySeconds());
        }

        /** With the CPU time of the client threads that ran (and ended) since. */
        Cpu plusClient(double seconds) {
            return new Cpu(jvm, client + seconds, postgres, machine);
        }
    }

    /** Heap of this JVM (the node; the client's share is small): used after a full GC, and the peak since the last reset. */
    static String heap() {
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) peak += p.getPeakUsage().getUsed();
        System.gc();
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return String.format(Locale.ROOT, "heap used after GC %.0f MB, peak %.0f MB, max (-Xmx) %.0f MB", used / 1e6, peak / 1e6,
                Runtime.getRuntime().maxMemory() / 1e6);
    }

    static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) p.resetPeakUsage();
    }

    @Override
    public void close() {}

    /**
     * One keep-alive HTTP/1.1 connection with blocking reads and writes (one request at a time): a few microseconds of
     * client CPU per request, where the JDK HttpClient took ~150 us of the same two cores the node runs on. The answer is
     * read whole (status line, headers, the complete body by its length or chunks) and parsed in its own buffer: a
     * BufferedInputStream's synchronized read() per byte of the head had cost the client a quarter of its CPU.
     */
    static final class Connection implements AutoCloseable {
        private static final byte[] REQUEST_END = " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        private final java.net.Socket socket;
        private final java.io.OutputStream send;
        private final java.io.InputStream receive;
        /** Received bytes not yet parsed: buf[pos, lim). */
        private byte[] buf = new byte[1 << 16];
        private int pos, lim;
        private final byte[] request = new byte[8192];
        int status;
        String body;

        Connection(int port) throws java.io.IOException {
            socket = new java.net.Socket("127.0.0.1", port);
            socket.setTcpNoDelay(true);
            // no SO_TIMEOUT: with one, each read is a non-blocking try, a poll and a second read (three system calls instead
            // of one blocking read); a node that stops answering is caught by run()'s watchdog, which closes the sockets
            send = socket.getOutputStream();
            receive = socket.getInputStream();
        }

        void get(String path) throws java.io.IOException {
            int n = 0;
            request[n++] = 'G';
            request[n++] = 'E';
            request[n++] = 'T';
            request[n++] = ' ';
            for (int i = 0; i < path.length(); i++) request[n++] = (byte) path.charAt(i); // ASCII: the query is URL-encoded
            System.arraycopy(REQUEST_END, 0, request, n, REQUEST_END.length);
            send.write(request, 0, n + REQUEST_END.length);
            send.flush();
            String line = readLine();
            if (line.length() < 12 || !line.startsWith("HTTP/1.1 ")) throw new java.io.IOException("not an HTTP answer: " + line);
            status = Integer.parseInt(line.substring(9, 12));
            int length = -1;
            boolean chunked = false;
            for (String h; !(h = readLine()).isEmpty(); ) {
                if (h.regionMatches(true, 0, "content-length:", 0, 15)) length = Integer.parseInt(h.substring(15).trim());
                else if (h.regionMatches(true, 0, "transfer-encoding:", 0, 18) && h.toLowerCase(Locale.ROOT).contains("chunked")) chunked = true;
            }
            if (chunked) {
                java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream(4096);
                for (int c; (c = Integer.parseInt(readLine().trim(), 16)) > 0; readLine()) {
                    need(c);
                    b.write(buf, pos, c);
                    pos += c;
                }
                readLine();
                body = b.toString(StandardCharsets.UTF_8);
            } else if (length >= 0) {
                need(length);
                body = new String(buf, pos, length, StandardCharsets.UTF_8);
                pos += length;
            } else {
                throw new java.io.IOException("an answer without length");
            }
        }

        /** Makes buf[pos, pos + n) hold received bytes. */
        private void need(int n) throws java.io.IOException {
            if (lim - pos >= n) return;
            if (n > buf.length) buf = java.util.Arrays.copyOf(buf, Math.max(n, 2 * buf.length));
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            lim -= pos;
            pos = 0;
            while (lim < n) {
                int r = receive.read(buf, lim, buf.length - lim);
                if (r < 0) throw new java.io.EOFException("connection closed");
                lim += r;
            }
        }

        /** The next line without its CR LF (ISO-8859-1, as HTTP heads are). */
        private String readLine() throws java.io.IOException {
            int scanned = 0; // bytes after pos already looked at
            while (true) {
                for (int i = pos + scanned; i < lim; i++) {
                    if (buf[i] == '\n') {
                        int end = i > pos && buf[i - 1] == '\r' ? i - 1 : i;
                        String line = new String(buf, pos, end - pos, StandardCharsets.ISO_8859_1);
                        pos = i + 1;
                        return line;
                    }
                }
                scanned = lim - pos;
                need(scanned + 1);
            }
        }

        @Override
        public void close() throws java.io.IOException {
            socket.close();
        }
    }
}
