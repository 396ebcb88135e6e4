package org.ssbtwin.bench;

import org.ssbtwin.api.cli.StudyCommand;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ssbtwin.api.study.FleetSpecs;
import org.ssbtwin.fleet.ageing.reference.DutyProfile;
import org.ssbtwin.fleet.ageing.reference.ReferenceModel;
import org.ssbtwin.fleet.ageing.reference.ReferenceSimulator;
import org.ssbtwin.fleet.ageing.reference.ReferenceTrajectory;
import org.ssbtwin.fleet.ageing.reference.StopCriteria;
import org.ssbtwin.fleet.study.CohortYearStats;
import org.ssbtwin.fleet.usage.FleetSpec;
import org.ssbtwin.fleet.study.FleetStudy;
import org.ssbtwin.fleet.study.FleetStudyResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Benchmarks that print figures (never asserted): the fleet study's throughput and the reference models' cost. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Print performance figures: 'bench fleet' (pack-days/s), 'bench reference' (ms per cell), "
                + "'bench ingest' (telemetry records/s over HTTP), 'bench entity-memory' (bytes per resident pack) "
                + "'bench what-if' (live query latency while scenario jobs run) and 'bench failover' (kill -9 of a node: time until its "
                + "entities answer again, client errors, acknowledged = found) 'bench plant' (wall time of one 12 GWh plant-year), 'bench passport-export' (NDJSON battery passports/s over HTTP from the read side), 'bench read' (reads, searches and recall queries/s on the read-side tables) and 'bench restart' (time to ready on a long H2 history).",
        subcommands = {BenchCommand.Fleet.class, BenchCommand.Reference.class, BenchCommand.Ingest.class,
                BenchCommand.EntityMemory.class, org.ssbtwin.bench.WhatIfLatencyBench.Cli.class,
                BenchCommand.Failover.class, PassportExportBench.class, org.ssbtwin.bench.ReadSideBench.Cli.class,
                org.ssbtwin.bench.PlantYearBench.Cli.class, BenchCommand.Restart.class})
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** {@code java -jar bench/target/twin-bench.jar <benchmark> [options]}. */
    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof org.ssbtwin.core.config.ConfigException || ex instanceof IllegalArgumentException) {
                cmd.getErr().println("error: " + ex.getMessage());
                return 2;
            }
            throw ex;
        });
        int code = cli.execute(args);
        System.exit(code);
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "name a benchmark: fleet, reference, ingest or entity-memory");
    }

    @Command(name = "fleet", mixinStandardHelpOptions = true,
            description = "Fleet study throughput: a warm-up, then one timed study; prints pack-days/s and wall time.")
    static final class Fleet implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--fleet", defaultValue = "vinfast-vn", description = "bundled fleet or HOCON file (default ${DEFAULT-VALUE})")
        String fleet;

        @Option(names = "--packs", defaultValue = "100000", description = "packs (default ${DEFAULT-VALUE})")
        int packs;

        @Option(names = "--years", defaultValue = "15", description = "service years (default ${DEFAULT-VALUE})")
        int years;

        @Option(names = "--threads", defaultValue = "2", description = "worker threads (default ${DEFAULT-VALUE})")
        int threads;

        @Option(names = "--seed", defaultValue = "42", description = "seed (default ${DEFAULT-VALUE})")
        long seed;

        @Override
        public Integer call() {
            if (packs < 1 || packs > StudyCommand.MAX_PACKS) {
                throw new ParameterException(spec.commandLine(), "--packs: must be within [1, " + StudyCommand.MAX_PACKS + "], was " + packs);
            }
            if (years < 1 || years > StudyCommand.MAX_YEARS) {
                throw new ParameterException(spec.commandLine(), "--years: must be within [1, " + StudyCommand.MAX_YEARS + "], was " + years);
            }
            if (threads < 1 || threads > StudyCommand.MAX_THREADS) {
                throw new ParameterException(spec.commandLine(), "--threads: must be within [1, " + StudyCommand.MAX_THREADS + "], was " + threads);
            }
            FleetSpec fleetSpec;
            try {
                fleetSpec = FleetSpecs.byNameOrFile(fleet).withPacks(packs).withYears(years);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--fleet: " + e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "fleet study bench: %s, %d packs x %d years, %d threads, %d processors%n",
                    fleet, packs, years, threads, Runtime.getRuntime().availableProcessors());
            out.flush();
            long tw = System.nanoTime();
            FleetStudy.run(fleetSpec.withPacks(Math.min(packs, 4_000)), seed + 1, threads);
            double warm = (System.nanoTime() - tw) / 1e9;
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            FleetStudyResult r = FleetStudy.run(fleetSpec, seed, threads);
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = (os.getProcessCpuTime() - c0) / 1e9;
            out.printf(Locale.ROOT, "warm-up:        %.2f s%n", warm);
            out.printf(Locale.ROOT, "pack-days:      %d%n", r.packDays());
            out.printf(Locale.ROOT, "wall time:      %.2f s%n", wall);
            // on a shared host the wall time measures the neighbours too; process CPU / threads is the wall time with
            // the study's cores to itself (GC and JIT threads included)
            out.printf(Locale.ROOT, "process CPU:    %.2f s = %.2f s per thread (%.0f %% of %d threads over the wall time)%n",
                    cpu, cpu / threads, 100 * cpu / (wall * threads), threads);
            out.printf(Locale.ROOT, "throughput:     %.2f M pack-days/s (%.0f packs/s)%n", r.packDays() / wall / 1e6, packs / wall);
            CohortYearStats last = r.fleet(years);
            out.printf(Locale.ROOT, "year %d SoH:     p5 %.3f  p50 %.3f  p95 %.3f (sanity, seed %d)%n", years,
                    last.sohP5(), last.sohP50(), last.sohP95(), seed);
            out.flush();
            return 0;
        }
    }

    @Command(name = "reference", mixinStandardHelpOptions = true,
            description = "BLAST-Lite reference models: ms per cell per run of each model on p6 and p6h (warm-up, then timed runs).")
    static final class Reference implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--years", defaultValue = "15", description = "years per cell run (default ${DEFAULT-VALUE})")
        double years;

        @Option(names = "--warmup", defaultValue = "5", description = "untimed runs per model and profile (default ${DEFAULT-VALUE})")
        int warmup;

        @Option(names = "--runs", defaultValue = "10", description = "timed runs per model and profile (default ${DEFAULT-VALUE})")
        int runs;

        @Override
        public Integer call() {
            if (!(years > 0 && years <= 50)) {
                throw new ParameterException(spec.commandLine(), "--years: must be within (0, 50], was " + years);
            }
            if (warmup < 0 || warmup > 1000) {
                throw new ParameterException(spec.commandLine(), "--warmup: must be within [0, 1000], was " + warmup);
            }
            if (runs < 1 || runs > 1000) {
                throw new ParameterException(spec.commandLine(), "--runs: must be within [1, 1000], was " + runs);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "BLAST-Lite reference port, %s years per cell, %d warm-up + %d timed runs%n",
                    fmt(years), warmup, runs);
            double sink = 0;
            for (String profileName : List.of("p6", "p6h")) {
                DutyProfile profile = DutyProfile.byName(profileName);
                for (String modelName : ReferenceModel.NAMES) {
                    // prepared once per model and profile, then reused per cell, as a fleet would
                    ReferenceSimulator sim = new ReferenceSimulator(ReferenceModel.byName(modelName), profile.input());
                    StopCriteria stop = StopCriteria.years(years);
                    for (int i = 0; i < warmup; i++) {
                        sink += sim.simulate(stop).updateCount();
                    }
                    long t0 = System.nanoTime();
                    int updates = 0;
                    for (int i = 0; i < runs; i++) {
                        ReferenceTrajectory tr = sim.simulate(stop);
                        updates = tr.updateCount();
                        sink += tr.capacity(updates);
                    }
                    double msPerCell = (System.nanoTime() - t0) / 1e6 / runs;
                    out.printf(Locale.ROOT, "%-22s %-4s %9.2f ms/cell (%d updates, %d samples per input year)%n",
                            modelName, profileName, msPerCell, updates, profile.length());
                    out.flush();
                }
            }
            if (sink == 42) {
                out.println(); // keeps the JIT from discarding the runs
            }
            return 0;
        }

        private static String fmt(double d) {
            return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
        }
    }

    @Command(name = "failover", mixinStandardHelpOptions = true,
            description = "Forked twin JVMs on one empty PostgreSQL (--pg-url); clients write setpoints to every station through the "
                    + "survivors while the oldest node is killed with SIGKILL: time until its stations acknowledge writes again, "
                    + "answers by status meanwhile, acknowledged = found.")
    static final class Failover implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--nodes", defaultValue = "3", description = "forked twin nodes (default ${DEFAULT-VALUE}, at least 3)")
        int nodes;

        @Option(names = "--stations", defaultValue = "24", description = "stations, one writing client each (default ${DEFAULT-VALUE})")
        int stations;

        @Option(names = "--observe", defaultValue = "40", description = "seconds the clients go on writing after the kill (default ${DEFAULT-VALUE})")
        int observe;

        @picocli.CommandLine.Mixin
        Database db;

        @Override
        public Integer call() throws Exception {
            org.ssbtwin.bench.FailoverBench.Options o;
            try {
                o = new org.ssbtwin.bench.FailoverBench.Options(nodes, stations, java.time.Duration.ofSeconds(observe), db.pgUrl, db.pgUser,
                        db.pgPassword);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            org.ssbtwin.bench.FailoverBench.run(o, spec.commandLine().getOut());
            return 0;
        }
    }

    @Command(name = "restart", mixinStandardHelpOptions = true,
            description = "Restart on a long history (H2): builds a database of --events usage events (written through the real "
                    + "journal in bulk), stops the node, starts a new one on it: time to ready, to the first pack answer, heap, file size.")
    static final class Restart implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--packs", defaultValue = "2000", description = "packs (default ${DEFAULT-VALUE})")
        int packs;

        @Option(names = "--events", defaultValue = "10000000", description = "usage events in the journal, spread over the packs (default ${DEFAULT-VALUE})")
        long events;

        @Option(names = "--phase", defaultValue = "both", description = "build, restart (on --data-dir) or both (default ${DEFAULT-VALUE}); "
                + "a restart in a JVM of its own gives the cleaner heap figure")
        String phase;

        @Option(names = "--data-dir", description = "where the database is built and kept (default: a new temp directory)")
        java.nio.file.Path dataDir;

        @Option(names = "--catch-up-limit", defaultValue = "3600", description = "seconds the build waits for the fleet projection "
                + "to fold in every event (default ${DEFAULT-VALUE})")
        int catchUpLimit;

        @Option(names = "--snapshot-every", defaultValue = "100", description = "twin.persistence.snapshot-every of the nodes (default ${DEFAULT-VALUE})")
        int snapshotEvery;

        @Override
        public Integer call() throws Exception {
            if (!List.of("build", "restart", "both").contains(phase)) {
                throw new ParameterException(spec.commandLine(), "--phase: must be build, restart or both, was '" + phase + "'");
            }
            if (catchUpLimit < 0) throw new ParameterException(spec.commandLine(), "--catch-up-limit: must be >= 0, was " + catchUpLimit);
            if (snapshotEvery < 1 || snapshotEvery > 1_000_000) {
                throw new ParameterException(spec.commandLine(), "--snapshot-every: must be within [1, 1000000], was " + snapshotEvery);
            }
            org.ssbtwin.bench.RestartBench.Options o;
            try {
                o = new org.ssbtwin.bench.RestartBench.Options(packs, events, dataDir, !phase.equals("restart"), !phase.equals("build"),
                        java.time.Duration.ofSeconds(catchUpLimit), snapshotEvery);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            org.ssbtwin.bench.RestartBench.run(o, spec.commandLine().getOut());
            return 0;
        }
    }

    /** The PostgreSQL a bench writes to (default: H2 in a temp dir; more than one node needs PostgreSQL). */
    static final class Database {
        @Option(names = "--pg-url", description = "JDBC URL of an EMPTY PostgreSQL database, or embedded (bench ingest: a PostgreSQL "
                + "started on this host for the run) (default: H2 in a temp dir, one node only)")
        String pgUrl;

        @Option(names = "--pg-user", defaultValue = "postgres", description = "PostgreSQL user (default ${DEFAULT-VALUE})")
        String pgUser;

        @Option(names = "--pg-password", defaultValue = "", description = "PostgreSQL password (default empty)")
        String pgPassword;
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = "Telemetry over HTTP (POST /api/v1/telemetry) into persisted pack entities on 1..N nodes in this JVM: "
                    + "records/s acknowledged, p50/p95/p99/max latency per request, per batch size.")
    static final class Ingest implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--nodes", defaultValue = "1", description = "twin nodes in this JVM (default ${DEFAULT-VALUE}; > 1 needs --pg-url)")
        int nodes;

        @Option(names = "--packs", defaultValue = "2000", description = "packs registered before the run (default ${DEFAULT-VALUE})")
        int packs;

        @Option(names = "--batch-size", defaultValue = "100", split = ",", description = "records per request; a list runs one phase per size (default ${DEFAULT-VALUE})")
        List<Integer> batchSizes;

        @Option(names = "--clients", defaultValue = "8", description = "concurrent HTTP clients, one request in flight each (default ${DEFAULT-VALUE})")
        int clients;

        @Option(names = "--warmup", defaultValue = "60", description = "seconds of warm-up per batch size (default ${DEFAULT-VALUE}; "
                + "on 2 cores the JIT still compiles a minute into the load, and with 10 s a window measured ~1.7x the CPU per record)")
        int warmup;

        @Option(names = "--duration", defaultValue = "30", description = "measured seconds per batch size (default ${DEFAULT-VALUE})")
        int duration;

        @Option(names = "--projection", defaultValue = "here", description = "where the fleet projection runs: here (on the "
                + "bench's nodes, as on a node with every role) or elsewhere (on a read-side node in a JVM of its own on this "
                + "host, its CPU reported apart: the other figures are then the ingest nodes'; needs --pg-url) (default ${DEFAULT-VALUE})")
        String projection;

        @picocli.CommandLine.Mixin
        Database db;

        @Option(names = "--source", defaultValue = "http", description = "http, or kafka: one node, an in-JVM KRaft broker, the Kafka "
                + "connector; records/s and produce -> persisted latency, --clients x --batch-size records in flight (default ${DEFAULT-VALUE})")
        String source;

        @Option(names = "--partitions", defaultValue = "4", description = "--source kafka: partitions of the telemetry topic (default ${DEFAULT-VALUE})")
        int partitions;

        @Override
        public Integer call() {
            if (source.equals("kafka")) return kafka();
            if (!source.equals("http")) throw new ParameterException(spec.commandLine(), "--source: must be http or kafka, was '" + source + "'");
            org.ssbtwin.bench.IngestBench.Options o;
            boolean embedded = EMBEDDED.equals(db.pgUrl);
            String pgUrl = embedded ? "jdbc:postgresql://localhost/embedded" : db.pgUrl; // checked with the real URL below
            try {
                o = org.ssbtwin.bench.IngestBench.Options.of(nodes, packs, batchSizes, clients,
                        java.time.Duration.ofSeconds(warmup), java.time.Duration.ofSeconds(duration), pgUrl, db.pgUser, db.pgPassword,
                        projectionHere(projection));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            io.zonky.test.db.postgres.embedded.EmbeddedPostgres pg = null;
            try {
                if (embedded) {
                    pg = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().setPGStartupWait(java.time.Duration.ofSeconds(60)).start();
                    o = org.ssbtwin.bench.IngestBench.Options.of(nodes, packs, batchSizes, clients, java.time.Duration.ofSeconds(warmup),
                            java.time.Duration.ofSeconds(duration), pg.getJdbcUrl("postgres", "postgres"), "postgres", "",
                            o.projectionHere());
                    out.println("embedded PostgreSQL " + pg.getJdbcUrl("postgres", "postgres"));
                }
                var report = org.ssbtwin.bench.IngestBench.run(o, out);
                out.print(report.format());
                out.flush();
            } catch (java.io.IOException e) {
                throw new IllegalStateException("the embedded PostgreSQL did not start: " + e, e);
            } finally {
                if (pg != null) {
                    try {
                        pg.close();
                    } catch (java.io.IOException e) {
                        System.err.println("embedded PostgreSQL did not stop cleanly: " + e);
                    }
                }
            }
            return 0;
        }

        private Integer kafka() {
            if (nodes != 1 || db.pgUrl != null || batchSizes.size() != 1) {
                throw new ParameterException(spec.commandLine(), "--source kafka: one node on H2 and one --batch-size (no --nodes, --pg-url)");
            }
            org.ssbtwin.bench.KafkaIngestBench.Options o;
            try {
                o = new org.ssbtwin.bench.KafkaIngestBench.Options(packs, partitions, clients * batchSizes.get(0), 64,
                        java.time.Duration.ofSeconds(warmup), java.time.Duration.ofSeconds(duration));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            try {
                out.print(org.ssbtwin.bench.KafkaIngestBench.run(o, out).format());
            } catch (Exception e) {
                throw new IllegalStateException("kafka ingest bench failed: " + e, e);
            }
            out.flush();
            return 0;
        }
    }

    /** {@code --pg-url embedded}: an embedded PostgreSQL (io.zonky) started for the run on this host. */
    static final String EMBEDDED = "embedded";

    /** {@code --projection}: here, elsewhere or read-side-node, else a message naming the option. */
    static boolean projectionHere(String value) {
        return switch (value) {
            case "here" -> true;
            case "elsewhere" -> false;
            default -> throw new IllegalArgumentException("--projection: must be here or elsewhere, was '" + value + "'");
        };
    }

    @Command(name = "entity-memory", mixinStandardHelpOptions = true,
            description = "Heap per resident pack entity (installed, 112 cells with factors, usage days, ageing snapshot) "
                    + "on one node: bytes per entity and resident entities per GB. Run with -Xmx4g or more.")
    static final class EntityMemory implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--entities", defaultValue = "20000", description = "pack entities made resident (default ${DEFAULT-VALUE})")
        int entities;

        @Option(names = "--usage-days", defaultValue = "70", description = "telemetry days recorded per pack; 70 fills the idempotency window (64 record ids), the steady state of a pack in use (default ${DEFAULT-VALUE})")
        int usageDays;

        @Option(names = "--parts-sample", defaultValue = "20000", description = "packs folded in plain Java for the breakdown of the state, 0: none (default ${DEFAULT-VALUE})")
        int partsSample;

        @picocli.CommandLine.Mixin
        Database db;

        @Override
        public Integer call() {
            org.ssbtwin.bench.EntityMemoryBench.Options o;
            try {
                o = org.ssbtwin.bench.EntityMemoryBench.Options.of(entities, usageDays, partsSample, db.pgUrl, db.pgUser, db.pgPassword);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            var report = org.ssbtwin.bench.EntityMemoryBench.run(o, out);
            out.print(report.format());
            out.flush();
            return 0;
        }
    }
}
