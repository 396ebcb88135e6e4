package org.ssbtwin.api.persistence;

import static org.ssbtwin.api.persistence.PostgresJournalWriter.q;
import static org.ssbtwin.api.persistence.PostgresJournalWriter.qualified;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.NotUsed;
import org.apache.pekko.persistence.PersistentRepr;
import org.apache.pekko.persistence.jdbc.PekkoSerialization$;
import org.apache.pekko.persistence.jdbc.config.EventJournalTableColumnNames;
import org.apache.pekko.persistence.jdbc.config.EventJournalTableConfiguration;
import org.apache.pekko.persistence.jdbc.config.EventTagTableConfiguration;
import org.apache.pekko.persistence.jdbc.config.ReadJournalConfig;
import org.apache.pekko.persistence.jdbc.journal.dao.JournalTables.JournalPekkoSerializationRow;
import org.apache.pekko.persistence.jdbc.query.dao.DefaultReadJournalDao;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.scaladsl.Source;
import scala.Option;
import scala.Tuple2;
import scala.Tuple3;
import scala.collection.immutable.Set;
import scala.concurrent.ExecutionContext;
import scala.concurrent.Future;
import scala.util.Failure;
import scala.util.Success;
import scala.util.Try;
import slick.jdbc.JdbcBackend;
import slick.jdbc.JdbcProfile;
import slick.jdbc.SimpleJdbcAction;

/**
 * pekko-persistence-jdbc's read-journal DAO with an events-by-tag query that the database can answer from the range
 * it asks for.
 *
 * <p>The plugin's own query (1.1.1) joins the journal to the tag table and bounds only {@code event_journal.ordering}
 * ({@code > offset and <= maxOffset}). PostgreSQL plans it as a merge join that walks the tag table's primary key
 * {@code (event_id, tag)} from its first row on every poll: measured, 70,500 tag rows read to return 500 events at
 * offset 70,000, and 3-11 s per poll during ingest. This query puts the same bounds on {@code event_tag.event_id}
 * (which equals the ordering of the event it tags) as well, so both tables are read by an index range from the
 * offset, whatever the size of the journal. Same rows, same order (by ordering), same limit, same filter on deleted events, same
 * deserialization ({@code PekkoSerialization.fromRow}) as the default DAO; the other queries are the default DAO's.
 * Table and column names come from the plugin's configuration. Selected with {@code jdbc-read-journal.dao}
 * ({@code PersistenceSetup}).
 *
 * <p>Decoded events are shared: every node runs several readers of the same tag at nearly the same offsets (the fleet
 * projection's instances and the asset directory), and decoding the JSON of each event once per reader was measured at
 * ~40 % of a node's CPU during ingest. A row whose {@code ordering} was decoded recently is taken from a small
 * direct-mapped cache ({@link DecodedEvents}) instead. An ordering identifies one immutable journal row for good (a
 * deleted event is filtered by the query before the cache is consulted), and decoded events are immutable values, so
 * a cached one is the same value a fresh decode would give. Small rows only (usage events, not a pack's assembly), so
 * its heap stays a few MB.
 */
public class TagRangeReadJournalDao extends DefaultReadJournalDao {
    /**
     * Slots of the decoded-event cache: a node's readers poll within a second or two of each other, ~2 s of ingest at
     * 4,000 events/s. A decoded usage event is ~1 KB of heap, so the cache holds ~8 MB.
     */
    static final int DECODED_CACHE_SLOTS = 1 << 13;
    /**
     * Rows with a larger payload are decoded by each reader and never cached: they are rare (a pack's assembly with
     * its cells' factors, 23 KB) and would make the cache's heap unbounded in practice (8,192 of them ~ 1 GB).
     */
    static final int DECODED_CACHE_MAX_PAYLOAD = 2048;

    private final Serialization serialization;
    private final String eventsByTagSql;
    private final String journalSequenceSql;
    private final boolean h2;
    /** The index on {@code event_tag (tag, event_id)} the H2 query reads (and the read side's tag queries on both databases). */
    public static final String TAG_INDEX = "event_tag_tag_idx";
    private final DecodedEvents decoded = new DecodedEvents(DECODED_CACHE_SLOTS);

    public TagRangeReadJournalDao(JdbcBackend.JdbcDatabaseDef db, JdbcProfile profile, ReadJournalConfig config,
                                  Serialization serialization, ExecutionContext ec, Materializer mat) {
        super(db, profile, config, serialization, ec, mat);
        this.serialization = serialization;
        this.h2 = profile instanceof slick.jdbc.H2Profile;
        this.eventsByTagSql = h2 ? eventsByTagSqlH2(config.eventJournalTableConfiguration(), config.eventTagTableConfiguration())
                : eventsByTagSql(config.eventJournalTableConfiguration(), config.eventTagTableConfiguration());
        this.journalSequenceSql = journalSequenceSql(config.eventJournalTableConfiguration());
    }

    /**
     * H2: the same rows from a derived table that takes the tag's first {@code max} event ids after the offset from
     * the index on {@code event_tag (tag, event_id)} ({@link #TAG_INDEX}, created by {@code PersistenceSetup}) in that
     * index's order, so H2 stops after {@code max} rows; then the journal rows by ordering. H2 plans the join above
     * from the journal's ordering range and sorts it: every poll read the whole range from the offset to the
     * journal's end (measured on 1 M events: 6.2 s for 500 rows of a slice tag, 8.5 s for a tag without events
     * since the offset, e.g. a station or cell tag in a fleet-only history, for every reader at start); this query
     * answers both in a few ms, whatever the journal's length (issue 17). Parameters: tag, offset, maxOffset, max,
     * offset, maxOffset. A row marked deleted counts against {@code max}: the page is shorter, the next starts after it.
     */
    static String eventsByTagSqlH2(EventJournalTableConfiguration journal, EventTagTableConfiguration tags) {
        EventJournalTableColumnNames c = journal.columnNames();
        String eventId = q(tags.columnNames().eventId());
        String tag = q(tags.columnNames().tag());
        return "SELECT " + String.join(", ", "j." + q(c.ordering()), "j." + q(c.deleted()), "j." + q(c.persistenceId()),
                "j." + q(c.sequenceNumber()), "j." + q(c.writer()), "j." + q(c.writeTimestamp()), "j." + q(c.adapterManifest()),
                "j." + q(c.eventPayload()), "j." + q(c.eventSerId()), "j." + q(c.eventSerManifest()), "j." + q(c.metaPayload()),
                "j." + q(c.metaSerId()), "j." + q(c.metaSerManifest()))
                + " FROM (SELECT " + eventId + " FROM " + qualified(tags.schemaName(), tags.tableName())
                + " WHERE " + tag + " = ? AND " + eventId + " > ? AND " + eventId + " <= ? ORDER BY " + tag + ", " + eventId + " LIMIT ?) t"
                + " JOIN " + qualified(journal.schemaName(), journal.tableName()) + " j ON j." + q(c.ordering()) + " = t." + eventId
                + " WHERE j." + q(c.ordering()) + " > ? AND j." + q(c.ordering()) + " <= ?"
                + " AND j." + q(c.deleted()) + " = FALSE"
                + " ORDER BY t." + eventId;
    }

    /**
     * The query: {@code tag}, {@code offset} (exclusive), {@code maxOffset} (inclusive), the same two bounds again
     * for the journal's ordering, {@code max} rows. Both sides of the join are bounded, so whichever join the planner
     * picks (a hash join with a scan of the journal was seen with small rows) reads only the range.
     */
    static String eventsByTagSql(EventJournalTableConfiguration journal, EventTagTableConfiguration tags) {
        EventJournalTableColumnNames c = journal.columnNames();
        String eventId = "t." + q(tags.columnNames().eventId());
        return "SELECT " + String.join(", ", "j." + q(c.ordering()), "j." + q(c.deleted()), "j." + q(c.persistenceId()),
                "j." + q(c.sequenceNumber()), "j." + q(c.writer()), "j." + q(c.writeTimestamp()), "j." + q(c.adapterManifest()),
                "j." + q(c.eventPayload()), "j." + q(c.eventSerId()), "j." + q(c.eventSerManifest()), "j." + q(c.metaPayload()),
                "j." + q(c.metaSerId()), "j." + q(c.metaSerManifest()))
                + " FROM " + qualified(tags.schemaName(), tags.tableName()) + " t JOIN " + qualified(journal.schemaName(), journal.tableName())
                + " j ON j." + q(c.ordering()) + " = " + eventId
                + " WHERE t." + q(tags.columnNames().tag()) + " = ? AND " + eventId + " > ? AND " + eventId + " <= ?"
                + " AND j." + q(c.ordering()) + " > ? AND j." + q(c.ordering()) + " <= ?"
                + " AND j." + q(c.deleted()) + " = FALSE"
                + " ORDER BY " + eventId + " LIMIT ?";
    }

    @Override
    public Source<Try<Tuple3<PersistentRepr, Set<String>, Object>>, NotUsed> eventsByTag(String tag, long offset, long maxOffset, long max) {
        if (max <= 0 || maxOffset <= offset) return Source.empty();
        SimpleJdbcAction<List<JournalPekkoSerializationRow>> query = new SimpleJdbcAction<>(ctx -> {
            try (PreparedStatement ps = ctx.connection().prepareStatement(eventsByTagSql)) {
                ps.setString(1, tag);
                ps.setLong(2, offset);
                ps.setLong(3, maxOffset);
                if (h2) {
                    ps.setLong(4, max);
                    ps.setLong(5, offset);
                    ps.setLong(6, maxOffset);
                } else {
                    ps.setLong(4, offset);
                    ps.setLong(5, maxOffset);
                    ps.setLong(6, max);
                }
                List<JournalPekkoSerializationRow> rows = new ArrayList<>((int) Math.min(max, 1024));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) rows.add(row(rs));
                }
                return rows;
            } catch (SQLException e) {
                throw new ReadJournalQueryException(e);
            }
        });
        @SuppressWarnings({"unchecked", "rawtypes"})
        Future<List<JournalPekkoSerializationRow>> rows = db().run((slick.dbio.DBIOAction) query);
        return org.apache.pekko.stream.javadsl.Source.completionStage(scala.jdk.javaapi.FutureConverters.asJava(rows))
                .mapConcat(list -> {
                    List<Try<Tuple3<PersistentRepr, Set<String>, Object>>> out = new ArrayList<>(list.size());
                    for (JournalPekkoSerializationRow r : list) out.add(deserialize(r));
                    return out;
                })
                .asScala();
    }

    /**
     * The journal's orderings after {@code offset}, ascending, at most {@code limit}: the same rows as the default DAO
     * (every row, deleted or not, {@code ordering > offset order by ordering limit}), read with plain JDBC into one
     * array instead of the default DAO's row-by-row Slick stream. Only the plugin's sequence actor calls it: it scans
     * the journal's orderings from 0 at every start to find gaps, and every events-by-tag query (projections, the
     * change feed) delivers only up to what that scan has checked. Measured on H2 (2 busy cores): 1 M events 3-5 s
     * through the default stream, 1.6 s with JDBC; 6.67 M events 3.1 s with JDBC and 100,000 a query, where the
     * default stream had not reached the end when the actor's 10 s assumption did (docs/read-side.md "Start").
     */
    @Override
    public Source<Object, NotUsed> journalSequence(long offset, long limit) {
        if (limit <= 0) return Source.empty();
        SimpleJdbcAction<long[]> query = new SimpleJdbcAction<>(ctx -> {
            try (PreparedStatement ps = ctx.connection().prepareStatement(journalSequenceSql)) {
                ps.setLong(1, offset);
                ps.setLong(2, limit);
                long[] ids = new long[(int) Math.min(limit, 1 << 16)];
                int n = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (n == ids.length) ids = java.util.Arrays.copyOf(ids, n * 2);
                        ids[n++] = rs.getLong(1);
                    }
                }
                return java.util.Arrays.copyOf(ids, n);
            } catch (SQLException e) {
                throw new ReadJournalQueryException(e);
            }
        });
        @SuppressWarnings({"unchecked", "rawtypes"})
        Future<long[]> ids = db().run((slick.dbio.DBIOAction) query);
        return org.apache.pekko.stream.javadsl.Source.completionStage(scala.jdk.javaapi.FutureConverters.asJava(ids))
                .mapConcat(array -> {
                    List<Object> out = new ArrayList<>(array.length);
                    for (long id : array) out.add(id);
                    return out;
                })
                .asScala();
    }

    /** The sequence actor's query: parameters {@code offset} (exclusive), {@code limit}. */
    static String journalSequenceSql(EventJournalTableConfiguration journal) {
        String ordering = q(journal.columnNames().ordering());
        return "SELECT " + ordering + " FROM " + qualified(journal.schemaName(), journal.tableName())
                + " WHERE " + ordering + " > ? ORDER BY " + ordering + " LIMIT ?";
    }

    private Try<Tuple3<PersistentRepr, Set<String>, Object>> deserialize(JournalPekkoSerializationRow row) {
        boolean cacheable = row.eventPayload().length <= DECODED_CACHE_MAX_PAYLOAD;
        Success<Tuple3<PersistentRepr, Set<String>, Object>> cached = cacheable ? decoded.get(row.ordering()) : null;
        if (cached != null) return cached;
        Try<Tuple2<PersistentRepr, Object>> t = PekkoSerialization$.MODULE$.fromRow(serialization, row);
        if (t.isFailure()) return new Failure<>(((Failure<?>) t).exception());
        Tuple2<PersistentRepr, Object> reprAndOrdering = t.get();
        // the default DAO does not read the tags back either (EventEnvelope tags are not part of this plugin's API)
        Success<Tuple3<PersistentRepr, Set<String>, Object>> ok =
                new Success<>(new Tuple3<>(reprAndOrdering._1(), scala.collection.immutable.Set$.MODULE$.empty(), reprAndOrdering._2()));
        if (cacheable) decoded.put(row.ordering(), ok);
        return ok;
    }

    /** Rows decoded and rows shared from the cache by every DAO of this JVM since it started (for benches). */
    public static long[] decodeCountsOfThisJvm() {
        return new long[] {DecodedEvents.ALL_MISSES.sum(), DecodedEvents.ALL_HITS.sum()};
    }

    /**
     * A direct-mapped cache of decoded journal rows by ordering: slot = ordering mod capacity, each slot holds one
     * (ordering, decoded row) pair, replaced by the newest. Lock-free: a slot is one immutable entry in an
     * {@link java.util.concurrent.atomic.AtomicReferenceArray}, read and checked by its ordering.
     */
    static final class DecodedEvents {
        private record Entry(long ordering, Success<Tuple3<PersistentRepr, Set<String>, Object>> value) {}

        private final java.util.concurrent.atomic.AtomicReferenceArray<Entry> slots;
        private final int mask;
        final java.util.concurrent.atomic.LongAdder hits = new java.util.concurrent.atomic.LongAdder();
        final java.util.concurrent.atomic.LongAdder misses = new java.util.concurrent.atomic.LongAdder();
        static final java.util.concurrent.atomic.LongAdder ALL_HITS = new java.util.concurrent.atomic.LongAdder();
        static final java.util.concurrent.atomic.LongAdder ALL_MISSES = new java.util.concurrent.atomic.LongAdder();

        DecodedEvents(int capacity) {
            if (Integer.bitCount(capacity) != 1) throw new IllegalArgumentException("capacity must be a power of two: " + capacity);
            slots = new java.util.concurrent.atomic.AtomicReferenceArray<>(capacity);
            mask = capacity - 1;
        }

        Success<Tuple3<PersistentRepr, Set<String>, Object>> get(long ordering) {
            Entry e = slots.get((int) (ordering & mask));
            if (e != null && e.ordering == ordering) {
                hits.increment();
                ALL_HITS.increment();
                return e.value;
            }
            misses.increment();
            ALL_MISSES.increment();
            return null;
        }

        void put(long ordering, Success<Tuple3<PersistentRepr, Set<String>, Object>> value) {
            slots.set((int) (ordering & mask), new Entry(ordering, value));
        }
    }

    private static JournalPekkoSerializationRow row(ResultSet rs) throws SQLException {
        long ordering = rs.getLong(1);
        boolean deleted = rs.getBoolean(2);
        String persistenceId = rs.getString(3);
        long sequenceNumber = rs.getLong(4);
        String writer = rs.getString(5);
        long writeTimestamp = rs.getLong(6);
        String adapterManifest = rs.getString(7);
        byte[] payload = rs.getBytes(8);
        int serId = rs.getInt(9);
        String serManifest = rs.getString(10);
        byte[] metaPayload = rs.getBytes(11);
        int metaSerId = rs.getInt(12);
        boolean noMetaSerId = rs.wasNull();
        String metaSerManifest = rs.getString(13);
        return new JournalPekkoSerializationRow(ordering, deleted, persistenceId, sequenceNumber, writer, writeTimestamp,
                adapterManifest, payload, serId, serManifest, Option.apply(metaPayload),
                noMetaSerId ? Option.empty() : Option.apply(metaSerId), Option.apply(metaSerManifest));
    }

    /** A failed events-by-tag query (the SQLException as cause): the query stream fails and is retried by its user. */
    public static final class ReadJournalQueryException extends RuntimeException {
        public ReadJournalQueryException(SQLException cause) {
            super("events-by-tag query failed: " + cause.getMessage(), cause);
        }
    }
}
