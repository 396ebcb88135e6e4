package org.ssbtwin.api.persistence;

import static org.junit.jupiter.api.Assertions.*;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
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
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior;
import org.apache.pekko.stream.javadsl.Sink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ssbtwin.api.PersistenceSetup;
import org.ssbtwin.config.TwinSettings;
import scala.Option;
import scala.Tuple2;

/**
 * The batched PostgreSQL journal DAO on a real PostgreSQL (embedded), through real persistent actors and the real
 * read journal: events persist and replay, tags are complete and in ordering order with concurrent writers, and a
 * duplicate sequence number fails the write (the whole batch, nothing half-written) instead of being dropped.
 */
class PostgresBatchJournalDaoTest {
    static EmbeddedPostgres pg;
    static ActorTestKit kit;
    static Config config;

    @BeforeAll
    static void start() throws Exception {
        pg = EmbeddedPostgres.builder().start();
        Map<String, Object> twin = new HashMap<>();
        twin.put("twin.database.kind", "postgres");
        twin.put("twin.database.postgres.url", pg.getJdbcUrl("postgres", "postgres"));
        twin.put("twin.database.postgres.user", "postgres");
        ConfigFactory.invalidateCaches();
        Config base = ConfigFactory.parseMap(twin).withFallback(ConfigFactory.load());
        TwinSettings settings = TwinSettings.from(base);
        PersistenceSetup.createSchema(settings);
        config = ConfigFactory.parseMap(Map.of("pekko.actor.provider", "local"))
                .withFallback(PersistenceSetup.persistenceConfig(settings.database()))
                .withFallback(base).resolve();
        kit = ActorTestKit.create("dao-test", config);
    }

    @AfterAll
    static void stop() throws Exception {
        if (kit != null) kit.shutdownTestKit();
        if (pg != null) pg.close();
    }

    // --- a minimal persistent actor: appends strings, tagged "all" and its group ---

    sealed interface Cmd {}

    record Append(List<String> events, ActorRef<Integer> replyTo) implements Cmd {}

    record Get(ActorRef<List<String>> replyTo) implements Cmd {}

    static final class Writer extends EventSourcedBehavior<Cmd, String, List<String>> {
        private final String group;

        Writer(String id, String group) {
            super(PersistenceId.ofUniqueId(id));
            this.group = group;
        }

        @Override
        public List<String> emptyState() {
            return List.of();
        }

        @Override
        public CommandHandler<Cmd, String, List<String>> commandHandler() {
            return newCommandHandlerBuilder().forAnyState()
                    .onCommand(Append.class, (s, c) -> Effect().persist(c.events()).thenReply(c.replyTo(), List::size))
                    .onCommand(Get.class, (s, c) -> Effect().reply(c.replyTo(), s))
                    .build();
        }

        @Override
        public EventHandler<List<String>, String> eventHandler() {
            return (state, e) -> {
                List<String> next = new ArrayList<>(state);
                next.add(e);
                return next;
            };
        }

        @Override
        public Set<String> tagsFor(String event) {
            return Set.of("all", group);
        }
    }

    private static <T> T ask(ActorRef<Cmd> ref, org.apache.pekko.japi.function.Function<ActorRef<T>, Cmd> msg) throws Exception {
        return AskPattern.ask(ref, msg, Duration.ofSeconds(20), kit.scheduler()).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private static List<EventEnvelope> byTag(String tag) throws Exception {
        JdbcReadJournal rj = PersistenceQuery.get(kit.system()).getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
        return rj.currentEventsByTag(tag, Offset.noOffset()).runWith(Sink.seq(), kit.system()).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void theTwinsPostgresConfigurationSelectsThisDao() {
        assertEquals(PostgresBatchJournalDao.class.getName(), config.getString("jdbc-journal.dao"));
        assertEquals(TagRangeReadJournalDao.class.getName(), config.getString("jdbc-read-journal.dao"));
    }

    @Test
    void theEventsByTagQueryReadsOnlyTheRangeItAsksFor() throws Exception {
        // 30,000 tagged events, then the query near the end: PostgreSQL must not walk the tag rows below the offset
        // (the plugin's own query read every tag row from the first on each poll: 70,500 rows for 500 at 70,000)
        JournalConfig jc = new JournalConfig(config.getConfig("jdbc-journal"));
        PostgresJournalWriter writer = new PostgresJournalWriter(jc.eventJournalTableConfiguration(), jc.eventTagTableConfiguration());
        try (Connection c = pg.getPostgresDatabase().getConnection()) {
            c.setAutoCommit(false);
            for (int b = 0; b < 30; b++) {
                List<Tuple2<JournalPekkoSerializationRow, scala.collection.immutable.Set<String>>> rows = new ArrayList<>();
                for (int i = 1; i <= 1000; i++) rows.add(row("range-" + b, i, "range", b % 2 == 0 ? "range-even" : "range-odd"));
                writer.write(c, rows);
            }
            c.commit();
            c.createStatement().execute("ANALYZE");
            long max;
            try (ResultSet rs = c.createStatement().executeQuery("SELECT MAX(ordering) FROM event_journal")) {
                rs.next();
                max = rs.getLong(1);
            }
            var rjc = new org.apache.pekko.persistence.jdbc.config.ReadJournalConfig(config.getConfig("jdbc-read-journal"));
            String sql = TagRangeReadJournalDao.eventsByTagSql(rjc.eventJournalTableConfiguration(), rjc.eventTagTableConfiguration());
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, FORMAT JSON) " + sql)) {
                ps.setString(1, "range");
                ps.setLong(2, max - 600);
                ps.setLong(3, max);
                ps.setLong(4, max - 600);
                ps.setLong(5, max);
                ps.setLong(6, 500);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    String plan = rs.getString(1);
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"Actual Rows\": (\\d+)").matcher(plan);
                    long most = 0;
                    while (m.find()) most = Math.max(most, Long.parseLong(m.group(1)));
                    assertTrue(most <= 1200, "no plan node reads more than the range (600 events x 2 tags): " + most + "\n" + plan);
                }
            }
            c.rollback();
        }
        // and the read journal returns exactly the range, in order
        JdbcReadJournal rj = PersistenceQuery.get(kit.system()).getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
        List<EventEnvelope> odd = rj.currentEventsByTag("range-odd", Offset.noOffset()).runWith(Sink.seq(), kit.system())
                .toCompletableFuture().get(60, TimeUnit.SECONDS);
        assertEquals(15_000, odd.size());
        long previous = 0;
        for (EventEnvelope e : odd) {
            long ordering = ((Sequence) e.offset()).value();
            assertTrue(ordering > previous);
            previous = ordering;
            assertEquals(1, Integer.parseInt(e.persistenceId().substring("range-".length())) % 2, e.persistenceId());
        }
        long from = ((Sequence) odd.get(9_999).offset()).value();
        List<EventEnvelope> tail = rj.currentEventsByTag("range-odd", Offset.sequence(from)).runWith(Sink.seq(), kit.system())
                .toCompletableFuture().get(60, TimeUnit.SECONDS);
        assertEquals(odd.subList(10_000, 15_000).stream().map(EventEnvelope::offset).toList(), tail.stream().map(EventEnvelope::offset).toList());
        assertEquals(odd.get(10_000).event(), tail.get(0).event(), "a decoded event shared from the cache is the same value");
    }

    @Test
    void concurrentWritersPersistReplayAndTagEveryEventInOrder() throws Exception {
        int writers = 8;
        int commands = 6;
        int perCommand = 10;
        List<ActorRef<Cmd>> refs = new ArrayList<>();
        for (int w = 0; w < writers; w++) refs.add(kit.spawn(new Writer("w-" + w, w % 2 == 0 ? "even" : "odd")));
        // all writers at once, each with several multi-event writes in flight: the DAO batches them together
        List<CompletableFuture<Integer>> acks = new ArrayList<>();
        for (int k = 0; k < commands; k++) {
            for (int w = 0; w < writers; w++) {
                List<String> events = new ArrayList<>();
                for (int i = 0; i < perCommand; i++) events.add("w-" + w + ":" + (k * perCommand + i + 1));
                acks.add(AskPattern.<Cmd, Integer>ask(refs.get(w), r -> new Append(events, r), Duration.ofSeconds(20), kit.scheduler()).toCompletableFuture());
            }
        }
        for (CompletableFuture<Integer> a : acks) a.get(30, TimeUnit.SECONDS);
        int perWriter = commands * perCommand;

        // eventsByTag: every event once, in ordering order, each persistence id's events in sequence order
        // (other tests of this class write "dup-" persistence ids with the same tags)
        List<EventEnvelope> all = byTag("all").stream().filter(e -> e.persistenceId().startsWith("w-")).toList();
        assertEquals(writers * perWriter, all.size());
        long previous = 0;
        Map<String, Long> lastSeq = new HashMap<>();
        for (EventEnvelope e : all) {
            long ordering = ((Sequence) e.offset()).value();
            assertTrue(ordering > previous, "orderings strictly increase: " + ordering + " after " + previous);
            previous = ordering;
            long expectedSeq = lastSeq.getOrDefault(e.persistenceId(), 0L) + 1;
            assertEquals(expectedSeq, e.sequenceNr(), "sequence order of " + e.persistenceId());
            assertEquals(e.persistenceId() + ":" + e.sequenceNr(), e.event());
            lastSeq.put(e.persistenceId(), e.sequenceNr());
        }
        assertEquals(writers, lastSeq.size());
        lastSeq.values().forEach(v -> assertEquals(perWriter, v));
        List<EventEnvelope> even = byTag("even").stream().filter(e -> e.persistenceId().startsWith("w-")).toList();
        assertEquals(writers / 2 * perWriter, even.size());
        assertTrue(even.stream().allMatch(e -> Integer.parseInt(e.persistenceId().substring(2)) % 2 == 0));

        // eventsByPersistenceId and a replay by a fresh incarnation of the actor
        JdbcReadJournal rj = PersistenceQuery.get(kit.system()).getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
        List<EventEnvelope> w3 = rj.currentEventsByPersistenceId("w-3", 0, Long.MAX_VALUE).runWith(Sink.seq(), kit.system())
                .toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertEquals(perWriter, w3.size());
        for (int i = 0; i < w3.size(); i++) assertEquals("w-3:" + (i + 1), w3.get(i).event());
        TestProbe<Object> probe = kit.createTestProbe();
        kit.stop(refs.get(3));
        probe.expectTerminated(refs.get(3), Duration.ofSeconds(10));
        ActorRef<Cmd> again = kit.spawn(new Writer("w-3", "odd"));
        List<String> replayed = ask(again, Get::new);
        assertEquals(w3.stream().map(e -> (String) e.event()).toList(), replayed);
        assertEquals(Integer.valueOf(perWriter + 1), PostgresBatchJournalDaoTest.<Integer>ask(again, r -> new Append(List.of("w-3:" + (perWriter + 1)), r)));

        try (Connection c = pg.getPostgresDatabase().getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT (SELECT COUNT(*) FROM event_journal WHERE persistence_id LIKE 'w-%'), "
                     + "(SELECT COUNT(*) FROM event_tag t JOIN event_journal j ON j.ordering = t.event_id WHERE j.persistence_id LIKE 'w-%')")) {
            assertTrue(rs.next());
            assertEquals(writers * perWriter + 1, rs.getLong(1));
            assertEquals(2L * (writers * perWriter + 1), rs.getLong(2), "two tags per event");
        }
    }

    @Test
    void aDuplicateSequenceNumberFailsThePersistAndWritesNothing() throws Exception {
        // two incarnations of one persistence id, both recovered at sequence number 0: the second write of seq 1 collides
        ActorRef<Cmd> first = kit.spawn(new Writer("dup-1", "even"));
        ActorRef<Cmd> second = kit.spawn(new Writer("dup-1", "even"));
        assertEquals(List.of(), ask(first, Get::new));
        assertEquals(List.of(), ask(second, Get::new));
        assertEquals(Integer.valueOf(2), PostgresBatchJournalDaoTest.<Integer>ask(first, r -> new Append(List.of("first-1", "first-2"), r)));
        TestProbe<Integer> reply = kit.createTestProbe();
        second.tell(new Append(List.of("second-1", "second-2", "second-3"), reply.getRef()));
        reply.expectNoMessage(Duration.ofSeconds(2));
        TestProbe<Object> watcher = kit.createTestProbe();
        watcher.expectTerminated(second, Duration.ofSeconds(10)); // a persistent actor stops when its write fails
        try (Connection c = pg.getPostgresDatabase().getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT sequence_number FROM event_journal WHERE persistence_id = 'dup-1' ORDER BY sequence_number")) {
            List<Long> seqs = new ArrayList<>();
            while (rs.next()) seqs.add(rs.getLong(1));
            assertEquals(List.of(1L, 2L), seqs, "the first writer's events only; none of the failed write (not even seq 3)");
        }
        ActorRef<Cmd> fresh = kit.spawn(new Writer("dup-1", "even"));
        assertEquals(List.of("first-1", "first-2"), ask(fresh, Get::new));
    }

    @Test
    void theWriterFailsAWholeBatchOnADuplicateKey() throws Exception {
        JournalConfig jc = new JournalConfig(config.getConfig("jdbc-journal"));
        PostgresJournalWriter writer = new PostgresJournalWriter(jc.eventJournalTableConfiguration(), jc.eventTagTableConfiguration());
        try (Connection c = pg.getPostgresDatabase().getConnection()) {
            c.setAutoCommit(false);
            writer.write(c, List.of(row("batch-a", 1, "t1"), row("batch-b", 1, "t1"), row("batch-a", 2)));
            c.commit();
            SQLException e = assertThrows(SQLException.class,
                    () -> writer.write(c, List.of(row("batch-c", 1, "t1"), row("batch-a", 2, "t1"), row("batch-c", 2))));
            assertTrue(String.valueOf(e.getMessage()).contains("duplicate") || String.valueOf(e.getNextException()).contains("duplicate"), e.toString());
            c.rollback();
            try (PreparedStatement ps = c.prepareStatement("SELECT persistence_id, sequence_number, ordering, "
                    + "(SELECT COUNT(*) FROM event_tag t WHERE t.event_id = j.ordering) FROM event_journal j "
                    + "WHERE persistence_id LIKE 'batch-%' ORDER BY ordering"); ResultSet rs = ps.executeQuery()) {
                List<String> rows = new ArrayList<>();
                long last = 0;
                while (rs.next()) {
                    rows.add(rs.getString(1) + "/" + rs.getLong(2) + " tags " + rs.getLong(4));
                    assertTrue(rs.getLong(3) > last);
                    last = rs.getLong(3);
                }
                // sorted by sequence number (as the default DAO does): both seq-1 rows get the lower orderings
                assertEquals(List.of("batch-a/1 tags 1", "batch-b/1 tags 1", "batch-a/2 tags 0"), rows);
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
