package org.ssbtwin.api.persistence;

import static org.junit.jupiter.api.Assertions.*;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssbtwin.api.PersistenceSetup;
import org.ssbtwin.config.TwinSettings;

/**
 * The embedded H2 database keeps journal and snapshot payloads in the rows (VARBINARY), and a database created with
 * the plugin's BLOB columns before that change still persists and replays.
 */
class H2PayloadColumnsTest {

    private static TwinSettings settings(Path dir) {
        ConfigFactory.invalidateCaches();
        return TwinSettings.from(ConfigFactory.parseMap(Map.of("twin.data-dir", dir.toString())).withFallback(ConfigFactory.load()));
    }

    private static List<String> writeThenReplay(TwinSettings settings, String big) throws Exception {
        Config config = ConfigFactory.parseMap(Map.of("pekko.actor.provider", "local"))
                .withFallback(PersistenceSetup.persistenceConfig(settings.database())).withFallback(ConfigFactory.load()).resolve();
        ActorTestKit first = ActorTestKit.create("h2-a", config);
        try {
            // the persistent actor of the PostgreSQL DAO test: appends strings, replays them in order
            ActorRef<PostgresBatchJournalDaoTest.Cmd> log = first.spawn(new PostgresBatchJournalDaoTest.Writer("log-1", "h2"));
            AskPattern.<PostgresBatchJournalDaoTest.Cmd, Integer>ask(log, r -> new PostgresBatchJournalDaoTest.Append(List.of("small", big), r),
                    Duration.ofSeconds(20), first.scheduler()).toCompletableFuture().get(30, TimeUnit.SECONDS);
        } finally {
            first.shutdownTestKit();
        }
        ActorTestKit second = ActorTestKit.create("h2-b", config);
        try {
            ActorRef<PostgresBatchJournalDaoTest.Cmd> again = second.spawn(new PostgresBatchJournalDaoTest.Writer("log-1", "h2"));
            return AskPattern.<PostgresBatchJournalDaoTest.Cmd, List<String>>ask(again, PostgresBatchJournalDaoTest.Get::new,
                    Duration.ofSeconds(20), second.scheduler()).toCompletableFuture().get(30, TimeUnit.SECONDS);
        } finally {
            second.shutdownTestKit();
        }
    }

    private static String columnType(TwinSettings s, String table, String column) throws Exception {
        try (Connection c = DriverManager.getConnection(s.database().url(), s.database().user(), s.database().password());
             ResultSet rs = c.createStatement().executeQuery("SELECT DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = '"
                     + table + "' AND COLUMN_NAME = '" + column + "'")) {
            assertTrue(rs.next(), table + "." + column);
            return rs.getString(1);
        }
    }

    @Test
    void newDatabasesHoldPayloadsInTheRows(@TempDir Path dir) throws Exception {
        TwinSettings s = settings(dir);
        PersistenceSetup.createSchema(s);
        assertEquals("BINARY VARYING", columnType(s, "event_journal", "event_payload"));
        assertEquals("BINARY VARYING", columnType(s, "event_journal", "meta_payload"));
        assertEquals("BINARY VARYING", columnType(s, "snapshot", "snapshot_payload"));
        String big = "x".repeat(300_000); // larger than any pack event (an Assembled event is ~23 KB)
        assertEquals(List.of("small", big), writeThenReplay(s, big));
    }

    @Test
    void aDatabaseCreatedWithBlobColumnsKeepsWorking(@TempDir Path dir) throws Exception {
        TwinSettings s = settings(dir);
        Files.createDirectories(s.dataDir());
        String ddl;
        try (var in = PersistenceSetup.class.getClassLoader().getResourceAsStream("schema/h2/h2-create-schema.sql")) {
            ddl = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        try (Connection c = DriverManager.getConnection(s.database().url(), s.database().user(), s.database().password())) {
            for (String sql : ddl.split(";")) if (!sql.isBlank()) c.createStatement().execute(sql);
        }
        PersistenceSetup.createSchema(s); // a start of today's twin on the old database
        assertEquals("BINARY LARGE OBJECT", columnType(s, "event_journal", "event_payload"));
        assertEquals(List.of("small", "y".repeat(50_000)), writeThenReplay(s, "y".repeat(50_000)));
    }

    @Test
    void onlyThePayloadTypesChange() {
        assertEquals("\"event_payload\" VARBINARY NOT NULL, \"blobby\" VARCHAR",
                PersistenceSetup.h2InlinePayloads("\"event_payload\" BLOB NOT NULL, \"blobby\" VARCHAR"));
    }
}
