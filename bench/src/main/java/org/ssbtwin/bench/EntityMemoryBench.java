package org.ssbtwin.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.ssbtwin.api.TwinServer;
import org.ssbtwin.fleet.ageing.DailyTelemetry;
import org.ssbtwin.fleet.pack.Pack;
import org.ssbtwin.fleet.pack.PackEvent;
import org.ssbtwin.fleet.pack.TelemetryRecord;
import org.ssbtwin.fleet.entity.PackAgeing;
import org.ssbtwin.fleet.entity.PackEntity;

/**
 * Heap per resident pack entity. One node (H2 in a temp dir, or PostgreSQL) with the passivation limit above N:
 * N packs are installed (112 cells with their manufacturing factors) and get a few days of telemetry (ageing
 * snapshot, health history, record ids) through the normal write paths; the node is restarted, so that its read
 * side holds every pack's summary but no pack entity is running; then a Get to each pack makes all N resident.
 * Used heap after a forced GC, before and after (right after, and again in the steady state once the recoveries'
 * cancelled timeout tasks have left the scheduler), gives the bytes per resident entity (actor, sharding bookkeeping
 * and state). For a breakdown, the same N states are then folded in plain Java and held, and their parts
 * measured the same way. Figures, never asserted.
 */
public final class EntityMemoryBench {
    /** {@code partsSample}: packs folded in plain Java for the breakdown of the state (0: none). */
    public record Options(int entities, int usageDays, int partsSample, BenchNodes.Db db) {
        public Options {
            if (partsSample < 0 || partsSample > 2_000_000) throw new IllegalArgumentException("--parts-sample: must be within [0, 2000000], was " + partsSample);
            if (entities < 1 || entities > 2_000_000) throw new IllegalArgumentException("--entities: must be within [1, 2000000], was " + entities);
            if (usageDays < 0 || usageDays > 365) throw new IllegalArgumentException("--usage-days: must be within [0, 365], was " + usageDays);
        }

        public static Options of(int entities, int usageDays, int partsSample, String pgUrl, String pgUser, String pgPassword) {
            return new Options(entities, usageDays, partsSample, pgUrl == null ? BenchNodes.Db.H2 : new BenchNodes.Db(pgUrl, pgUser, pgPassword));
        }
    }

    /** Heap used by one part of the state, bytes per pack. */
    public record Part(String name, double bytesPerPack) {}

    public record Report(int entities, int usageDays, String database, long maxHeap, long heapBefore, long heapAfter,
                         double setupSeconds, double residentSeconds, int partsSample, List<Part> stateParts, List<Part> grownClasses, String loadAverage) {
        public double bytesPerEntity() {
            return (heapAfter - heapBefore) / (double) entities;
        }

        public double entitiesPerGb() {
            return (1L << 30) / bytesPerEntity();
        }

        /** Heap that 1,000,000 resident entities need on top of the node's baseline, extrapolated linearly. */
        public double gbForOneMillion() {
            return bytesPerEntity() * 1_000_000 / (1L << 30);
        }

        public String format() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "resident pack entities: %d (VF8, 112 cells with factors, %d telemetry days each), database %s%n",
                    entities, usageDays, database));
            sb.append(String.format(Locale.ROOT, "setup %.1f s; made resident (Get to each, recovery from the journal) in %.1f s%n",
                    setupSeconds, residentSeconds));
            sb.append(String.format(Locale.ROOT, "used heap after GC: %.1f MB before, %.1f MB after (max heap %.0f MB)%n",
                    heapBefore / 1e6, heapAfter / 1e6, maxHeap / 1e6));
            sb.append(String.format(Locale.ROOT, "bytes per resident pack entity: %.0f%n", bytesPerEntity()));
            sb.append(String.format(Locale.ROOT, "resident entities per GB of heap: %.0f%n", entitiesPerGb()));
            sb.append(String.format(Locale.ROOT, "1,000,000 resident entities: %.2f GB of heap above the node's baseline (target: within 4 GB)%n",
                    gbForOneMillion()));
            if (!stateParts.isEmpty()) sb.append(String.format(Locale.ROOT, "of which the pack state (the same states folded and held in plain Java, %d packs):%n", partsSample));
            for (Part p : stateParts) sb.append(String.format(Locale.ROOT, "  %-34s %8.0f bytes/pack%n", p.name(), p.bytesPerPack()));
            if (!grownClasses.isEmpty()) sb.append("classes that grew most while the entities became resident (live objects after GC):\n");
            for (Part p : grownClasses) sb.append(String.format(Locale.ROOT, "  %8.0f bytes/pack  %s%n", p.bytesPerPack(), p.name()));
            sb.append("load average (1/5/15 min) at the end: ").append(loadAverage).append('\n');
            return sb.toString();
        }
    }

    private EntityMemoryBench() {}

    /**
     * The node's journal recovery timeout, which typed persistence uses for the snapshot and for the events (the
     * plugin's own block, else Pekko's defaults for journal plugins).
     */
    private static Duration recoveryTimeout(TwinServer node) {
        com.typesafe.config.Config c = node.system().settings().config();
        String own = "jdbc-journal.recovery-event-timeout";
        return c.getDuration(c.hasPath(own) ? own : "pekko.persistence.journal-plugin-fallback.recovery-event-timeout");
    }

    public static Report run(Options o, PrintWriter out) {
        out.printf(Locale.ROOT, "entity memory bench: %d pack entities, %d telemetry days each, max heap %d MB, %s%n",
                o.entities(), o.usageDays(), Runtime.getRuntime().maxMemory() >> 20, o.db().label());
        out.flush();
        int warmUp = Math.max(10, o.entities() / 10); // packs made resident before the baseline (see below)
        Map<String, Object> extra = Map.of(
                "pekko.cluster.sharding.passivation.twin-slru.active-entity-limit", o.entities() + warmUp + 1000,
                "pekko.cluster.sharding.passivation.twin-slru.idle-entity.timeout", "24h",
                // setting up writes ~N x (days + 2) events as fast as it can; on a busy machine H2 takes longer than
                // the journal's default 10 s breaker (the figure measured is heap, not write speed)
                "jdbc-journal.circuit-breaker.call-timeout", "120s",
                // H2's page cache lives in this heap: at its default 16 MB its growth between the two measurements
                // moved the figure by up to 7 MB (the 1000-pack test's whole signal is ~5 MB); 1 MB bounds that
                "twin.database.h2.cache-size-mb", 1);
        long t0 = System.nanoTime();
        BenchNodes first = BenchNodes.start(1, o.db(), extra);
        BenchNodes second = null;
        try {
            TwinServer node = first.nodes.get(0);
            BenchPacks.register(node, o.entities() + warmUp, 500);
            if (o.usageDays() > 0) recordUsage(node, o.entities() + warmUp, o.usageDays());
            first.stopKeepingData();
            second = BenchNodes.start(1, o.db(), extra, first.dataDir());
            TwinServer restarted = second.nodes.get(0);
            BenchNodes.await("the read side lists every pack", Duration.ofSeconds(600),
                    () -> restarted.directory().queries().packIds(null, Integer.MAX_VALUE).toCompletableFuture().join().size() >= o.entities() + warmUp);
            double setup = (System.nanoTime() - t0) / 1e9;
            out.printf(Locale.ROOT, "set up %d packs in %.1f s%n", o.entities(), setup);
            out.flush();

            // warm-up: a tenth more packs made resident first, left out of the figure. The restart's replay leaves
            // query results behind in the database's client and (H2) engine objects (~5 KB per pack on H2, read off
            // the class histogram: byte arrays and H2 rows); the first recoveries' queries release them. Measured
            // from before the warm-up, the 1000-pack H2 figure came out negative in some runs.
            askEach(restarted, o.entities(), warmUp, 256, i -> PackEntity.Get::new);
            long before = usedHeapAfterGc();
            Map<String, long[]> histogramBefore = classHistogram();
            long t1 = System.nanoTime();
            List<Pack> resident = askEach(restarted, 0, o.entities(), 256, i -> PackEntity.Get::new);
            double residentSeconds = (System.nanoTime() - t1) / 1e9;
            for (Pack p : resident) {
                if (p.status() != org.ssbtwin.fleet.pack.PackStatus.IN_SERVICE) throw new IllegalStateException("pack " + p.id() + " is " + p.status());
            }
            int usage = resident.get(0).recentRecords().size();
            resident = null; // the replies are copies of what the entities hold only on a remote node; drop them anyway
            long afterRecovery = usedHeapAfterGc();
            out.printf(Locale.ROOT, "made %d entities resident in %.1f s (%d usage records each); %.0f bytes per entity right after%n",
                    o.entities(), residentSeconds, usage, (afterRecovery - before) / (double) o.entities());
            out.flush();
            // steady state: each recovery started two timeouts (snapshot and events) that are cancelled when it
            // completes, but a cancelled task stays in the scheduler's wheel until its deadline has passed
            try {
                Thread.sleep(recoveryTimeout(restarted).plusSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            long after = usedHeapAfterGc();
            List<Part> grown = grownClasses(histogramBefore, classHistogram(), o.entities(), 70);
            second.close();
            second = null;
            List<Part> parts = o.partsSample() == 0 ? List.of() : stateParts(o);
            return new Report(o.entities(), o.usageDays(), o.db().label(), Runtime.getRuntime().maxMemory(), before, after,
                    setup, residentSeconds, o.partsSample(), parts, grown, BenchNodes.loadAverage());
        } finally {
            if (second != null) second.close();
            first.close();
        }
    }

    /** {@code days} of telemetry for every pack, in rounds of at most 5 days per pack, 64 packs at a time
     * (journal writes stay small enough for H2 on a busy machine). */
    private static void recordUsage(TwinServer node, int packs, int days) {
        Instant at = node.clock().now();
        for (int from = 0; from < days; from += 5) {
            int first = from;
            int last = Math.min(days, from + 5);
            List<PackEntity.TelemetryAck> replies = askEach(node, 0, packs, 64, i -> replyTo -> {
                List<TelemetryRecord> records = new ArrayList<>();
                for (int d = first; d < last; d++) records.add(record(i, d));
                return new PackEntity.IngestTelemetry(records, at, false, replyTo);
            }, PackEntity.TelemetryAck::rejection);
            if (replies.size() != packs) throw new IllegalStateException("usage not recorded for every pack");
        }
    }

    static TelemetryRecord record(int pack, int day) {
        int h = (pack * 31 + day * 17) & 0xffff;
        double km = 20 + h % 90;
        return new TelemetryRecord("r" + pack + "-" + day, new DailyTelemetry(BenchPacks.FIRST_DAY.plusDays(day), km, km * 0.24,
                Double.NaN, 0.3, 0.8, 24 + h % 9, (h % 7 == 0) ? 15 : 0, Double.NaN));
    }

    /** Asks every pack, at most {@code window} asks in flight; fails on a rejection. */
    /** Asks packs {@code first .. first + packs - 1}, {@code window} at a time. */
    private static List<Pack> askEach(TwinServer node, int first, int packs, int window,
                                     java.util.function.IntFunction<Function<org.apache.pekko.actor.typed.ActorRef<PackEntity.Reply>, PackEntity.Command>> cmd) {
        List<PackEntity.Reply> replies = askEach(node, first, packs, window, cmd, PackEntity.Reply::rejection);
        List<Pack> out = new ArrayList<>(replies.size());
        for (PackEntity.Reply r : replies) out.add(r.pack());
        return out;
    }

    private static <R> List<R> askEach(TwinServer node, int first, int packs, int window,
                                       java.util.function.IntFunction<Function<org.apache.pekko.actor.typed.ActorRef<R>, PackEntity.Command>> cmd,
                                       Function<R, org.ssbtwin.core.Rejection> rejection) {
        ClusterSharding sharding = ClusterSharding.get(node.system());
        List<R> out = new ArrayList<>(packs);
        int end = first + packs;
        for (int from = first; from < end; from += window) {
            List<CompletableFuture<R>> inFlight = new ArrayList<>();
            for (int i = from; i < Math.min(end, from + window); i++) {
                var make = cmd.apply(i);
                inFlight.add(sharding.entityRefFor(PackEntity.TYPE_KEY, BenchPacks.id(i).value())
                        .<R>ask(make::apply, Duration.ofSeconds(60)).toCompletableFuture());
            }
            for (int k = 0; k < inFlight.size(); k++) {
                R r;
                try {
                    r = inFlight.get(k).get(90, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("ask failed: " + e, e);
                }
                if (rejection.apply(r) != null) throw new IllegalStateException("pack " + BenchPacks.id(from + k) + " refused: " + rejection.apply(r).message());
                out.add(r);
            }
        }
        return out;
    }

    /** The pack states folded in plain Java from the same events: heap of the whole state and of its parts. */
    private static List<Part> stateParts(Options o) {
        List<Part> parts = new ArrayList<>();
        // a throwaway round first: the node just closed still frees memory (threads, pools) and the folding code is
        // not yet compiled; measured first, the whole state came out negative on a busy machine
        part("warm-up", o, p -> p);
        parts.add(part("whole Pack state", o, p -> p));
        parts.add(part("cells (List<CellId>)", o, Pack::cells));
        parts.add(part("cellProfile (SeriesCellProfile)", o, Pack::cellProfile));
        parts.add(part("ageing snapshot", o, Pack::ageing));
        parts.add(part("recentRecords (RecentRecordIds)", o, Pack::recentRecords));
        return parts;
    }

    /** Folds the N states again, keeping only {@code partOf} each, and measures the heap they hold. */
    private static Part part(String name, Options o, Function<Pack, Object> partOf) {
        PackAgeing ageing = PackAgeing.standard();
        Instant at = BenchPacks.INSTALLED_AT.plusSeconds(86_400L * 400);
        int n = o.partsSample();
        Object[] kept = new Object[n];
        long base = usedHeapAfterGc();
        for (int i = 0; i < n; i++) {
            Pack p = Pack.unknown(BenchPacks.id(i));
            for (PackEvent e : BenchPacks.installation(i)) p = p.apply(e);
            if (o.usageDays() > 0) {
                List<TelemetryRecord> records = new ArrayList<>();
                for (int d = 0; d < o.usageDays(); d++) records.add(record(i, d));
                for (PackEvent e : ageing.ingest(p, records, at).events()) p = p.apply(e);
            }
            kept[i] = partOf.apply(p);
        }
        long used = usedHeapAfterGc() - base;
        Part part = new Part(name, used / (double) n);
        if (kept[n - 1] == null && name.isEmpty()) System.out.print(""); // keeps the parts reachable until measured
        return part;
    }

    /** Live-object class histogram (after a full GC), class name -> {instances, bytes}. */
    static Map<String, long[]> classHistogram() {
        try {
            var server = ManagementFactory.getPlatformMBeanServer();
            var name = new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand");
            String text = (String) server.invoke(name, "gcClassHistogram", new Object[] {new String[0]}, new String[] {String[].class.getName()});
            Map<String, long[]> h = new java.util.HashMap<>();
            for (String line : text.split("\n")) {
                String[] f = line.trim().split("\\s+");
                if (f.length < 4 || !f[0].endsWith(":")) continue;
                h.put(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
            }
            return h;
        } catch (Exception e) {
            return Map.of(); // not a HotSpot JVM: no breakdown
        }
    }

    /** The classes that grew most between two histograms, per entity. */
    static List<Part> grownClasses(Map<String, long[]> before, Map<String, long[]> after, int entities, int top) {
        List<Part> parts = new ArrayList<>();
        for (var e : after.entrySet()) {
            long[] b = before.getOrDefault(e.getKey(), new long[2]);
            long bytes = e.getValue()[1] - b[1];
            double instances = (e.getValue()[0] - b[0]) / (double) entities;
            if (bytes > 0) parts.add(new Part(String.format(Locale.ROOT, "%s (%.1f per pack)", e.getKey(), instances), bytes / (double) entities));
        }
        parts.sort(java.util.Comparator.comparingDouble(Part::bytesPerPack).reversed());
        return parts.subList(0, Math.min(top, parts.size()));
    }

    static long usedHeapAfterGc() {
        var mem = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            used = Math.min(used, mem.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
