package org.ssbtwin.api.persistence;

import static org.junit.jupiter.api.Assertions.*;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.persistence.jdbc.config.JournalConfig;
import org.apache.pekko.persistence.jdbc.journal.dao.JournalTables.JournalPekkoSerializationRow;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.query.Sequence;
import org.apache.pekko.stream.javadsl.Sink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ssbtwin.api.PersistenceSetup;
import org.ssbtwin.api.persistence.PostgresBatchJournalDaoTest.Append;
import org.ssbtwin.api.persistence.PostgresBatchJournalDaoTest.Cmd;
import org.ssbtwin.api.persistence.PostgresBatchJournalDaoTest.Get;
import org.ssbtwin.api.persistence.PostgresBatchJournalDaoTest.Writer;
import org.ssbtwin.config.TwinSettings;
import scala.Option;
import scala.Tuple2;

/**
 * The batched journal DAO on the twin's H2 file database, through real persistent actors and the real read journal:
 * the orderings come from the batch's generated keys, so tags must point at the right rows, in ordering order, with
 * concurrent writers; a duplicate sequence number fails the whole write.
 */
class H2BatchJournalDaoTest {
    static Path dir;
    static ActorTestKit kit;
    static Config config;
    static TwinSettings.Database db;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("h2-batch-dao");
        Map<String, Object> twin = new HashMap<>();
        twin.put("twin.data-dir", dir.toString());
        ConfigFactory.invalidateCaches();
        Config base = ConfigFactory.parseMap(twin).withFallback(ConfigFactory.load());
        TwinSettings settings = TwinSettings.from(base);
        db = settings.database();
        assertEquals(TwinSettings.DatabaseKind.H2, db.kind());
        PersistenceSetup.createSchema(settings);
        config = ConfigFactory.parseMap(Map.of("pekko.actor.provider", "local"))
                .withFallback(PersistenceSetup.persistenceConfig(db))
                .withFallback(base).resolve();
        kit = ActorTestKit.create("h2-dao-test", config);
    }

    @AfterAll
    static void stop() throws Exception {
        if (kit != null) kit.shutdownTestKit();
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static Connection connection() throws SQLException {
        return DriverManager.getConnection(db.url(), db.user(), db.password());
    }

    @Test
    void theTwinsH2ConfigurationSelectsThisDao() {
        assertEquals(H2BatchJournalDao.class.getName(), config.getString("jdbc-journal.dao"));
    }

    @Test
    void concurrentWritersPersistReplayAndTagEveryEventInOrder() throws Exception {
        int writers = 6;
        int commands = 5;
        int perCommand = 8;
        List<ActorRef<Cmd>> refs = new ArrayList<>();
        for (int w = 0; w < writers; w++) refs.add(kit.spawn(new Writer("h-" + w, w % 2 == 0 ? "even" : "odd")));
        List<CompletableFuture<Integer>> acks = new ArrayList<>();
        for (int k = 0; k < commands; k++) {
            for (int w = 0; w < writers; w++) {
                List<String> events = new ArrayList<>();
                for (int i = 0; i < perCommand; i++) events.add("h-" + w + ":" + (k * perCommand + i + 1));
                acks.add(AskPattern.<Cmd, Integer>ask(refs.get(w), r -> new Append(events, r), Duration.ofSeconds(20), kit.scheduler()).toCompletableFuture());
            }
        }
        for (CompletableFuture<Integer> a : acks) a.get(30, TimeUnit.SECONDS);
        int perWriter = commands * perCommand;

        JdbcReadJournal rj = PersistenceQuery.get(kit.system()).getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
        List<EventEnvelope> all = rj.currentEventsByTag("all", Offset.noOffset()).runWith(Sink.seq(), kit.system())
                .toCompletableFuture().get(30, TimeUnit.SECONDS).stream().filter(e -> e.persistenceId().startsWith("h-")).toList();
        assertEquals(writers * perWriter, all.size());
        long previous = 0;
        Map<String, Long> lastSeq = new HashMap<>();
        for (EventEnvelope e : all) {
            long ordering = ((Sequence) e.offset()).value();
            assertTrue(ordering > previous, "orderings strictly increase: " + ordering + " after " + previous);
            previous = ordering;
            assertEquals(lastSeq.getOrDefault(e.persistenceId(), 0L) + 1, e.sequenceNr(), "sequence order of " + e.persistenceId());
            assertEquals(e.persistenceId() + ":" + e.sequenceNr(), e.event(), "the tag row points at its own event");
            lastSeq.put(e.persistenceId(), e.sequenceNr());
        }
        List<EventEnvelope> odd = rj.currentEventsByTag("odd", Offset.noOffset()).runWith(Sink.seq(), kit.system())
                .toCompletableFuture().get(30, TimeUnit.SECONDS).stream().filter(e -> e.persistenceId().startsWith("h-")).toList();
        assertEquals(writers / 2 * perWriter, odd.size());
        assertTrue(odd.stream().allMatch(e -> Integer.parseInt(e.persistenceId().substring(2)) % 2 == 1));

        TestProbe<Object> probe = kit.createTestProbe();
        kit.stop(refs.get(1));
        probe.expectTerminated(refs.get(1), Duration.ofSeconds(10));
        ActorRef<Cmd> again = kit.spawn(new Writer("h-1", "odd"));
        List<String> replayed = AskPattern.<Cmd, List<String>>ask(again, Get::new, Duration.ofSeconds(20), kit.scheduler())
                .toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertEquals(perWriter, replayed.size());
        for (int i = 0; i < perWriter; i++) assertEquals("h-1:" + (i + 1), replayed.get(i));
    }

    @Test
    void theWriterFailsAWholeBatchOnADuplicateKey() throws Exception {
        JournalConfig jc = new JournalConfig(config.getConfig("jdbc-journal"));
        PostgresJournalWriter writer = PostgresJournalWriter.withGeneratedOrderings(jc.eventJournalTableConfiguration(), jc.eventTagTableConfiguration());
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            writer.write(c, List.of(row("batch-a", 1, "t1"), row("batch-b", 1, "t1", "t2"), row("batch-a", 2)));
            c.commit();
            assertThrows(SQLException.class, () -> writer.write(c, List.of(row("batch-c", 1, "t1"), row("batch-a", 2, "t1"), row("batch-c", 2))));
            c.rollback();
            try (PreparedStatement ps = c.prepareStatement("SELECT \"persistence_id\", \"sequence_number\", \"ordering\", "
                    + "(SELECT COUNT(*) FROM \"event_tag\" t WHERE t.\"event_id\" = j.\"ordering\"), "
                    + "(SELECT COUNT(*) FROM \"event_tag\" t WHERE t.\"event_id\" = j.\"ordering\" AND t.\"tag\" = 't2') "
                    + "FROM \"event_journal\" j WHERE \"persistence_id\" LIKE 'batch-%' ORDER BY \"ordering\""); ResultSet rs = ps.executeQuery()) {
                List<String> rows = new ArrayList<>();
                while (rs.next()) rows.add(rs.getString(1) + "/" + rs.getLong(2) + " tags " + rs.getLong(4) + " t2 " + rs.getLong(5));
                // sorted by sequence number; the tag rows carry the generated orderings of their own rows
                assertEquals(List.of("batch-a/1 tags 1 t2 0", "batch-b/1 tags 2 t2 1", "batch-a/2 tags 0 t2 0"), rows);
            }
        }
    }

    private static Tuple2<JournalPekkoSerializationRow, scala.collection.immutable.Set<String>> row(String pid, long seq, String... tags) {
        JournalPekkoSerializationRow r = new JournalPekkoSerializationRow(Long.MIN_VALUE, false, pid, seq, "writer-uuid", 1L, "",
                (pid + ":" + seq).getBytes(java.nio.charset.StandardCharsets.UTF_8), 20, "", Option.empty(), Option.empty(), Option.empty());
        scala.collection.immutable.Set<String> set = scala.jdk.javaapi.CollectionConverters.asScala(Set.of(tags)).toSet();
        return new Tuple2<>(r, set);
    }
}
