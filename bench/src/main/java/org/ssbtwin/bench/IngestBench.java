package org.ssbtwin.bench;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.ssbtwin.api.TwinServer;
import org.ssbtwin.fleet.pack.PackStatus;
import org.ssbtwin.fleet.pack.PackSummary;

/**
 * Telemetry ingestion benchmark: {@code POST /api/v1/telemetry} (NDJSON daily summaries) into persisted pack entities,
 * on 1..N twin nodes in this JVM sharing one PostgreSQL. Registers the packs through the normal write path, then K
 * closed-loop HTTP clients (java.net.http, one request in flight each) send batches of new days, spread over the
 * nodes, for a warm-up and a measured window per batch size. A 200 answer means every record of the batch is in the
 * journal (the entities reply after their events are written); the journal is counted at the end to show it.
 * Prints records/s and requests/s acknowledged and p50/p95/p99/max acknowledgement latency; figures, never asserted.
 */
public final class IngestBench {
    /**
     * What to run. {@code batchSizes}: one measured phase per size, in order. {@code projectionHere}: the fleet
     * projection runs on the bench's nodes (as on a node with both roles); false: it runs on none of them, as when
     * read-side nodes run it ({@code twin.read-side.projection-role = read-side}), so the figures are an ingest node's.
     * Such a read-side node then runs in a JVM of its own on this host ({@link ReadSideNodeProcess}, PostgreSQL only),
     * its CPU reported apart: the ingest checks read the packs in service from the read side, so some node must run it.
     */
    public record Options(int nodes, int packs, List<Integer> batchSizes, int clients, Duration warmup, Duration duration,
                          BenchNodes.Db db, boolean projectionHere) {
        public Options {
            if (!projectionHere && !db.postgres()) {
                throw new IllegalArgumentException("--projection elsewhere: needs --pg-url (the read-side node's JVM shares the "
                        + "database; an H2 file is open in one process only)");
            }
            if (nodes < 1 || nodes > 9) throw new IllegalArgumentException("--nodes: must be within [1, 9], was " + nodes);
            if (packs < 1 || packs > 1_000_000) throw new IllegalArgumentException("--packs: must be within [1, 1000000], was " + packs);
            if (batchSizes.isEmpty()) throw new IllegalArgumentException("--batch-size: at least one size");
            for (int b : batchSizes) {
                if (b < 1 || b > 10_000) throw new IllegalArgumentException("--batch-size: must be within [1, 10000], was " + b);
            }
            if (clients < 1 || clients > 512) throw new IllegalArgumentException("--clients: must be within [1, 512], was " + clients);
            if (clients > packs) throw new IllegalArgumentException("--clients: at most one client per pack (" + packs + "), was " + clients);
            if (warmup.isNegative()) throw new IllegalArgumentException("--warmup: must be >= 0");
            if (duration.isZero() || duration.isNegative()) throw new IllegalArgumentException("--duration: must be > 0");
            batchSizes = List.copyOf(batchSizes);
        }

        /** Options with a PostgreSQL (or H2 when {@code pgUrl} is null). */
        public static Options of(int nodes, int packs, List<Integer> batchSizes, int clients, Duration warmup, Duration duration,
                                 String pgUrl, String pgUser, String pgPassword) {
            return of(nodes, packs, batchSizes, clients, warmup, duration, pgUrl, pgUser, pgPassword, true);
        }

        public static Options of(int nodes, int packs, List<Integer> batchSizes, int clients, Duration warmup, Duration duration,
                                 String pgUrl, String pgUser, String pgPassword, boolean projectionHere) {
            return new Options(nodes, packs, batchSizes, clients, warmup, duration,
                    pgUrl == null ? BenchNodes.Db.H2 : new BenchNodes.Db(pgUrl, pgUser, pgPassword), projectionHere);
        }
    }

    /**
     * The measured window of one batch size. Latencies in ms, per request (= per batch of {@code batchSize}). CPU
     * figures are of the measured window only (the warm-up's JIT compilation is not in them), per 1000 records
     * acknowledged in it: this JVM's, the PostgreSQL processes' on this host ({@code NaN} when remote or unreadable),
     * and the share of all the machine's cores that were busy ({@code NaN} when unreadable). {@code
     * nodeCpuMsPerThousandRecords} is the JVM's figure less the load generator's threads (the HTTP clients): the
     * twin nodes' own CPU. {@code readSideNodeCpuMsPerThousandRecords}: the read-side node's process ({@code NaN}
     * without one). {@code jitCpuMsPerThousandRecords}: the part of the JVM's figure its JIT compiler threads spent in
     * the window (warm-up still going on, large on a loaded host; {@code NaN} when unreadable).
     */
    public record Phase(int batchSize, long requests, long records, double seconds, double p50, double p95, double p99,
                        double max, long errors, String firstError, double cpuMsPerThousandRecords,
                        double nodeCpuMsPerThousandRecords, double postgresCpuMsPerThousandRecords, double machineBusyShare,
                        double readSideNodeCpuMsPerThousandRecords, double jitCpuMsPerThousandRecords) {
        public double recordsPerSecond() {
            return records / seconds;
        }

        public double requestsPerSecond() {
            return requests / seconds;
        }
    }

    public record Report(int nodes, int packs, int clients, int processors, String database, double registrationSeconds,
                         List<Phase> phases, long acknowledgedRecords, long persistedUsageEvents, String loadAverage,
                         ReadSideCatchUp readSide, long databaseBytes, long journalRows, H2DiskUse h2) {
        public long errors() {
            return phases.stream().mapToLong(Phase::errors).sum();
        }

        public String format() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "nodes %d (one JVM), %d processors, %d packs, %d clients, database %s%n",
                    nodes, processors, packs, clients, database));
            sb.append(String.format(Locale.ROOT, "registration: %d packs (assembled, 112 cells, installed) in %.1f s%n", packs, registrationSeconds));
            sb.append(String.format(Locale.ROOT, "%6s %9s %9s %11s %8s %8s %8s %8s %7s %14s %15s %13s %10s %17s %11s%n",
                    "batch", "requests", "req/s", "records/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors", "JVM cpu ms/1k",
                    "nodes cpu ms/1k", "PG cpu ms/1k", "host busy", "read-side cpu/1k", "JIT ms/1k"));
            for (Phase p : phases) {
                sb.append(String.format(Locale.ROOT, "%6d %9d %9.1f %11.1f %8.1f %8.1f %8.1f %8.1f %7d %14.0f %15.0f %13s %10s %17s %11s%n", p.batchSize(), p.requests(),
                        p.requestsPerSecond(), p.recordsPerSecond(), p.p50(), p.p95(), p.p99(), p.max(), p.errors(), p.cpuMsPerThousandRecords(),
                        p.nodeCpuMsPerThousandRecords(),
                        Double.isNaN(p.postgresCpuMsPerThousandRecords()) ? "n/a" : String.format(Locale.ROOT, "%.0f", p.postgresCpuMsPerThousandRecords()),
                        Double.isNaN(p.machineBusyShare()) ? "n/a" : String.format(Locale.ROOT, "%.0f %%", 100 * p.machineBusyShare()),
                        Double.isNaN(p.readSideNodeCpuMsPerThousandRecords()) ? "n/a"
                                : String.format(Locale.ROOT, "%.0f", p.readSideNodeCpuMsPerThousandRecords()),
                        Double.isNaN(p.jitCpuMsPerThousandRecords()) ? "n/a" : String.format(Locale.ROOT, "%.0f", p.jitCpuMsPerThousandRecords())));
                if (p.firstError() != null) sb.append("  first error: ").append(p.firstError()).append('\n');
            }
            sb.append(String.format(Locale.ROOT, "acknowledged records (warm-up included): %d; usage events in the journal: %d%n",
                    acknowledgedRecords, persistedUsageEvents));
            sb.append("latencies per request (one batch); cpu ms/1k: CPU time in the measured window per 1000 records acknowledged\n"
                    + "  in it: JVM = this whole JVM (nodes, read sides and the HTTP clients), nodes = the JVM less the HTTP clients'\n"
                    + "  threads, PG = the postgres processes on this host (n/a when the database is elsewhere or H2, inside the JVM);\n"
                    + "  host busy: share of all the machine's cores busy in the window; read-side cpu/1k: the read-side node's JVM\n"
                    + "  (--projection elsewhere: the projections' node, a process of its own on this host); JIT: the JVM's JIT compiler\n"
                    + "  threads, part of the JVM and nodes figures (compilation still going on in the window: warm-up, not ingest)\n");
            if (readSide != null) sb.append(readSide.format());
            long[] decodes = org.ssbtwin.api.persistence.TagRangeReadJournalDao.decodeCountsOfThisJvm();
            sb.append(String.format(Locale.ROOT, "read journal (every reader of every node in this JVM): %d rows decoded, %d shared from the decoded-event cache%n",
                    decodes[0], decodes[1]));
            if (h2 != null) {
                sb.append(h2.format());
            } else if (databaseBytes >= 0 && journalRows > 0) {
                sb.append(String.format(Locale.ROOT, "database on disk at the end: %.1f MB for %d journal rows (%.0f bytes per row, read side and snapshots included)%n",
                        databaseBytes / 1e6, journalRows, databaseBytes / (double) journalRows));
            }
            sb.append("load average (1/5/15 min) at the end: ").append(loadAverage).append('\n');
            return sb.toString();
        }
    }

    /**
     * How far the fleet projection was behind the journal when the last window ended, and how long it took to fold in
     * the rest with no more ingest (its catch-up rate); {@code caughtUp} false when it did not within the limit.
     */
    public record ReadSideCatchUp(long journalEvents, long projectedAtEnd, double seconds, long projectedAfter, boolean caughtUp,
                                  double cpuMsPerThousandRecords) {
        public double eventsPerSecond() {
            return seconds > 0 ? (projectedAfter - projectedAtEnd) / seconds : Double.NaN;
        }

        String format() {
            return String.format(Locale.ROOT, "read side (fleet projection): %d of %d pack events projected at the end of the window; "
                    + "%s %.1f s later (%.0f events/s while catching up)%n", projectedAtEnd, journalEvents,
                    caughtUp ? "caught up" : "still " + (journalEvents - projectedAfter) + " behind", seconds, eventsPerSecond())
                    + String.format(Locale.ROOT, "JVM cpu ms/1k with the read side caught up (all windows + catch-up, per acknowledged record): %.0f%n",
                    cpuMsPerThousandRecords);
        }
    }

    /** The read side may take this long to catch up after the last window before the bench reports it as behind. */
    private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(120);

    private static ReadSideCatchUp catchUp(BenchNodes cluster, long cpuAtFirstWindow, long acknowledged) {
        long journal = cluster.journalRows("Pack|");
        long atEnd = cluster.projectedPackEvents();
        long t0 = System.nanoTime();
        long projected = atEnd;
        while (projected < journal && System.nanoTime() - t0 < CATCH_UP_LIMIT.toNanos()) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            projected = cluster.projectedPackEvents();
        }
        double cpuMsPer1k = acknowledged > 0 ? (processCpuNanos() - cpuAtFirstWindow) / 1e6 / (acknowledged / 1000.0) : Double.NaN;
        return new ReadSideCatchUp(journal, atEnd, (System.nanoTime() - t0) / 1e9, projected, projected >= journal, cpuMsPer1k);
    }

    private IngestBench() {}

    private static long processCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    public static Report run(Options o, PrintWriter out) {
        out.printf(Locale.ROOT, "ingest bench: %d node(s) in one JVM, %d packs, batch sizes %s, %d clients, warm-up %d s + %d s measured per size, %s%n",
                o.nodes(), o.packs(), o.batchSizes(), o.clients(), o.warmup().toSeconds(), o.duration().toSeconds(), o.db().label());
        out.flush();
        // elsewhere: the nodes keep their roles (api, entities) and the projection is placed on read-side nodes, of
        // which there are none here; the asset directory (validation, lists) still follows the journal on every node
        Map<String, Object> placement = o.projectionHere() ? Map.of() : Map.of("twin.read-side.projection-role", "read-side");
        try (BenchNodes cluster = BenchNodes.start(o.nodes(), o.db(), placement);
             ReadSideNodeProcess readSideNode = !o.projectionHere()
                     ? ReadSideNodeProcess.start(cluster.nodes.get(0), o.db(), cluster.dataDir(), o.nodes() + 1) : null) {
            if (readSideNode != null) {
                out.printf(Locale.ROOT, "read-side node (projections) up: pid %d%n", readSideNode.pid());
                out.flush();
            }
            long t0 = System.nanoTime();
            BenchPacks.register(cluster.nodes.get(0), o.packs(), 500);
            for (TwinServer n : cluster.nodes) {
                BenchNodes.await("every node's read side lists the packs in service", Duration.ofSeconds(300),
                        () -> inService(n, o.packs()));
            }
            double registration = (System.nanoTime() - t0) / 1e9;
            out.printf(Locale.ROOT, "registered %d packs in %.1f s%n", o.packs(), registration);
            out.flush();

            // H2: the file's bytes per journal event while the clients write (every 5 s), its peak once the journal
            // holds 100 000 events (before, the fixed few MB of an empty database dominate); the split at the end
            H2DiskSampler disk = H2DiskSampler.start(cluster.database(), cluster.dataDir(), out, 5_000, 100_000);
            int[] nextDay = new int[o.packs()];
            int[] cursor = new int[o.clients()];
            List<Phase> phases = new ArrayList<>();
            long acknowledged = 0;
            long cpuAtFirstWindow = processCpuNanos();
            for (int batch : o.batchSizes()) {
                PhaseRun run = runPhase(cluster, o, batch, nextDay, cursor, readSideNode);
                phases.add(run.phase);
                acknowledged += run.acknowledgedRecords;
                out.printf(Locale.ROOT, "batch %d: %.1f records/s, p50 %.1f ms, p99 %.1f ms, %d errors%n", batch,
                        run.phase.recordsPerSecond(), run.phase.p50(), run.phase.p99(), run.phase.errors());
                out.flush();
            }
            if (disk != null) {
                disk.close();
                out.print(disk.formatPeak());
                out.flush();
            }
            long usageEvents = cluster.journalRows("Pack|") - 2L * o.packs();
            String load = BenchNodes.loadAverage();
            ReadSideCatchUp readSide = o.projectionHere() || readSideNode != null ? catchUp(cluster, cpuAtFirstWindow, acknowledged) : null;
            return new Report(o.nodes(), o.packs(), o.clients(), Runtime.getRuntime().availableProcessors(), o.db().label(),
                    registration, phases, acknowledged, usageEvents, load, readSide, cluster.databaseBytes(), cluster.journalRows(""),
                    o.db().postgres() ? null : H2DiskUse.measure(cluster.database(), cluster.dataDir()));
        }
    }

    private static boolean inService(TwinServer node, int packs) {
        Map<org.ssbtwin.core.id.PackId, PackSummary> map = new java.util.HashMap<>();
        node.directory().queries().inServicePacks().toCompletableFuture().join().forEach(p -> map.put(p.id(), p)); // fleet_pack
        for (int i = packs - 1; i >= 0; i--) {
            PackSummary s = map.get(BenchPacks.id(i));
            if (s == null || s.status() != PackStatus.IN_SERVICE) return false;
        }
        return true;
    }

    private record PhaseRun(Phase phase, long acknowledgedRecords) {}

    /** One client's results: latencies (ns) and records of requests acknowledged inside the measured window. */
    private static final class ClientLog {
        long[] latencies = new long[1024];
        int count;
        long records;
        long acknowledgedRecords;
        long errors;
        long maxNanos;

        void add(long nanos, int recs) {
            if (count == latencies.length) latencies = Arrays.copyOf(latencies, count * 2);
            latencies[count++] = nanos;
            records += recs;
            maxNanos = Math.max(maxNanos, nanos);
        }
    }

    private static PhaseRun runPhase(BenchNodes cluster, Options o, int batch, int[] nextDay, int[] cursor, ReadSideNodeProcess readSideNode) {
        int k = o.clients();
        List<URI> targets = cluster.nodes.stream().map(n -> URI.create("http://127.0.0.1:" + n.port() + "/api/v1/telemetry")).toList();
        // the clients' threads are named LOAD_GENERATOR_THREAD*: the window's CPU figures tell their share apart
        java.util.concurrent.atomic.AtomicInteger httpThreads = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService httpExecutor = java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, LOAD_GENERATOR_THREAD + "http-" + httpThreads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .executor(httpExecutor).build();
        long start = System.nanoTime();
        long measureFrom = start + o.warmup().toNanos();
        long measureTo = measureFrom + o.duration().toNanos();
        WindowCpu windowCpu = WindowCpu.start(measureFrom, measureTo, isLocal(o.db()) ? postgresPort(o.db().pgUrl()) : -1,
                readSideNode == null ? () -> Double.NaN : readSideNode::cpuSeconds);
        ClientLog[] logs = new ClientLog[k];
        AtomicReference<String> firstError = new AtomicReference<>();
        Thread[] threads = new Thread[k];
        for (int c = 0; c < k; c++) {
            int client = c;
            ClientLog log = logs[c] = new ClientLog();
            // client c owns the packs c, c + k, c + 2k, ...: one writer per pack, so its days are always in order
            int owned = (o.packs() - c + k - 1) / k;
            threads[c] = new Thread(() -> {
                int request = 0;
                StringBuilder body = new StringBuilder(batch * 220);
                while (System.nanoTime() < measureTo) {
                    body.setLength(0);
                    for (int r = 0; r < batch; r++) {
                        int pack = client + k * cursor[client];
                        cursor[client] = (cursor[client] + 1) % owned;
                        BenchPacks.appendDay(body, pack, nextDay[pack]++);
                    }
                    URI uri = targets.get((client + request++) % targets.size());
                    HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/x-ndjson")
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
                    long t = System.nanoTime();
                    boolean ok;
                    String error = null;
                    try {
                        HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
                        ok = resp.statusCode() == 200;
                        if (!ok) error = "HTTP " + resp.statusCode() + " " + resp.body();
                    } catch (Exception e) {
                        ok = false;
                        error = e.toString();
                        if (e instanceof InterruptedException) Thread.currentThread().interrupt();
                    }
                    long end = System.nanoTime();
                    if (ok) log.acknowledgedRecords += batch;
                    if (end >= measureFrom && end <= measureTo) {
                        if (ok) {
                            log.add(end - t, batch);
                        } else {
                            log.errors++;
                        }
                    }
                    // a refused batch recorded nothing; its days are skipped (the packs age them as parked days)
                    if (!ok) firstError.compareAndSet(null, error.length() > 300 ? error.substring(0, 300) : error);
                }
            }, LOAD_GENERATOR_THREAD + c);
            threads[c].start();
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        WindowCpu.Figures cpu = windowCpu.await();
        httpExecutor.shutdown();
        int total = 0;
        long records = 0, errors = 0, acknowledged = 0, max = 0;
        for (ClientLog l : logs) {
            total += l.count;
            records += l.records;
            errors += l.errors;
            acknowledged += l.acknowledgedRecords;
            max = Math.max(max, l.maxNanos);
        }
        long[] all = new long[total];
        int p = 0;
        for (ClientLog l : logs) {
            System.arraycopy(l.latencies, 0, all, p, l.count);
            p += l.count;
        }
        Arrays.sort(all);
        double seconds = o.duration().toNanos() / 1e9;
        double thousands = records / 1000.0;
        Phase phase = new Phase(batch, total, records, seconds, ms(all, 0.50), ms(all, 0.95), ms(all, 0.99), max / 1e6,
                errors, firstError.get(), records == 0 ? Double.NaN : cpu.jvmSeconds() * 1000 / thousands,
                records == 0 ? Double.NaN : (cpu.jvmSeconds() - cpu.loadGeneratorSeconds()) * 1000 / thousands,
                records == 0 ? Double.NaN : cpu.postgresSeconds() * 1000 / thousands, cpu.machineBusyShare(),
                records == 0 ? Double.NaN : cpu.readSideNodeSeconds() * 1000 / thousands,
                records == 0 ? Double.NaN : cpu.jitSeconds() * 1000 / thousands);
        return new PhaseRun(phase, acknowledged);
    }

    /** The port of a PostgreSQL URL ({@code //host:port/}), 0 when it names none (the default port: every server's CPU is read). */
    static int postgresPort(String url) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("//[^/:]+:(\\d+)").matcher(url);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** Whether PostgreSQL runs on this host (a loopback address); H2 runs inside this JVM, its CPU is the JVM's. */
    private static boolean isLocal(BenchNodes.Db db) {
        if (db.pgUrl() == null) return false;
        String url = db.pgUrl();
        return url.contains("//127.") || url.contains("//localhost") || url.contains("//[::1]");
    }

    /**
     * CPU readings at the start and end of a measured window, taken by a thread of its own at those instants: this
     * JVM's CPU time, the PostgreSQL processes' on this host (when local) and the machine's busy time.
     */
    private static final class WindowCpu {
        record Figures(double jvmSeconds, double loadGeneratorSeconds, double postgresSeconds, double machineBusyShare,
                       double readSideNodeSeconds, double jitSeconds) {}

        private final java.util.concurrent.CompletableFuture<Figures> figures = new java.util.concurrent.CompletableFuture<>();

        static WindowCpu start(long fromNanos, long toNanos, int localPostgresPort, java.util.function.DoubleSupplier readSideNodeCpu) {
            boolean localPostgres = localPostgresPort >= 0;
            WindowCpu w = new WindowCpu();
            Thread t = new Thread(() -> {
                try {
                    sleepUntil(fromNanos);
                    long jvm0 = processCpuNanos();
                    Map<Long, Long> load0 = loadGeneratorCpuNanos();
                    Map<Long, Long> pg0 = localPostgres ? HostCpu.postgresTicks(localPostgresPort) : null;
                    double jit0 = HostCpu.jitCompilerSeconds();
                    double busy0 = HostCpu.machineBusySeconds();
                    double side0 = readSideNodeCpu.getAsDouble();
                    long t0 = System.nanoTime();
                    sleepUntil(toNanos);
                    long jvm1 = processCpuNanos();
                    Map<Long, Long> load1 = loadGeneratorCpuNanos();
                    long load = 0;
                    for (Map.Entry<Long, Long> t1 : load1.entrySet()) load += t1.getValue() - load0.getOrDefault(t1.getKey(), 0L);
                    Map<Long, Long> pg1 = localPostgres ? HostCpu.postgresTicks(localPostgresPort) : null;
                    double jit1 = HostCpu.jitCompilerSeconds();
                    double busy1 = HostCpu.machineBusySeconds();
                    double side1 = readSideNodeCpu.getAsDouble();
                    double wall = (System.nanoTime() - t0) / 1e9;
                    int cores = Runtime.getRuntime().availableProcessors();
                    w.figures.complete(new Figures(jvm0 < 0 ? Double.NaN : (jvm1 - jvm0) / 1e9, load / 1e9,
                            pg0 == null || pg1 == null ? Double.NaN : HostCpu.secondsBetween(pg0, pg1),
                            busy0 < 0 || busy1 < 0 ? Double.NaN : (busy1 - busy0) / (wall * cores), side1 - side0,
                            jit0 < 0 || jit1 < 0 ? Double.NaN : jit1 - jit0));
                } catch (InterruptedException e) {
                    w.figures.completeExceptionally(e);
                }
            }, "ingest-bench-cpu-window");
            t.setDaemon(true);
            t.start();
            return w;
        }

        private static void sleepUntil(long nanos) throws InterruptedException {
            long left;
            while ((left = nanos - System.nanoTime()) > 0) Thread.sleep(Math.max(1, left / 1_000_000));
        }

        Figures await() {
            try {
                return figures.get(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                return new Figures(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
        }
    }

    /** Name prefix of the load generator's threads (the closed-loop clients and the HTTP client's executor). */
    static final String LOAD_GENERATOR_THREAD = "ingest-load-";

    /**
     * CPU time (ns) of each live load-generator thread by id: the clients, the HTTP client's executor and its selector
     * thread ({@code HttpClient-*}, named by the JDK). A thread that ends inside a window takes its time with it,
     * which only makes the nodes' figure higher.
     */
    private static Map<Long, Long> loadGeneratorCpuNanos() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        Map<Long, Long> out = new java.util.HashMap<>();
        for (java.lang.management.ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (t == null) continue;
            String name = t.getThreadName();
            if (name.startsWith(LOAD_GENERATOR_THREAD) || name.startsWith("HttpClient-")) {
                long ns = mx.getThreadCpuTime(t.getThreadId());
                if (ns >= 0) out.put(t.getThreadId(), ns);
            }
        }
        return out;
    }

    private static double ms(long[] sorted, double q) {
        if (sorted.length == 0) return Double.NaN;
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
