package org.ssbtwin.bench;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.persistence.JournalProtocol;
import org.ssbtwin.api.TwinServer;
import org.ssbtwin.config.TwinSettings;
import org.ssbtwin.fleet.ageing.DailyTelemetry;
import org.ssbtwin.fleet.entity.PackAgeing;
import org.ssbtwin.fleet.entity.PackEntity;
import org.ssbtwin.fleet.pack.Pack;
import org.ssbtwin.fleet.pack.PackEvent;
import org.ssbtwin.fleet.pack.TelemetryRecord;

/**
 * Restart time against history length (issue 17): builds an H2 database holding {@code events} pack usage events,
 * then starts a node on the same files and measures time to ready ({@code GET /api/v1/ready} 200), time to the first
 * answer of a pack entity ({@code GET /api/v1/packs/{id}/health}, recovered from its snapshot and the events after it),
 * CPU time, heap after GC, the file size and its split per event. The measured part uses only the node's public
 * start and the HTTP API, so it measures whatever the start path is.
 *
 * <p>The build registers {@code packs} packs through the normal write path (a node, whose fleet projection folds the
 * registrations), stops that node, then ages the packs day by day in plain Java with the entity's own logic
 * ({@link PackAgeing#ingest}, {@link Pack#apply}) and writes the events straight into the journal tables with JDBC
 * batches ({@link JournalBulkWriter}: Pekko's serialization of each event, the entity's tags {@code pack} and
 * {@code pack-i}), each pack's last two snapshots as an entity with {@code snapshot-every} would leave them, and the
 * fleet read side's rows folded by the projection's own code in the same transactions, its offsets moved to the last
 * event: the database of a twin whose projections have caught up (stated in the output). 10 M events take ~45 min
 * on 2 shared cores (through the journal actor it was ~2,000 events/s).
 */
final class RestartBench {
    record Options(int packs, long events, Path dataDir, boolean build, boolean restart, Duration catchUpLimit, int snapshotEvery) {
        Options {
            if (packs < 1 || packs > 1_000_000) throw new IllegalArgumentException("--packs: must be within [1, 1000000], was " + packs);
            if (events < packs || events > 1_000_000_000L) {
                throw new IllegalArgumentException("--events: must be within [packs (" + packs + "), 1000000000], was " + events);
            }
            if (events / packs > PackAgeing.MAX_DAYS_PER_COMMAND * 3L) {
                throw new IllegalArgumentException("--events: at most " + PackAgeing.MAX_DAYS_PER_COMMAND * 3L + " days per pack (--packs "
                        + packs + "), was " + events / packs);
            }
            if (!build && !restart) throw new IllegalArgumentException("--phase: build, restart or both");
            if (!build && dataDir == null) throw new IllegalArgumentException("--data-dir: --phase restart needs the directory a build left");
        }
    }

    private static final int CHUNK = 500;
    private static final int LANES = 3;
    private static final Set<String> TAGS = Set.of(PackEntity.TAG);

    private RestartBench() {}

    static void run(Options o, PrintWriter out) throws Exception {
        Path dir = o.dataDir();
        if (dir == null) dir = Files.createTempDirectory("ssb-restart-bench");
        out.printf(Locale.ROOT, "restart bench: H2 in %s, %d packs, %d usage events%n", dir, o.packs(), o.events());
        out.flush();
        if (o.build()) build(o, dir, out);
        if (o.restart()) restart(o, dir, out);
    }

    private static Map<String, Object> nodeConfig(Path dir, int snapshotEvery) {
        Map<String, Object> c = new HashMap<>();
        c.put("twin.http.host", "127.0.0.1");
        c.put("twin.http.port", 0);
        c.put("twin.data-dir", dir.resolve("node0").toString());
        c.put("twin.simulation.enabled", false);
        c.put("twin.persistence.snapshot-every", snapshotEvery);
        c.put("pekko.remote.artery.canonical.port", 0);
        c.put("jdbc-read-journal.journal-sequence-retrieval.ask-timeout", "10s");
        // the bulk writes' per-event acknowledgements arrive after the ask is answered
        c.put("pekko.log-dead-letters", "off");
        return c;
    }

    private static void build(Options o, Path dir, PrintWriter out) throws Exception {
        long t0 = System.nanoTime();
        // not closed with try-with-resources: BenchNodes.close deletes the directory, the build keeps it for the restart
        BenchNodes cluster = BenchNodes.start(1, BenchNodes.Db.H2, nodeConfig(dir, o.snapshotEvery()), dir);
        TwinSettings.Database db;
        int slices;
        Pack[] registered = new Pack[o.packs()];
        try {
            TwinServer node = cluster.nodes.get(0);
            // the bulk load with H2's own 45 s retention: it writes with a write delay (JournalBulkWriter), so H2's
            // background writer compacts, and with the node's 3 s it rewrote chunks as fast as they were written (100 000
            // events at ~2 100/s instead of ~6 800-9 900/s). Every connection's URL sets it (H2 stores the setting), and
            // the restart's node sets its own again. docs/h2-disk.md
            db = bulkLoad(cluster.database());
            slices = org.ssbtwin.config.ReadSideSettings.from(node.system().settings().config()).projectionInstances();
            BenchPacks.register(node, o.packs(), 500);
            out.printf(Locale.ROOT, "build: %d packs registered in %.1f s%n", o.packs(), (System.nanoTime() - t0) / 1e9);
            out.flush();
            ClusterSharding sharding = ClusterSharding.get(node.system());
            for (int i = 0; i < o.packs(); i++) {
                registered[i] = AskPattern.<PackEntity.Command, PackEntity.Reply>ask(sharding.entityRefFor(PackEntity.TYPE_KEY, BenchPacks.id(i).value()),
                        PackEntity.Get::new, Duration.ofSeconds(30), node.system().scheduler()).toCompletableFuture().get(60, TimeUnit.SECONDS).pack();
            }
            // the registrations' events folded by the fleet projection: every slice has an offset row to move later
            long journal0 = cluster.journalRows("Pack|");
            long t2 = System.nanoTime();
            while (cluster.projectedPackEvents() < journal0) {
                if (System.nanoTime() - t2 > o.catchUpLimit().toNanos()) throw new IllegalStateException("fleet projection behind the registrations");
                Thread.sleep(200);
            }
        } finally {
            cluster.stopKeepingData();
        }
        // the usage history, written straight into the tables (no node runs): see JournalBulkWriter
        long t1 = System.nanoTime();
        AtomicLong written = new AtomicLong();
        AtomicLong payloadBytes = new AtomicLong();
        AtomicLong nextOrdering = new AtomicLong(JournalBulkWriter.nextOrdering(db));
        java.sql.Connection hold = JournalBulkWriter.holdForBulkLoad(db);
        // the file per journal event while the history is written (every 10 s; its peak from 100 000 events on)
        H2DiskSampler disk = H2DiskSampler.start(db, dir.resolve("node0"), out, 10_000, 100_000);
        java.util.concurrent.atomic.AtomicBoolean failed = new java.util.concurrent.atomic.AtomicBoolean();
        org.apache.pekko.actor.ActorSystem serialization = org.apache.pekko.actor.ActorSystem.create("restart-bench-serialization",
                ConfigFactory.parseString("pekko.actor.provider = local").withFallback(ConfigFactory.load()));
        try {
            ExecutorService lanes = Executors.newFixedThreadPool(LANES);
            List<CompletableFuture<Void>> done = new ArrayList<>();
            for (int lane = 0; lane < LANES; lane++) {
                int first = lane;
                done.add(CompletableFuture.runAsync(() -> {
                    try (JournalBulkWriter writer = new JournalBulkWriter(db, serialization, nextOrdering)) {
                        for (int i = first; i < o.packs() && !failed.get(); i += LANES) {
                            long days = o.events() / o.packs() + (i < o.events() % o.packs() ? 1 : 0);
                            writeHistory(writer, registered[i], i, days, o.snapshotEvery(), slices, written, payloadBytes);
                            if (i % 50 == first) {
                                long n = written.get();
                                double s = (System.nanoTime() - t1) / 1e9;
                                synchronized (out) {
                                    out.printf(Locale.ROOT, "build: %d events written (%.0f/s)%n", n, n / s);
                                    out.flush();
                                }
                            }
                        }
                    } catch (java.sql.SQLException | RuntimeException e) {
                        failed.set(true); // the other lanes stop too: a build with a lane missing would be a smaller history
                        throw new IllegalStateException("bulk write failed: " + e.getMessage(), e);
                    }
                }, lanes));
            }
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get();
            lanes.shutdown();
        } finally {
            serialization.terminate();
        }
        if (disk != null) {
            disk.close();
            out.print(disk.formatPeak());
        }
        int offsets;
        try {
            offsets = JournalBulkWriter.finish(db, slices);
        } finally {
            hold.close();
        }
        if (offsets != slices) throw new IllegalStateException("fleet projection offsets moved: " + offsets + " of " + slices);
        double writeSeconds = (System.nanoTime() - t1) / 1e9;
        out.printf(Locale.ROOT, "build: %d usage events (payloads %.0f B per event) written in bulk in %.1f s (%.0f/s); the fleet read side "
                        + "folded in the same transactions and its %d projection offsets moved to the last event, as if the projection had "
                        + "caught up%n", written.get(), payloadBytes.get() / (double) written.get(), writeSeconds, written.get() / writeSeconds, offsets);
        out.print(H2DiskUse.measure(db, dir.resolve("node0")).format());
        // the bulk load leaves most of the file as superseded pages (~570 B per event at 6.7 M events); a twin that ran
        // that long kept its file compact as it went (H2FileCompaction), so the build closes with a full compaction
        // (~1 min for 5 GB) and the restart starts on a file at rest
        long t3 = System.nanoTime();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(db.url(), db.user(), db.password());
             java.sql.Statement st = c.createStatement()) {
            st.execute("SHUTDOWN COMPACT");
        }
        out.printf(Locale.ROOT, "build: done in %.1f s; H2 file after SHUTDOWN COMPACT (%.1f s): %.1f MB (%.0f bytes per event)%n",
                (System.nanoTime() - t0) / 1e9, (System.nanoTime() - t3) / 1e9, H2DiskUse.fileBytes(dir) / 1e6,
                H2DiskUse.fileBytes(dir) / (double) Math.max(1, written.get()));
        out.flush();
    }

    /** The node's database with H2's own retention time, for the bulk load. */
    static TwinSettings.Database bulkLoad(TwinSettings.Database node) {
        String url = node.url().replaceAll(";RETENTION_TIME=\\d+", "") + ";RETENTION_TIME="
                + org.ssbtwin.config.H2FileSettings.H2_DEFAULT_RETENTION.toMillis();
        return new TwinSettings.Database(node.kind(), url, node.user(), node.password(), node.maxConnections());
    }

    /** Days {@code 1..days} of pack {@code i}, aged as its entity would ({@link PackAgeing#ingest}, {@link Pack#apply}). */
    private static void writeHistory(JournalBulkWriter writer, Pack registered, int i, long days, int snapshotEvery, int slices,
                                     AtomicLong written, AtomicLong payloadBytes) throws java.sql.SQLException {
        Pack state = registered;
        String packId = BenchPacks.id(i).value();
        String pid = PackEntity.TYPE_KEY.name() + "|" + packId;
        // the entity's tags (PackEntity.tagsFor): the kind and this pack's slice
        Set<String> tags = slices > 0 ? Set.of(PackEntity.TAG, org.ssbtwin.core.TagSlice.tag(PackEntity.TAG, packId, slices)) : TAGS;
        String writerUuid = UUID.randomUUID().toString();
        PackAgeing ageing = PackAgeing.standard();
        Pack[] lastSnapshots = new Pack[2];
        long[] lastSnapshotSeq = new long[2];
        for (long from = 1; from <= days; from += CHUNK) {
            List<TelemetryRecord> records = new ArrayList<>(CHUNK);
            long to = Math.min(days, from + CHUNK - 1);
            for (long d = from; d <= to; d++) records.add(record(i, d));
            LocalDate lastDay = BenchPacks.FIRST_DAY.plusDays(to);
            Instant at = lastDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            PackAgeing.Outcome outcome = ageing.ingest(state, records, at);
            if (outcome.rejection() != null) throw new IllegalStateException("pack " + pid + ": " + outcome.rejection().message());
            long firstSeq = state.revision() + 1;
            for (PackEvent e : outcome.events()) {
                state = state.apply(e);
                if (state.revision() % snapshotEvery == 0) {
                    lastSnapshots[0] = lastSnapshots[1];
                    lastSnapshotSeq[0] = lastSnapshotSeq[1];
                    lastSnapshots[1] = state;
                    lastSnapshotSeq[1] = state.revision();
                }
            }
            payloadBytes.addAndGet(writer.append(packId, pid, firstSeq, outcome.events(), tags, writerUuid));
            written.addAndGet(outcome.events().size());
        }
        for (int k = 0; k < 2; k++) if (lastSnapshots[k] != null) writer.snapshot(pid, lastSnapshotSeq[k], lastSnapshots[k]);
    }

    /** Day {@code d} of pack {@code i}: the same deterministic day as {@code bench ingest} sends. */
    static TelemetryRecord record(int i, long d) {
        int h = (int) ((i * 31 + d * 17) & 0xffff);
        int km = 20 + h % 90;
        int dc = (h % 7 == 0) ? 15 : 0;
        return new TelemetryRecord("r" + i + "-" + d, new DailyTelemetry(BenchPacks.FIRST_DAY.plusDays(d), km, km * 0.24, Double.NaN,
                0.3, 0.8, 24 + h % 9, dc, Double.NaN));
    }

    private static void restart(Options o, Path dir, PrintWriter out) throws Exception {
        if (!Files.exists(dir.resolve("node0").resolve("twin.mv.db"))) {
            throw new IllegalArgumentException("--data-dir: no H2 database at " + dir.resolve("node0").resolve("twin.mv.db"));
        }
        long fileBytes = H2DiskUse.fileBytes(dir);
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long heapBefore = rt.totalMemory() - rt.freeMemory();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        ConfigFactory.invalidateCaches();
        TwinServer node = TwinServer.start(ConfigFactory.parseMap(nodeConfig(dir, o.snapshotEvery())).withFallback(ConfigFactory.load()));
        int probeIndex = o.packs() / 2;
        String probePack = BenchPacks.id(probeIndex).value();
        CompletableFuture<Long> changeSeen = new CompletableFuture<>();
        node.directory().onAssetChanged(change -> {
            if (change.id().equals(probePack)) changeSeen.complete(System.nanoTime());
        });
        CompletableFuture<Long> scanned = CompletableFuture.supplyAsync(() -> orderingScanAtEnd(node));
        try {
            double started = (System.nanoTime() - t0) / 1e9;
            String base = "http://127.0.0.1:" + node.port() + "/api/v1";
            while (status(http, base + "/ready") != 200) {
                if (System.nanoTime() - t0 > Duration.ofMinutes(60).toNanos()) throw new IllegalStateException("not ready after 60 min");
                Thread.sleep(20);
            }
            double ready = (System.nanoTime() - t0) / 1e9;
            double readyCpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            String pack = BenchPacks.id(o.packs() / 2).value();
            int code = status(http, base + "/packs/" + pack + "/health");
            double firstAnswer = (System.nanoTime() - t0) / 1e9;
            System.gc();
            long heap = rt.totalMemory() - rt.freeMemory();
            out.printf(Locale.ROOT, "restart: H2 file %.1f MB (%d usage events, %.0f bytes per event)%n", fileBytes / 1e6, o.events(),
                    fileBytes / (double) o.events());
            out.printf(Locale.ROOT, "restart: HTTP bound after %.2f s, ready (GET /api/v1/ready 200) after %.2f s, first pack answer "
                    + "(GET /packs/%s/health %d) after %.2f s%n", started, ready, pack, code, firstAnswer);
            out.printf(Locale.ROOT, "restart: heap used after GC %.0f MB (%.0f MB before the start); load average (1/5/15 min) %s%n",
                    heap / 1e6, heapBefore / 1e6, BenchNodes.loadAverage());
            out.printf(Locale.ROOT, "restart: CPU time of this JVM (all threads) until ready %.1f s%n", readyCpu);
            out.flush();
            readSideCurrent(o, node, probeIndex, changeSeen, t0, out);
            long scanEnd = scanned.get(10, TimeUnit.MINUTES);
            out.printf(Locale.ROOT, "restart: the read journal's ordering scan (what events-by-tag queries may read up to) reached the journal's "
                    + "end after %.2f s%n", (scanEnd - t0) / 1e9);
            // after the timed part: the disk split of the running database, and whether the read side holds every event
            out.print(H2DiskUse.measure(node.settings().database(), dir.resolve("node0")).format());
            TwinSettings.Database db = node.settings().database();
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(db.url(), db.user(), db.password());
                 java.sql.Statement st = c.createStatement();
                 java.sql.ResultSet rs = st.executeQuery("SELECT (SELECT COALESCE(SUM(events), 0) FROM fleet_pack), "
                         + "(SELECT COUNT(*) FROM \"event_journal\" WHERE \"persistence_id\" LIKE 'Pack|%')")) {
                rs.next();
                out.printf(Locale.ROOT, "restart: fleet read side holds %d of %d pack events%n", rs.getLong(1), rs.getLong(2));
            }
            out.flush();
        } finally {
            node.close();
        }
        out.printf(Locale.ROOT, "restart: H2 file after the stop %.1f MB (%.0f bytes per event)%n", H2DiskUse.fileBytes(dir) / 1e6,
                H2DiskUse.fileBytes(dir) / (double) o.events());
        out.flush();
    }

    /**
     * When the read journal's sequence actor (pekko-persistence-jdbc's gap check, behind every events-by-tag query) has
     * reached the journal's last ordering at start: asked every 20 ms, as {@code System.nanoTime()}.
     */
    private static long orderingScanAtEnd(TwinServer node) {
        TwinSettings.Database db = node.settings().database();
        long end;
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(db.url(), db.user(), db.password());
             java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(\"ordering\"), 0) FROM \"event_journal\"")) {
            rs.next();
            end = rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot read the journal's last ordering: " + e.getMessage(), e);
        }
        org.apache.pekko.actor.ActorSelection actor = org.apache.pekko.actor.typed.javadsl.Adapter.toClassic(node.system())
                .actorSelection("/system/jdbc-read-journal.pekko-persistence-jdbc-journal-sequence-actor");
        while (!node.system().whenTerminated().isCompleted()) {
            try {
                Object answer = org.apache.pekko.pattern.Patterns.ask(actor,
                        org.apache.pekko.persistence.jdbc.query.JournalSequenceActor.GetMaxOrderingId$.MODULE$, Duration.ofMillis(500))
                        .toCompletableFuture().get(1, TimeUnit.SECONDS);
                if (((org.apache.pekko.persistence.jdbc.query.JournalSequenceActor.MaxOrderingId) answer).maxOrdering() >= end) return System.nanoTime();
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException notYet) {
                // the actor starts with the first events-by-tag query
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("the node stopped before its ordering scan reached the journal's end");
    }

    /**
     * Is the read side current, not only the node ready? One usage event of a pack, written through its entity right
     * after ready, must reach the change feed (the asset directory's live tag stream) and the fleet projection's row
     * ({@code fleet_pack.events}). Both read the journal with events-by-tag queries, which deliver only up to the
     * ordering the read journal's sequence actor has checked for gaps (a scan from 0 at every start): this is the time
     * until that scan, then the projection, have reached the journal's end.
     */
    private static void readSideCurrent(Options o, TwinServer node, int probeIndex, CompletableFuture<Long> changeSeen, long t0,
                                        PrintWriter out) throws Exception {
        String pack = BenchPacks.id(probeIndex).value();
        TwinSettings.Database db = node.settings().database();
        long eventsBefore;
        long day; // the day after the pack's last recorded one (its row counts them; a build may have been cut short)
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(db.url(), db.user(), db.password())) {
            eventsBefore = projectedEvents(c, pack);
            day = usageRecords(c, pack) + 1;
        }
        Instant at = BenchPacks.FIRST_DAY.plusDays(day + 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        double written0 = (System.nanoTime() - t0) / 1e9;
        PackEntity.TelemetryAck ack = AskPattern.<PackEntity.Command, PackEntity.TelemetryAck>ask(
                        ClusterSharding.get(node.system()).entityRefFor(PackEntity.TYPE_KEY, pack),
                        reply -> new PackEntity.IngestTelemetry(List.of(record(probeIndex, day)), at, false, reply),
                        Duration.ofSeconds(30), node.system().scheduler())
                .toCompletableFuture().get(60, TimeUnit.SECONDS);
        if (ack.kind() != PackEntity.TelemetryAck.Kind.APPLIED) {
            out.printf(Locale.ROOT, "restart: read side current: not measured, the probe event was not applied (%s: %s)%n", ack.kind(),
                    ack.rejection() == null ? "" : ack.rejection().message());
            return;
        }
        double written = (System.nanoTime() - t0) / 1e9;
        double projected = -1;
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(db.url(), db.user(), db.password())) {
            while (System.nanoTime() - t0 < Duration.ofMinutes(10).toNanos()) {
                if (projectedEvents(c, pack) > eventsBefore) {
                    projected = (System.nanoTime() - t0) / 1e9;
                    break;
                }
                Thread.sleep(20);
            }
        }
        Long seenAt = changeSeen.getNow(null);
        if (seenAt == null) seenAt = changeSeen.get(10, TimeUnit.MINUTES);
        out.printf(Locale.ROOT, "restart: read side current: a usage event of %s written after %.2f s (persisted after %.2f s) reached the "
                        + "change feed after %.2f s and the fleet projection (fleet_pack) after %.2f s; load average %s%n", pack, written0,
                written, (seenAt - t0) / 1e9, projected, BenchNodes.loadAverage());
        out.flush();
    }

    private static long projectedEvents(java.sql.Connection c, String pack) throws java.sql.SQLException {
        return packColumn(c, pack, "events");
    }

    private static long usageRecords(java.sql.Connection c, String pack) throws java.sql.SQLException {
        return packColumn(c, pack, "usage_records");
    }

    private static long packColumn(java.sql.Connection c, String pack, String column) throws java.sql.SQLException {
        try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM fleet_pack WHERE pack_id = ?")) {
            ps.setString(1, pack);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    private static int status(HttpClient http, String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
