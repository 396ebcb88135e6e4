package org.ssbtwin.config;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The twin's own settings (the {@code twin} block of the configuration), typed and validated. Every error
 * names the key, e.g. {@code twin.http.port: must be within [0, 65535], was 70000}.
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
        Config c = root.getConfig("twin");
        String host = string(c, "http.host");
        int port = intIn(c, "http.port", 0, 65535);
        Path dataDir = Path.of(string(c, "data-dir"));
        DatabaseKind kind;
        String kindRaw = string(c, "database.kind");
        try {
            kind = DatabaseKind.valueOf(kindRaw.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("twin.database.kind", "must be h2 or postgres, was '" + kindRaw + "'");
        }
        String url;
        String user;
        String password;
        if (kind == DatabaseKind.H2) {
            // WRITE_DELAY=0: a committed (acknowledged) event is handed to the OS at once, so kill -9 loses nothing.
            // LOB_TIMEOUT: H2 keeps each BLOB read (journal payloads) referenced by the session for this long (default
            // 5 min): 10 s is ample for the journal, and recovering many entities does not pin their payloads in heap.
            // CACHE_SIZE: H2's page cache in KB (in this JVM's heap)
            int cacheMb = c.hasPath("database.h2.cache-size-mb") ? intIn(c, "database.h2.cache-size-mb", 1, 65_536) : 16;
            url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("twin") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;LOB_TIMEOUT=10000"
                    + ";CACHE_SIZE=" + cacheMb * 1024;
            user = "sa";
            password = "";
        } else {
            url = string(c, "database.postgres.url");
            if (!url.startsWith("jdbc:postgresql:")) {
                throw new ConfigException("twin.database.postgres.url", "must start with jdbc:postgresql:, was '" + url + "'");
            }
            user = string(c, "database.postgres.user");
            password = c.hasPath("database.postgres.password") ? c.getString("database.postgres.password") : "";
        }
        int maxConnections = intIn(c, "database.max-connections", 1, 200);
        Instant start;
        try {
            start = Instant.parse(string(c, "clock.start"));
        } catch (DateTimeParseException e) {
            throw new ConfigException("twin.clock.start", "must be an ISO-8601 instant like 2028-01-03T06:00:00Z, was '" + c.getString("clock.start") + "'");
        }
        double speedUp = c.getDouble("clock.speed-up");
        if (!(speedUp > 0) || speedUp > 1e7) {
            throw new ConfigException("twin.clock.speed-up", "must be within (0, 1e7], was " + speedUp);
        }
        Simulation sim = new Simulation(
                c.getBoolean("simulation.enabled"),
                string(c, "simulation.plant-layout"),
                c.getLong("simulation.seed"),
                intIn(c, "simulation.tick-millis", 10, 60_000),
                intIn(c, "simulation.max-vehicles", 0, 10_000_000));
        int snapshotEvery = intIn(c, "persistence.snapshot-every", 1, 1_000_000);
        int askTimeout = intIn(c, "ask-timeout-millis", 100, 600_000);
        Studies studies = new Studies(
                intIn(c, "studies.max-packs", 1, 100_000_000),
                intIn(c, "studies.max-concurrent", 1, 64),
                intIn(c, "studies.threads", 1, 256));
        return new TwinSettings(new Http(host, port), dataDir, new Database(kind, url, user, password, maxConnections),
                new Clock(start, speedUp), sim, snapshotEvery, askTimeout, studies);
    }

    private static String string(Config c, String path) {
        if (!c.hasPath(path)) throw new ConfigException("twin." + path, "is required");
        String v = c.getString(path);
        if (v.isBlank()) throw new ConfigException("twin." + path, "must not be empty");
        return v;
    }

    private static int intIn(Config c, String path, int min, int max) {
        if (!c.hasPath(path)) throw new ConfigException("twin." + path, "is required");
        int v;
        try {
            v = c.getInt(path);
        } catch (com.typesafe.config.ConfigException.WrongType e) {
            throw new ConfigException("twin." + path, "must be a whole number, was '" + c.getValue(path).unwrapped() + "'");
        }
        if (v < min || v > max) throw new ConfigException("twin." + path, "must be within [" + min + ", " + max + "], was " + v);
        return v;
    }
}
