package org.ssbtwin.api.persistence;

import static org.junit.jupiter.api.Assertions.*;

import com.typesafe.config.ConfigFactory;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssbtwin.config.H2FileSettings;
import org.ssbtwin.config.TwinSettings;

/**
 * A short H2 retention time ({@code twin.database.h2.retention-time}, docs/h2-disk.md) loses nothing acknowledged when
 * the writer is killed: a forked JVM opens the H2 file with the node's URL (built by {@link TwinSettings} from the
 * settings under test: retention 1 s, {@code WRITE_DELAY=0}, compression) and runs the node's {@link H2FileCompaction}
 * every 200 ms while it commits journal-like rows and rewrites earlier ones (so chunks die, are compacted and their
 * space is reused while it writes), printing each commit once it returned. The test kills it with SIGKILL after
 * several seconds of that, reopens the file and finds every acknowledged row with its last acknowledged payload.
 */
class H2ShortRetentionKillTest {
    static final String RETENTION = "1s";
    static final String INTERVAL = "200ms";

    @TempDir
    Path dir;

    static TwinSettings settings(Path dataDir) {
        return TwinSettings.from(ConfigFactory.parseMap(Map.of("twin.data-dir", dataDir.toString(),
                "twin.database.h2.retention-time", RETENTION, "twin.database.h2.compaction.interval", INTERVAL))
                .withFallback(ConfigFactory.defaultReference()).resolve());
    }

    static H2FileSettings fileSettings() {
        return H2FileSettings.from(ConfigFactory.parseMap(Map.of("twin.database.h2.retention-time", RETENTION,
                "twin.database.h2.compaction.interval", INTERVAL)).withFallback(ConfigFactory.defaultReference()).resolve());
    }

    @Test
    void killMinus9WithAShortRetentionLosesNothingAcknowledged() throws Exception {
        Path data = dir.resolve("data");
        TwinSettings.Database db = settings(data).database();
        assertTrue(db.url().contains(";RETENTION_TIME=1000"), db.url());
        assertTrue(db.url().contains("WRITE_DELAY=0"), db.url());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process writer = new ProcessBuilder(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                Writer.class.getName(), data.toString())).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Map<Integer, Integer> acknowledged = new HashMap<>(); // id -> version of its last acknowledged write
        long compactedRuns = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("compacted")) compactedRuns++;
                if (line.startsWith("ack ")) {
                    String[] f = line.split(" ");
                    int first = Integer.parseInt(f[1]), last = Integer.parseInt(f[2]), version = Integer.parseInt(f[3]);
                    for (int id = first; id <= last; id++) acknowledged.put(id, version);
                }
                // killed mid-stream once rows were rewritten several times over and compaction reused chunk space
                if (compactedRuns >= 5 && acknowledged.size() >= Writer.ROWS && line.startsWith("ack ") && Integer.parseInt(line.split(" ")[3]) >= 4
                        || System.nanoTime() > until) {
                    break;
                }
            }
            writer.destroyForcibly(); // SIGKILL, in the middle of the writes (the JDK closes the pipe: later acks are not checked)
            assertTrue(writer.waitFor(30, TimeUnit.SECONDS));
        } finally {
            writer.destroyForcibly();
        }
        System.out.printf("killed after %d acknowledged rows (last version %d), %d compaction runs that rewrote chunks%n", acknowledged.size(),
                acknowledged.values().stream().mapToInt(Integer::intValue).max().orElse(0), compactedRuns);
        assertTrue(compactedRuns >= 5, "the compaction ran and rewrote chunks while writing: " + compactedRuns + " runs");
        assertTrue(acknowledged.size() >= Writer.ROWS, "every row written at least once before the kill: " + acknowledged.size());

        int checked = 0;
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id, version, payload FROM usage_day")) {
            Map<Integer, Integer> found = new HashMap<>();
            while (rs.next()) {
                int id = rs.getInt(1), version = rs.getInt(2);
                assertArrayEquals(Writer.payload(id, version), rs.getBytes(3), "row " + id + " intact");
                found.put(id, version);
            }
            for (var e : acknowledged.entrySet()) {
                Integer v = found.get(e.getKey());
                assertNotNull(v, "acknowledged row " + e.getKey() + " survived the kill");
                // the row holds its last acknowledged version, or the next one if that commit was in flight at the kill
                assertTrue(v == e.getValue() || v == e.getValue() + 1, "row " + e.getKey() + ": version " + v + ", acknowledged " + e.getValue());
                checked++;
            }
        }
        assertEquals(acknowledged.size(), checked);
    }

    /** The forked writer: journal-like commits of 50 rows (autocommit per batch, as the journal's), over and over. */
    public static final class Writer {
        static final int ROWS = 20_000;
        static final int BATCH = 50;

        static byte[] payload(int id, int version) {
            return ("usage-day " + id + " v" + version + " " + "x".repeat(200 + id % 300)).getBytes(StandardCharsets.UTF_8);
        }

        public static void main(String[] args) throws Exception {
            Path data = Path.of(args[0]);
            TwinSettings.Database db = settings(data).database();
            H2FileCompaction compaction = H2FileCompaction.start(db, fileSettings());
            try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
                c.createStatement().execute("CREATE TABLE usage_day (id INT PRIMARY KEY, version INT, payload VARBINARY)");
                c.createStatement().execute("CREATE INDEX usage_day_version ON usage_day (version, id)");
                Thread compactionReport = new Thread(() -> {
                    while (true) {
                        try {
                            if (compaction.compactOnce()) synchronized (System.out) { System.out.println("compacted"); System.out.flush(); }
                            Thread.sleep(300);
                        } catch (Exception e) {
                            return;
                        }
                    }
                });
                compactionReport.setDaemon(true);
                compactionReport.start();
                try (PreparedStatement ps = c.prepareStatement("MERGE INTO usage_day (id, version, payload) KEY (id) VALUES (?, ?, ?)")) {
                    for (int version = 1; ; version++) {
                        for (int first = 0; first < ROWS; first += BATCH) {
                            for (int id = first; id < first + BATCH; id++) {
                                ps.setInt(1, id);
                                ps.setInt(2, version);
                                ps.setBytes(3, payload(id, version));
                                ps.addBatch();
                            }
                            ps.executeBatch(); // autocommit: committed when this returns
                            synchronized (System.out) {
                                System.out.println("ack " + first + " " + (first + BATCH - 1) + " " + version);
                                System.out.flush();
                            }
                        }
                    }
                }
            }
        }
    }
}
