package org.ssbtwin.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.Serializers;
import org.ssbtwin.api.readside.FleetFold;
import org.ssbtwin.api.readside.FleetProjection;
import org.ssbtwin.config.TwinSettings;
import org.ssbtwin.fleet.pack.Pack;
import org.ssbtwin.fleet.pack.PackEvent;

/**
 * Writes a pack's history straight into the journal tables with JDBC batches, as pekko-persistence-jdbc's journal would
 * have (same table and columns, the payload bytes, serializer id and manifest of Pekko's serialization of the event,
 * one {@code event_tag} row per tag the entity gives it, {@code pack} and its slice tag {@code pack-i}), plus its
 * snapshots as the snapshot store would have, and folds the same events into the fleet read side
 * ({@link FleetFold}) in the same transaction: the database a twin leaves whose fleet projection has caught up.
 * No node may run on the database meanwhile. Orderings are allocated here ({@link #nextOrdering}); {@link #finish}
 * moves the journal's identity past them and the fleet projection's offsets to the last one.
 */
final class JournalBulkWriter implements AutoCloseable {
    private final Connection c;
    private final PreparedStatement journal;
    private final PreparedStatement tags;
    private final PreparedStatement snapshot;
    private final Serialization serialization;
    private final AtomicLong nextOrdering;
    /** Events and snapshots since the last commit: committed every {@link #COMMIT_EVERY} rows. */
    private int uncommitted;
    private static final int COMMIT_EVERY = 5000;

    JournalBulkWriter(TwinSettings.Database db, ActorSystem serializationSystem, AtomicLong nextOrdering) throws SQLException {
        this.c = DriverManager.getConnection(db.url(), db.user(), db.password());
        c.setAutoCommit(false);
        this.journal = c.prepareStatement("INSERT INTO \"event_journal\" (\"ordering\", \"deleted\", \"persistence_id\", \"sequence_number\", "
                + "\"writer\", \"write_timestamp\", \"adapter_manifest\", \"event_payload\", \"event_ser_id\", \"event_ser_manifest\") "
                + "VALUES (?, FALSE, ?, ?, ?, ?, '', ?, ?, ?)");
        this.tags = c.prepareStatement("INSERT INTO \"event_tag\" (\"event_id\", \"tag\") VALUES (?, ?)");
        this.snapshot = c.prepareStatement("INSERT INTO \"snapshot\" (\"persistence_id\", \"sequence_number\", \"created\", "
                + "\"snapshot_ser_id\", \"snapshot_ser_manifest\", \"snapshot_payload\") VALUES (?, ?, ?, ?, ?, ?)");
        this.serialization = SerializationExtension.get(serializationSystem);
        this.nextOrdering = nextOrdering;
    }

    /**
     * Opens the database for a bulk load and returns the connection that holds it open until closed: H2 stores a chunk
     * per commit with the twin's {@code WRITE_DELAY=0}; this lets it batch them (set once, on this connection: two
     * writers setting it at once conflict). The next open of the database takes the twin's setting from its URL again.
     */
    static Connection holdForBulkLoad(TwinSettings.Database db) throws SQLException {
        Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
        try (Statement st = c.createStatement()) {
            st.execute("SET WRITE_DELAY 1000");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** The next free journal ordering of a database (max + 1). */
    static long nextOrdering(TwinSettings.Database db) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(\"ordering\"), 0) + 1 FROM \"event_journal\"")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Appends {@code events} of pack {@code packId} from sequence number {@code firstSeqNr} with {@code tagSet}, folds
     * them into the fleet rows in the same transaction (committed every few thousand events and at close); returns the bytes of the payloads written.
     */
    long append(String packId, String persistenceId, long firstSeqNr, List<PackEvent> events, Set<String> tagSet, String writer)
            throws SQLException {
        long first = nextOrdering.getAndAdd(events.size());
        long now = System.currentTimeMillis();
        long bytes = 0;
        for (int k = 0; k < events.size(); k++) {
            PackEvent e = events.get(k);
            Serializer s = serialization.findSerializerFor(e);
            byte[] payload = s.toBinary(e);
            bytes += payload.length;
            long ordering = first + k;
            journal.setLong(1, ordering);
            journal.setString(2, persistenceId);
            journal.setLong(3, firstSeqNr + k);
            journal.setString(4, writer);
            journal.setLong(5, now);
            journal.setBytes(6, payload);
            journal.setInt(7, s.identifier());
            journal.setString(8, Serializers.manifestFor(s, e));
            journal.addBatch();
            for (String tag : tagSet) {
                tags.setLong(1, ordering);
                tags.setString(2, tag);
                tags.addBatch();
            }
        }
        journal.executeBatch();
        tags.executeBatch();
        FleetFold.fold(c, packId, firstSeqNr, events);
        commitEvery(events.size());
        return bytes;
    }

    /** Stores {@code state} as the snapshot of {@code persistenceId} at {@code seqNr}. */
    void snapshot(String persistenceId, long seqNr, Pack state) throws SQLException {
        Serializer s = serialization.findSerializerFor(state);
        snapshot.setString(1, persistenceId);
        snapshot.setLong(2, seqNr);
        snapshot.setLong(3, System.currentTimeMillis());
        snapshot.setInt(4, s.identifier());
        snapshot.setString(5, Serializers.manifestFor(s, state));
        snapshot.setBytes(6, s.toBinary(state));
        snapshot.executeUpdate();
        commitEvery(1);
    }

    private void commitEvery(int rows) throws SQLException {
        uncommitted += rows;
        if (uncommitted >= COMMIT_EVERY) {
            c.commit();
            uncommitted = 0;
        }
    }

    /**
     * After every append: the journal's identity continues after the highest ordering written, and every fleet
     * projection instance's offset is that ordering (its slice's events are all at or below it and already folded).
     * Returns the offset rows updated.
     */
    static int finish(TwinSettings.Database db, int projectionInstances) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password()); Statement st = c.createStatement()) {
            long max;
            try (ResultSet rs = st.executeQuery("SELECT MAX(\"ordering\") FROM \"event_journal\"")) {
                rs.next();
                max = rs.getLong(1);
            }
            st.execute("ALTER TABLE \"event_journal\" ALTER COLUMN \"ordering\" RESTART WITH " + (max + 1));
            int updated = 0;
            try (PreparedStatement ps = c.prepareStatement("UPDATE \"pekko_projection_offset_store\" SET \"current_offset\" = ?, "
                    + "\"manifest\" = 'SEQ', \"last_updated\" = ? WHERE \"projection_name\" = ? AND \"projection_key\" = ?")) {
                for (int slice = 0; slice < projectionInstances; slice++) {
                    ps.setString(1, Long.toString(max));
                    ps.setLong(2, System.currentTimeMillis());
                    ps.setString(3, FleetProjection.NAME);
                    ps.setString(4, FleetProjection.projectionId(slice, projectionInstances).key());
                    updated += ps.executeUpdate();
                }
            }
            return updated;
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            c.commit();
        } finally {
            c.close();
        }
    }
}
