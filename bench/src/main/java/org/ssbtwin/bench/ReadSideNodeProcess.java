package org.ssbtwin.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.cluster.typed.Cluster;
import org.ssbtwin.api.TwinServer;

/**
 * A read-side node in a JVM of its own for {@code bench ingest --projection read-side-node}: {@code twin serve} with the
 * role {@code read-side} only (no entities, no HTTP API), joined to the bench's cluster and sharing its PostgreSQL, so
 * the fleet and asset projections run there ({@code twin.read-side.projection-role = read-side} on every node) and
 * the bench's nodes only ingest. Being a process of its own, its CPU is read apart from the ingest JVM's
 * ({@link ProcessHandle.Info#totalCpuDuration}); on one host both still share the cores.
 */
final class ReadSideNodeProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private ReadSideNodeProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts the node with this JVM's class path, seeded by {@code seed} (the bench's first node), and waits until the
     * cluster counts {@code expectedMembers} members Up.
     */
    static ReadSideNodeProcess start(TwinServer seed, BenchNodes.Db db, Path dir, int expectedMembers) {
        if (!db.postgres()) throw new IllegalArgumentException("--projection read-side-node: needs PostgreSQL (--pg-url), "
                + "an H2 file is open in one process only");
        var self = Cluster.get(seed.system()).selfMember().address();
        String seedAddress = "pekko://" + self.system() + "@" + self.getHost().orElse("127.0.0.1") + ":" + self.getPort().orElseThrow();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx768m");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("-Dtwin.simulation.enabled=false");
        cmd.add("-Dtwin.data-dir=" + dir.resolve("read-side-node"));
        cmd.add("-Dtwin.database.kind=postgres");
        cmd.add("-Dtwin.database.postgres.url=" + db.pgUrl());
        cmd.add("-Dtwin.database.postgres.user=" + db.pgUser());
        cmd.add("-Dtwin.database.postgres.password=" + db.pgPassword());
        cmd.add("-Dpekko.remote.artery.canonical.hostname=127.0.0.1");
        cmd.add("-Dpekko.remote.artery.canonical.port=0");
        cmd.add("-Dpekko.cluster.seed-nodes.0=" + seedAddress);
        cmd.add("-Djdbc-read-journal.journal-sequence-retrieval.ask-timeout=10s");
        cmd.add(org.ssbtwin.api.TwinMain.class.getName());
        cmd.add("serve");
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("TWIN_CLUSTER_ROLES", "read-side");
        pb.environment().put("TWIN_PROJECTION_ROLE", "read-side");
        Path log = dir.resolve("read-side-node.log");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        Process p;
        try {
            Files.createDirectories(dir);
            p = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the read-side node: " + e, e);
        }
        ReadSideNodeProcess node = new ReadSideNodeProcess(p, log);
        try {
            BenchNodes.await("the read-side node Up in the cluster (log " + log + ")", Duration.ofSeconds(180), () -> {
                if (!p.isAlive()) throw new IllegalStateException("the read-side node exited with " + p.exitValue() + ": " + node.tail());
                return BenchNodes.membersUp(seed) == expectedMembers;
            });
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
        return node;
    }

    /** The node process's CPU time so far (user + system), in seconds; NaN when the platform does not tell. */
    double cpuSeconds() {
        return process.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    long pid() {
        return process.pid();
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroy(); // SIGTERM: the node leaves the cluster (coordinated shutdown)
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
