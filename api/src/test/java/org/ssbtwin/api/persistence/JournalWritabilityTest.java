package org.ssbtwin.api.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssbtwin.api.TwinMain;
import org.ssbtwin.api.TwinServer;
import org.ssbtwin.config.TwinSettings;

/**
 * Issue 19.7: a journal that cannot be written is detected: the start fails with one line, and readiness turns false.
 * A read-only database is made the way H2 really opens one read-only, so that it works as root too (root ignores file
 * permissions): the file is first opened with {@code ACCESS_MODE_DATA=r} in this JVM, and the twin's own connections
 * then join that read-only database.
 */
class JournalWritabilityTest {
    @TempDir
    Path dir;

    Config config(Path dataDir) {
        ConfigFactory.invalidateCaches();
        return ConfigFactory.parseMap(Map.of("twin.data-dir", dataDir.toString(), "twin.http.port", 0,
                "pekko.remote.artery.canonical.port", 0, "twin.simulation.enabled", false)).withFallback(ConfigFactory.load());
    }

    /** Creates the database file, then holds it open read-only. */
    Connection openReadOnly(Path dataDir) throws Exception {
        String file = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("twin");
        Files.createDirectories(dataDir);
        try (Connection c = DriverManager.getConnection(file, "sa", "")) {
            c.createStatement().execute("CREATE TABLE IF NOT EXISTS earlier (x INT)");
        }
        return DriverManager.getConnection(file + ";ACCESS_MODE_DATA=r", "sa", "");
    }

    @Test
    void aReadOnlyDatabaseFailsTheStartWithOneLine() throws Exception {
        Path data = dir.resolve("data");
        try (Connection readOnly = openReadOnly(data)) {
            var e = assertThrows(StorageNotWritableException.class, () -> TwinServer.start(config(data)).close());
            assertTrue(e.getMessage().startsWith("the journal database jdbc:h2:file:"), e.getMessage());
            assertTrue(e.getMessage().contains("read only"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
            assertEquals(0, e.getStackTrace().length, "no stack trace to print");
        }
    }

    @Test
    void readinessFollowsWhetherTheJournalCanBeWritten() throws Exception {
        Path data = dir.resolve("data");
        TwinSettings settings = TwinSettings.from(config(data));
        JournalWritability monitor;
        try (Connection readOnly = openReadOnly(data)) {
            monitor = JournalWritability.monitor(settings, Duration.ofMillis(200));
            assertFalse(monitor.writable());
            assertTrue(monitor.problem().contains("read only"), monitor.problem());
        }
        // the read-only connection closed the database; the next open is writable again, and the monitor sees it
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!monitor.writable() && System.nanoTime() < deadline) Thread.sleep(100);
            assertTrue(monitor.writable(), String.valueOf(monitor.problem()));
            assertNull(JournalWritability.problem(settings));
        } finally {
            monitor.close();
        }
    }

    /** A node's readiness (GET /api/v1/ready) follows the check: H2's exclusive mode refuses the node's new connections. */
    @Test
    void aNodeIsNotReadyWhileItsJournalCannotBeWritten() throws Exception {
        Path data = dir.resolve("node");
        try (TwinServer twin = TwinServer.start(config(data))) {
            twin.readiness().join();
            int port = twin.port();
            awaitReady(port, 200);
            try (Connection exclusive = DriverManager.getConnection(twin.settings().database().url(), "sa", "")) {
                exclusive.createStatement().execute("SET EXCLUSIVE 1");
                awaitReady(port, 503);
                exclusive.createStatement().execute("SET EXCLUSIVE 0");
            }
            awaitReady(port, 200);
        }
    }

    static void awaitReady(int port, int status) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        int last = -1;
        while (System.nanoTime() < deadline) {
            last = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/ready")).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
            if (last == status) return;
            Thread.sleep(200);
        }
        throw new AssertionError("GET /api/v1/ready answered " + last + ", expected " + status);
    }

    @Test
    void aDataDirectoryThatCannotBeCreatedFailsTheStartWithOneClearLine() throws Exception {
        // a path under a regular file cannot be a directory, whoever runs the test
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                TwinMain.class.getName(), "serve", "--port", "0", "--no-simulation", "--data-dir", file.resolve("data").toString()))
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the start failed at once");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, p.exitValue(), out);
        List<String> errors = out.lines().filter(l -> l.startsWith("error: ")).toList();
        assertEquals(1, errors.size(), out);
        assertTrue(errors.get(0).startsWith("error: the data directory " + file.resolve("data").toAbsolutePath() + " cannot be written"), out);
        assertFalse(out.contains("\tat "), "no stack trace: " + out);
    }
}
