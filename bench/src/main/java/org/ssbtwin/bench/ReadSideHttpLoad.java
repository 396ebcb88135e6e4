package org.ssbtwin.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The HTTP half of {@code bench read}: one twin node (simulation off) started in this JVM on the filled PostgreSQL,
 * driven over loopback by a client in the same JVM (JDK HttpClient, HTTP/1.1 persistent connections, a fixed number of
 * requests in flight, no pipelining). Per figure: requests/s, latency p50/p99, and where the CPU went (the client's
 * threads, the rest of this JVM = the node, the PostgreSQL server processes, the whole machine), since client, node
 * and database share the host's cores.
 */
final class ReadSideHttpLoad implements AutoCloseable {
    /** One kind of request: the path and query of the i-th request, and a check of its answer. */
    interface Probe {
        String path(Random r);

        /** Null when the answer is right, else what is wrong. */
        String check(String path, HttpResponse<String> answer);
    }

    private final HttpClient http;
    private final ExecutorService clientThreads;
    private final String base;
    private final PrintWriter out;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    ReadSideHttpLoad(int port, int clientThreadCount, PrintWriter out) {
        AtomicInteger n = new AtomicInteger();
        this.clientThreads = Executors.newFixedThreadPool(clientThreadCount, r -> {
            Thread t = new Thread(r, "bench-client-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(clientThreads)
                .connectTimeout(Duration.ofSeconds(10)).build();
        this.base = "http://127.0.0.1:" + port;
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
        Random r = new Random(seed);
        Semaphore slots = new Semaphore(inFlight);
        long[] lat = new long[1 << 22];
        AtomicInteger done = new AtomicInteger();
        AtomicLong counts = new AtomicLong();
        AtomicReference<String> failure = new AtomicReference<>();
        Cpu before = Cpu.now(this);
        long t0 = System.nanoTime(), end = t0 + (long) (seconds * 1e9);
        while (System.nanoTime() < end && failure.get() == null) {
            slots.acquire();
            String path = probe.path(r);
            long s = System.nanoTime();
            http.sendAsync(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).whenComplete((answer, error) -> {
                        long took = System.nanoTime() - s;
                        String wrong = error != null ? error.toString() : probe.check(path, answer);
                        if (wrong != null) failure.compareAndSet(null, path + ": " + wrong);
                        else {
                            int i = done.getAndIncrement();
                            if (i < lat.length) lat[i] = took;
                            counts.addAndGet(count(answer.body()));
                        }
                        slots.release();
                    });
        }
        slots.acquire(inFlight); // the last answers
        slots.release(inFlight);
        double wall = (System.nanoTime() - t0) / 1e9;
        Cpu after = Cpu.now(this);
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
            double client = 0;
            for (long id : load.threads.getAllThreadIds()) {
                var info = load.threads.getThreadInfo(id);
                if (info == null) continue;
                String name = info.getThreadName();
                if (name.startsWith("bench-client-") || name.startsWith("HttpClient-")) {
                    long t = load.threads.getThreadCpuTime(id);
                    if (t > 0) client += t / 1e9;
                }
            }
            client += load.threads.getCurrentThreadCpuTime() / 1e9; // the thread sending the requests
            Map<Long, Long> pg = HostCpu.processTicks("postgres");
            double pgSeconds = pg == null ? -1 : pg.values().stream().mapToLong(Long::longValue).sum() / 100.0;
            return new Cpu(load.os.getProcessCpuTime() / 1e9, client, pgSeconds, HostCpu.machineBusySeconds());
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
    public void close() {
        clientThreads.shutdownNow();
        try {
            clientThreads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
