package org.ssbtwin.api.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.pekko.persistence.jdbc.config.EventJournalTableColumnNames;
import org.apache.pekko.persistence.jdbc.config.EventJournalTableConfiguration;
import org.apache.pekko.persistence.jdbc.config.EventTagTableConfiguration;
import org.apache.pekko.persistence.jdbc.journal.dao.JournalTables.JournalPekkoSerializationRow;
import scala.Tuple2;

/**
 * The batched JDBC write of {@link PostgresBatchJournalDao}: journal rows and their tag rows in three round trips on a
 * connection whose transaction the caller owns (orderings from one {@code nextval} query, then two JDBC batches).
 * Table and column names come from the plugin's table configuration, as in its slick queries.
 *
 * <p>{@link #withGeneratedOrderings} (H2, {@link H2BatchJournalDao}): the journal rows are inserted without their
 * ordering, as one JDBC batch whose generated keys (H2 returns them for a whole batch, in batch order) are the
 * orderings of the tag rows: two round trips instead of one {@code INSERT} per row.
 */
public final class PostgresJournalWriter {
    private final String qualifiedJournal;
    private final String orderingColumn;
    private final String insertJournal;
    private final String insertTag;
    /** The database generates the orderings (identity column) and returns them as the batch's generated keys. */
    private final boolean generatedOrderings;
    /** The journal's ordering sequence (BIGSERIAL or identity), resolved at the first write. */
    private volatile String sequence;

    public PostgresJournalWriter(EventJournalTableConfiguration journal, EventTagTableConfiguration tags) {
        this(journal, tags, false);
    }

    /** The writer for a database that returns a batch's generated keys (H2): orderings come from the journal insert. */
    public static PostgresJournalWriter withGeneratedOrderings(EventJournalTableConfiguration journal, EventTagTableConfiguration tags) {
        return new PostgresJournalWriter(journal, tags, true);
    }

    private PostgresJournalWriter(EventJournalTableConfiguration journal, EventTagTableConfiguration tags, boolean generatedOrderings) {
        EventJournalTableColumnNames c = journal.columnNames();
        this.generatedOrderings = generatedOrderings;
        this.qualifiedJournal = qualified(journal.schemaName(), journal.tableName());
        this.orderingColumn = c.ordering();
        this.insertJournal = generatedOrderings
                ? "INSERT INTO " + qualifiedJournal + " (" + String.join(", ", q(c.deleted()),
                q(c.persistenceId()), q(c.sequenceNumber()), q(c.writer()), q(c.writeTimestamp()), q(c.adapterManifest()),
                q(c.eventSerId()), q(c.eventSerManifest()), q(c.eventPayload()), q(c.metaSerId()), q(c.metaSerManifest()),
                q(c.metaPayload())) + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                : "INSERT INTO " + qualifiedJournal + " (" + String.join(", ", q(c.ordering()), q(c.deleted()),
                q(c.persistenceId()), q(c.sequenceNumber()), q(c.writer()), q(c.writeTimestamp()), q(c.adapterManifest()),
                q(c.eventSerId()), q(c.eventSerManifest()), q(c.eventPayload()), q(c.metaSerId()), q(c.metaSerManifest()),
                q(c.metaPayload())) + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        this.insertTag = "INSERT INTO " + qualified(tags.schemaName(), tags.tableName()) + " (" + q(tags.columnNames().eventId()) + ", "
                + q(tags.columnNames().tag()) + ") VALUES (?, ?)";
    }

    /** A quoted SQL identifier (as the plugin's slick queries quote them). */
    static String q(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** A table name, quoted, with its schema if configured. */
    static String qualified(scala.Option<String> schema, String table) {
        return schema.isDefined() ? q(schema.get()) + "." + q(table) : q(table);
    }

    /**
     * Writes the rows (each with its tags) inside the caller's transaction. As the default DAO, rows are written in
     * sequence-number order (stable sort), so orderings grow with sequence numbers within a persistence id. Throws on
     * any row not written, e.g. a duplicate (persistence id, sequence number): the caller rolls back the whole batch.
     */
    public void write(Connection c, List<Tuple2<JournalPekkoSerializationRow, scala.collection.immutable.Set<String>>> unsorted) throws SQLException {
        if (unsorted.isEmpty()) return;
        List<Tuple2<JournalPekkoSerializationRow, scala.collection.immutable.Set<String>>> rows = new ArrayList<>(unsorted);
        rows.sort(Comparator.comparingLong(r -> r._1().sequenceNumber()));
        long[] orderings = generatedOrderings ? new long[rows.size()] : nextOrderings(c, rows.size());
        boolean anyTag = false;
        try (PreparedStatement ps = generatedOrderings ? c.prepareStatement(insertJournal, new String[] {orderingColumn})
                : c.prepareStatement(insertJournal)) {
            int k = generatedOrderings ? 0 : 1; // the first column after the ordering
            for (int i = 0; i < rows.size(); i++) {
                JournalPekkoSerializationRow r = rows.get(i)._1();
                if (!generatedOrderings) ps.setLong(1, orderings[i]);
                ps.setBoolean(k + 1, r.deleted());
                ps.setString(k + 2, r.persistenceId());
                ps.setLong(k + 3, r.sequenceNumber());
                ps.setString(k + 4, r.writer());
                ps.setLong(k + 5, r.writeTimestamp());
                ps.setString(k + 6, r.adapterManifest());
                ps.setInt(k + 7, r.eventSerId());
                ps.setString(k + 8, r.eventSerManifest());
                ps.setBytes(k + 9, r.eventPayload());
                if (r.metaSerId().isDefined()) ps.setInt(k + 10, (Integer) r.metaSerId().get());
                else ps.setNull(k + 10, Types.INTEGER);
                ps.setString(k + 11, r.metaSerManifest().isDefined() ? r.metaSerManifest().get() : null);
                if (r.metaPayload().isDefined()) ps.setBytes(k + 12, r.metaPayload().get());
                else ps.setNull(k + 12, Types.BINARY);
                ps.addBatch();
                anyTag |= rows.get(i)._2().nonEmpty();
            }
            checkBatch(ps.executeBatch(), rows.size(), "journal");
            if (generatedOrderings && anyTag) readGeneratedOrderings(ps, orderings);
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
            // SUCCESS_NO_INFO is fine (the driver reports it for a batch rewritten as a multi-row INSERT)
            if (n != 1 && n != Statement.SUCCESS_NO_INFO) throw new SQLException(what + " batch: a row was not written (" + n + ")");
        }
    }

    /** The orderings the batch's rows were given, in batch order (one generated key per row). */
    private static void readGeneratedOrderings(PreparedStatement ps, long[] orderings) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            int i = 0;
            while (keys.next()) {
                if (i == orderings.length) throw new SQLException("the journal batch returned more than " + orderings.length + " orderings");
                orderings[i++] = keys.getLong(1);
            }
            if (i != orderings.length) throw new SQLException("the journal batch returned " + i + " of " + orderings.length + " orderings");
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
        Arrays.sort(out);
        return out;
    }
}
