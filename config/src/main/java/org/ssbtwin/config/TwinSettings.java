package org.ssbtwin.config;
import org.ssbtwin.core.config.ConfigReader;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * The twin's own settings (the {@code twin} block of the configuration), typed and validated. Every error
 * names the key, e.g. {@code twin.http.port must be within [0, 65535], was 70000}.
 */
public record TwinSettings(
        Http http,
        Path dataDir,
        Database database,
        Clock clock,
        Simulation simulation,
        int snapshotEvery,
        int askTimeoutMillis,
        Studies studies) {

    public enum DatabaseKind { H2, POSTGRES }

    public record Http(String host, int port) {}

    /** Where the journal and snapshots live: H2 file under the data dir by default, or PostgreSQL. */
    public record Database(DatabaseKind kind, String url, String user, String password, int maxConnections) {
        public String driver() {
            return kind == DatabaseKind.H2 ? "org.h2.Driver" : "org.postgresql.Driver";
        }

        public String slickProfile() {
            return kind == DatabaseKind.H2 ? "slick.jdbc.H2Profile$" : "slick.jdbc.PostgresProfile$";
        }
    }

    /** Virtual time: where it starts and how fast it runs relative to the wall clock. */
    public record Clock(Instant start, double speedUp) {}

    /** The built-in simulated plant and fleet that feed the embedded default. */
    public record Simulation(boolean enabled, String plantLayout, long seed, int tickMillis, int maxVehicles) {}

    /**
     * Long-horizon fleet studies run as background jobs ({@code POST /api/v1/studies}).
     *
     * @param maxPacks largest fleet a job may simulate
     * @param maxConcurrent jobs queued or running at once; more are refused (429)
     * @param threads worker threads per study (so at most {@code maxConcurrent * threads} busy threads)
     */
    public record Studies(int maxPacks, int maxConcurrent, int threads) {}

    public static TwinSettings from(Config root) {
        ConfigReader c = ConfigReader.block(root, "twin");
        String host = c.string("http.host");
        Integer port = c.integer("http.port", 0, 65535);
        String dataDir = c.string("data-dir");
        DatabaseKind kind = c.enumValue("database.kind", DatabaseKind.class);
        int cacheMb = c.integer("database.h2.cache-size-mb", 16, 1, 65_536);
        String pgUrl = kind == DatabaseKind.POSTGRES
                ? c.string("database.postgres.url", POSTGRES_URL, "a jdbc:postgresql: URL") : null;
        String pgUser = kind == DatabaseKind.POSTGRES ? c.string("database.postgres.user") : null;
        String pgPassword = c.string("database.postgres.password", "");
        Integer maxConnections = c.integer("database.max-connections", 1, 200);
        Instant start = c.instant("clock.start");
        Double speedUp = c.number("clock.speed-up", new ConfigReader.Range(0, false, 1e7, true));
        Boolean simulate = c.onOff("simulation.enabled");
        String plantLayout = c.string("simulation.plant-layout");
        Long seed = c.longValue("simulation.seed", Long.MIN_VALUE, Long.MAX_VALUE);
        Integer tick = c.integer("simulation.tick-millis", 10, 60_000);
        Integer maxVehicles = c.integer("simulation.max-vehicles", 0, 10_000_000);
        Integer snapshotEvery = c.integer("persistence.snapshot-every", 1, 1_000_000);
        Integer askTimeout = c.integer("ask-timeout-millis", 100, 600_000);
        Integer maxPacks = c.integer("studies.max-packs", 1, 100_000_000);
        Integer maxConcurrent = c.integer("studies.max-concurrent", 1, 64);
        Integer threads = c.integer("studies.threads", 1, 256);
        c.throwIfProblems();
        Path dir = Path.of(dataDir);
        Database database;
        if (kind == DatabaseKind.H2) {
            // WRITE_DELAY=0: a committed (acknowledged) event is handed to the OS at once, so kill -9 loses nothing.
            // LOB_TIMEOUT: H2 keeps each BLOB read (journal payloads) referenced by the session for this long (default
            // 5 min): 10 s is ample for the journal, and recovering many entities does not pin their payloads in heap.
            // CACHE_SIZE: H2's page cache in KB (in this JVM's heap)
            // COMPRESS=TRUE (twin.database.h2.compress): H2FileSettings, docs/operations.md "Disk per event on H2"
            String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("twin") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;LOB_TIMEOUT=10000"
                    + H2FileSettings.from(root).urlOptions() + ";CACHE_SIZE=" + cacheMb * 1024;
            database = new Database(kind, url, "sa", "", maxConnections);
        } else {
            database = new Database(kind, pgUrl, pgUser, pgPassword, maxConnections);
        }
        return new TwinSettings(new Http(host, port), dir, database, new Clock(start, speedUp),
                new Simulation(simulate, plantLayout, seed, tick, maxVehicles), snapshotEvery, askTimeout,
                new Studies(maxPacks, maxConcurrent, threads));
    }

    private static final Pattern POSTGRES_URL = Pattern.compile("jdbc:postgresql:.*");
}
