package org.ssbtwin.api.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.pekko.persistence.jdbc.config.EventJournalTableColumnNames;
import org.apache.pekko.persistence.jdbc.config.EventJournalTableConfiguration;
import org.apache.pekko.persistence.jdbc.config.EventTagTableConfiguration;
import org.apache.pekko.persistence.jdbc.config.JournalConfig;
import org.apache.pekko.persistence.jdbc.journal.dao.DefaultJournalDao;
import org.apache.pekko.persistence.jdbc.journal.dao.JournalTables.JournalPekkoSerializationRow;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.stream.Materializer;
import scala.Tuple2;
import scala.concurrent.ExecutionContext;
import scala.concurrent.Future;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.BoxedUnit;
import slick.dbio.DBIOAction;
import slick.dbio.Effect;
import slick.dbio.NoStream;
import slick.jdbc.JdbcBackend;
import slick.jdbc.JdbcProfile;
import slick.jdbc.SimpleJdbcAction;

/**
 * pekko-persistence-jdbc's {@link DefaultJournalDao} for PostgreSQL with a batched write of journal rows.
 *
 * <p>The default DAO inserts tagged events with slick's {@code insert ... returning ordering}, which slick runs as one
 * INSERT ... RETURNING per row (it needs each row's {@code ordering} for the {@code event_tag} rows): a batch of 100
 * events costs 100+ round trips. This DAO writes the same rows in three round trips, in one transaction:
 * <ol>
 *   <li>takes N values of the journal's {@code ordering} sequence in one query
 *       ({@code select nextval(seq) from generate_series(1, N)}),</li>
 *   <li>inserts the journal rows with those orderings as one JDBC batch,</li>
 *   <li>inserts the tag rows ({@code event_id} = ordering) as one JDBC batch.</li>
 * </ol>
 * Same tables, columns and serialization as the default DAO; rows are sorted by sequence number (as the default does),
 * so orderings grow with sequence numbers within a persistence id. The batch is atomic: a duplicate
 * {@code (persistence_id, sequence_number)} violates the primary key, the transaction rolls back and the write fails
 * (the persistent actor sees a persist failure), exactly like the default DAO. Reads, deletes and the read journal are
 * the default DAO's. Selected with {@code jdbc-journal.dao} for PostgreSQL only ({@code PersistenceSetup}).
 */
public class PostgresBatchJournalDao extends DefaultJournalDao {
    private final String qualifiedJournal;
    private final String orderingColumn;
    private final String insertJournal;
    private final String insertTag;
    /** The journal's ordering sequence (BIGSERIAL or identity), resolved at the first write. */
    private volatile String sequence;

    public PostgresBatchJournalDao(JdbcBackend.JdbcDatabaseDef db, JdbcProfile profile, JournalConfig journalConfig,
                                   Serialization serialization, ExecutionContext ec, Materializer mat) {
        super(db, profile, journalConfig, serialization, ec, mat);
        EventJournalTableConfiguration j = journalConfig.eventJournalTableConfiguration();
        EventJournalTableColumnNames c = j.columnNames();
        EventTagTableConfiguration t = journalConfig.eventTagTableConfiguration();
        this.qualifiedJournal = qualified(j.schemaName(), j.tableName());
        this.orderingColumn = c.ordering();
        this.insertJournal = "INSERT INTO " + qualifiedJournal + " (" + String.join(", ", q(c.ordering()), q(c.deleted()),
                q(c.persistenceId()), q(c.sequenceNumber()), q(c.writer()), q(c.writeTimestamp()), q(c.adapterManifest()),
                q(c.eventSerId()), q(c.eventSerManifest()), q(c.eventPayload()), q(c.metaSerId()), q(c.metaSerManifest()),
                q(c.metaPayload())) + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        this.insertTag = "INSERT INTO " + qualified(t.schemaName(), t.tableName()) + " (" + q(t.columnNames().eventId()) + ", "
                + q(t.columnNames().tag()) + ") VALUES (?, ?)";
    }

    private static String q(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String qualified(scala.Option<String> schema, String table) {
        return schema.isDefined() ? q(schema.get()) + "." + q(table) : q(table);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Future<BoxedUnit> writeJournalRows(scala.collection.immutable.Seq<Tuple2<JournalPekkoSerializationRow, scala.collection.immutable.Set<String>>> xs) {
        List<Tuple2<JournalPekkoSerializationRow, scala.collection.immutable.Set<String>>> rows = new ArrayList<>(CollectionConverters.asJava(xs));
        // as the default DAO: stable sort by sequence number, so orderings follow sequence numbers per persistence id
        rows.sort(Comparator.comparingLong(r -> r._1().sequenceNumber()));
        SimpleJdbcAction<BoxedUnit> write = new SimpleJdbcAction<>(ctx -> {
            try {
                write(ctx.connection(), rows);
            } catch (SQLException e) {
                throw new JournalWriteException(e);
            }
            return BoxedUnit.UNIT;
        });
        DBIOAction<BoxedUnit, NoStream, Effect.All> tx = profile().api().jdbcActionExtensionMethods(write).transactionally();
        // the effect type parameter of run() is a Scala bound Java generics cannot express
        @SuppressWarnings({"unchecked", "rawtypes"})
        Future<BoxedUnit> done = db().run((DBIOAction) tx);
        return done;
    }

    /** The batched write on a connection inside the caller's transaction (package-visible for tests). */
    void write(Connection c, List<Tuple2<JournalPekkoSerializationRow, scala.collection.immutable.Set<String>>> rows) throws SQLException {
        if (rows.isEmpty()) return;
        long[] orderings = nextOrderings(c, rows.size());
        boolean anyTag = false;
        try (PreparedStatement ps = c.prepareStatement(insertJournal)) {
            for (int i = 0; i < rows.size(); i++) {
                JournalPekkoSerializationRow r = rows.get(i)._1();
                ps.setLong(1, orderings[i]);
                ps.setBoolean(2, r.deleted());
                ps.setString(3, r.persistenceId());
                ps.setLong(4, r.sequenceNumber());
                ps.setString(5, r.writer());
                ps.setLong(6, r.writeTimestamp());
                ps.setString(7, r.adapterManifest());
                ps.setInt(8, r.eventSerId());
                ps.setString(9, r.eventSerManifest());
                ps.setBytes(10, r.eventPayload());
                if (r.metaSerId().isDefined()) ps.setInt(11, (Integer) r.metaSerId().get());
                else ps.setNull(11, Types.INTEGER);
                ps.setString(12, r.metaSerManifest().isDefined() ? r.metaSerManifest().get() : null);
                if (r.metaPayload().isDefined()) ps.setBytes(13, r.metaPayload().get());
                else ps.setNull(13, Types.BINARY);
                ps.addBatch();
                anyTag |= rows.get(i)._2().nonEmpty();
            }
            checkBatch(ps.executeBatch(), rows.size(), "journal");
        }
        if (!anyTag) return;
        int tags = 0;
        try (PreparedStatement ps = c.prepareStatement(insertTag)) {
            for (int i = 0; i < rows.size(); i++) {
                scala.collection.Iterator<String> it = rows.get(i)._2().iterator();
                while (it.hasNext()) {
                    ps.setLong(1, orderings[i]);
                    ps.setString(2, it.next());
                    ps.addBatch();
                    tags++;
                }
            }
            checkBatch(ps.executeBatch(), tags, "tag");
        }
    }

    private static void checkBatch(int[] counts, int expected, String what) throws SQLException {
        if (counts.length != expected) throw new SQLException(what + " batch wrote " + counts.length + " of " + expected + " rows");
        for (int n : counts) {
            // SUCCESS_NO_INFO (-2) is fine (a rewritten multi-row insert reports it); 0 or EXECUTE_FAILED is not
            if (n != 1 && n != java.sql.Statement.SUCCESS_NO_INFO) throw new SQLException(what + " batch: a row was not written (" + n + ")");
        }
    }

    /** N values of the ordering sequence, ascending, in one round trip. */
    private long[] nextOrderings(Connection c, int n) throws SQLException {
        String seq = sequence;
        if (seq == null) {
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_get_serial_sequence(?, ?)")) {
                ps.setString(1, qualifiedJournal);
                ps.setString(2, orderingColumn);
                try (ResultSet rs = ps.executeQuery()) {
                    seq = rs.next() ? rs.getString(1) : null;
                }
            }
            if (seq == null) throw new SQLException("no sequence behind " + qualifiedJournal + "." + orderingColumn + " (expected BIGSERIAL or identity)");
            sequence = seq;
        }
        long[] out = new long[n];
        try (PreparedStatement ps = c.prepareStatement("SELECT nextval(?::regclass) FROM generate_series(1, ?)")) {
            ps.setString(1, seq);
            ps.setInt(2, n);
            try (ResultSet rs = ps.executeQuery()) {
                int i = 0;
                while (rs.next()) {
                    if (i == n) throw new SQLException("ordering sequence returned more than " + n + " values");
                    out[i++] = rs.getLong(1);
                }
                if (i != n) throw new SQLException("ordering sequence returned " + i + " of " + n + " values");
            }
        }
        java.util.Arrays.sort(out);
        return out;
    }

    /** A failed batch write (the SQLException as cause): the journal fails the whole batch of writes. */
    static final class JournalWriteException extends RuntimeException {
        JournalWriteException(SQLException cause) {
            super("journal batch write failed: " + cause.getMessage()
                    + (cause.getNextException() == null ? "" : " (" + cause.getNextException().getMessage() + ")"), cause);
        }
    }
}
