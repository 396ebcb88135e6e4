package org.ssbtwin.bench;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.sharding.typed.ClusterShardingQuery;
import org.apache.pekko.cluster.sharding.typed.GetClusterShardingStats;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.typed.Cluster;
import org.ssbtwin.api.TwinServer;
import org.ssbtwin.config.TwinSettings;
import org.ssbtwin.fleet.entity.PackEntity;

/**
 * Real twin nodes for the benchmarks: N actor systems in this JVM on loopback (seed = the first), simulation off,
 * sharing one PostgreSQL ({@code pgUrl}) or, for a single node without a PostgreSQL, an H2 file in a temp dir.
 */
final class BenchNodes implements AutoCloseable {
    /** Where the journal lives: a PostgreSQL URL (user, password) or null for H2 in a temp directory. */
    record Db(String pgUrl, String pgUser, String pgPassword) {
        static final Db H2 = new Db(null, null, null);

        boolean postgres() {
            return pgUrl != null;
        }

        String label() {
            return postgres() ? "postgres " + pgUrl : "h2 (temp file; not the PostgreSQL of the target)";
        }
    }

    final List<TwinServer> nodes;
    private final Path dataDir;

    private BenchNodes(List<TwinServer> nodes, Path dataDir) {
        this.nodes = nodes;
        this.dataDir = dataDir;
    }

    /** Starts {@code n} nodes and waits until all are Up, ready and host a pack shard region. */
    static BenchNodes start(int n, Db db, Map<String, Object> extra) {
        Path dir;
        try {
            dir = Files.createTempDirectory("ssb-bench");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a temp directory: " + e, e);
        }
        if (db.postgres()) requireEmptyJournal(db);
        return start(n, db, extra, dir);
    }

    /** Starts nodes on an existing data directory (a restart: the journal is kept). */
    static BenchNodes start(int n, Db db, Map<String, Object> extra, Path dir) {
        if (n > 1 && !db.postgres()) throw new IllegalArgumentException("--pg-url: several nodes need a shared PostgreSQL");
        int[] artery = n == 1 ? new int[] {0} : freePorts(n);
        List<TwinServer> nodes = new ArrayList<>();
        BenchNodes started = new BenchNodes(nodes, dir);
        try {
            for (int i = 0; i < n; i++) {
                Map<String, Object> o = new HashMap<>();
                o.put("twin.http.host", "127.0.0.1");
                o.put("twin.http.port", 0);
                o.put("twin.data-dir", dir.resolve("node" + i).toString());
                o.put("twin.simulation.enabled", false);
                o.put("pekko.remote.artery.canonical.port", artery[i]);
                o.put("pekko.cluster.jmx.multi-mbeans-in-same-jvm", "on");
                // default 1 s: on a loaded machine the read side's first query can time out at start
                o.put("jdbc-read-journal.journal-sequence-retrieval.ask-timeout", "10s");
                if (n > 1) o.put("pekko.cluster.seed-nodes", List.of("pekko://ssb-twin@127.0.0.1:" + artery[0]));
                if (db.postgres()) {
                    o.put("twin.database.kind", "postgres");
                    o.put("twin.database.postgres.url", db.pgUrl());
                    o.put("twin.database.postgres.user", db.pgUser());
                    o.put("twin.database.postgres.password", db.pgPassword());
                }
                o.putAll(extra);
                ConfigFactory.invalidateCaches();
                nodes.add(TwinServer.start(ConfigFactory.parseMap(o).withFallback(ConfigFactory.load())));
            }
            await("all " + n + " members up", Duration.ofSeconds(90), () -> nodes.stream().allMatch(s -> membersUp(s) == n));
            for (TwinServer s : nodes) s.readiness().get(600, TimeUnit.SECONDS); // a restart replays the whole journal
            if (n > 1) {
                await("a pack shard region on every node", Duration.ofSeconds(60), () -> packRegions(nodes.get(0)) == n);
            }
            return started;
        } catch (Exception e) {
            started.close();
            throw e instanceof RuntimeException r ? r : new IllegalStateException("the bench nodes failed to start: " + e, e);
        }
    }

    TwinSettings.Database database() {
        return nodes.get(0).settings().database();
    }

    /** Rows in the journal whose persistence id starts with {@code prefix}, e.g. "Pack|". */
    long journalRows(String prefix) {
        try {
            return queryLong("select count(*) from \"event_journal\" where \"persistence_id\" like '" + prefix + "%'");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count journal rows: " + e.getMessage(), e);
        }
    }

    /** The one number a query answers, on a fresh connection to the nodes' database. */
    private long queryLong(String sql) throws SQLException {
        TwinSettings.Database db = database();
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * The database's size on disk: the H2 files of the data directory, or PostgreSQL's
     * {@code pg_database_size}. -1 when it cannot be read.
     */
    long databaseBytes() {
        TwinSettings.Database db = database();
        if (db.kind() == TwinSettings.DatabaseKind.H2) {
            try (var walk = Files.walk(dataDir)) {
                return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
            } catch (IOException | java.io.UncheckedIOException e) {
                return -1;
            }
        }
        try {
            return queryLong("select pg_database_size(current_database())");
        } catch (SQLException e) {
            return -1;
        }
    }

    /** Pack events folded into the fleet read side so far (the sum of fleet_pack.events; 0 before the first). */
    long projectedPackEvents() {
        try {
            return queryLong("select coalesce(sum(events), 0) from fleet_pack");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count projected events: " + e.getMessage(), e);
        }
    }

    private static void requireEmptyJournal(Db db) {
        try (Connection c = DriverManager.getConnection(db.pgUrl(), db.pgUser(), db.pgPassword());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from information_schema.tables where table_name = 'event_journal'")) {
            rs.next();
            if (rs.getLong(1) == 0) return;
            try (ResultSet rows = st.executeQuery("select count(*) from event_journal")) {
                rows.next();
                if (rows.getLong(1) > 0) {
                    throw new IllegalArgumentException("--pg-url: the database already holds " + rows.getLong(1)
                            + " journal rows; give the bench an empty database (e.g. createdb twin_bench_1)");
                }
            }
        } catch (SQLException e) {
            throw new IllegalArgumentException("--pg-url: cannot connect to " + db.pgUrl() + ": " + e.getMessage(), e);
        }
    }

    static long membersUp(TwinServer s) {
        long up = 0;
        for (var m : Cluster.get(s.system()).state().getMembers()) if (m.status() == MemberStatus.up()) up++;
        return up;
    }

    private static int packRegions(TwinServer s) {
        try {
            ShardRegion.ClusterShardingStats stats = AskPattern.<ClusterShardingQuery, ShardRegion.ClusterShardingStats>ask(
                    ClusterSharding.get(s.system()).shardState(),
                    replyTo -> new GetClusterShardingStats(PackEntity.TYPE_KEY, Duration.ofSeconds(5), replyTo),
                    Duration.ofSeconds(8), s.system().scheduler()).toCompletableFuture().get(10, TimeUnit.SECONDS);
            return stats.getRegions().size();
        } catch (Exception e) {
            return 0;
        }
    }

    private static int[] freePorts(int n) {
        ServerSocket[] sockets = new ServerSocket[n];
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                sockets[i] = new ServerSocket(0);
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new IllegalStateException("no free ports: " + e, e);
        } finally {
            for (ServerSocket s : sockets) {
                try {
                    if (s != null) s.close();
                } catch (IOException ignored) {
                    // closing a probe socket
                }
            }
        }
    }

    static void await(String what, Duration max, BooleanSupplier condition) {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("timed out after " + max.toSeconds() + " s waiting for " + what);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + what, e);
            }
        }
    }

    /** The 1, 5 and 15 minute load averages of the machine (Linux), or "n/a". */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    Path dataDir() {
        return dataDir;
    }

    /** Stops the nodes, keeping the data directory for a restart. */
    void stopKeepingData() {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            try {
                nodes.get(i).close();
            } catch (RuntimeException e) {
                System.err.println("node " + i + " did not stop cleanly: " + e);
            }
        }
        nodes.clear();
    }

    @Override
    public void close() {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            try {
                nodes.get(i).close();
            } catch (RuntimeException e) {
                System.err.println("node " + i + " did not stop cleanly: " + e);
            }
        }
        try (var walk = Files.walk(dataDir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a temp directory
        }
    }
}
