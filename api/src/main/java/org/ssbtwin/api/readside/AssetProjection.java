package org.ssbtwin.api.readside;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.ShardedDaemonProcessSettings;
import org.apache.pekko.cluster.sharding.typed.javadsl.ShardedDaemonProcess;
import org.apache.pekko.projection.Projection;
import org.apache.pekko.projection.ProjectionBehavior;
import org.apache.pekko.projection.ProjectionId;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;
import org.apache.pekko.projection.jdbc.javadsl.JdbcProjection;
import org.ssbtwin.config.ReadSideSettings;
import org.ssbtwin.plant.cell.CellEvent;
import org.ssbtwin.plant.cell.CellRow;
import org.ssbtwin.plant.cell.InlayRecord;
import org.ssbtwin.plant.entity.CellEntity;
import org.ssbtwin.plant.entity.StationEntity;
import org.ssbtwin.plant.station.StationEvent;
import org.ssbtwin.plant.station.StationRow;

/**
 * The plant's projections: station events into {@code rs_station}, cell events into {@code rs_cell} and
 * {@code rs_cell_roll}, exactly once as the {@link FleetProjection fleet projection}: instance i of each reads only
 * its slice tag ({@code station-i}, {@code cell-i}), folds a group of events in memory (one query loads the group's
 * rows), writes the changed rows with JDBC batches and the offset of the group's last event in the same transaction;
 * each row keeps the sequence number of the last event it holds and skips anything at or below it, so a replay from
 * an older offset (lost offset table, changed instance count) never applies an event twice.
 */
public final class AssetProjection {
    public static final String STATIONS = "rs-station";
    public static final String CELLS = "rs-cell";

    private AssetProjection() {}

    public static ProjectionId projectionId(String name, int slice, int instances) {
        return ProjectionId.of(name, "slice-" + slice + "-of-" + instances);
    }

    /** Starts the station and cell daemon processes (every node calls this; instances run on the projection role). */
    static void init(ActorSystem<?> system, Supplier<FleetJdbcSession> sessions, ReadSideSettings settings) {
        int n = settings.projectionInstances();
        ShardedDaemonProcess.get(system).init(ProjectionBehavior.Command.class, STATIONS, n,
                slice -> ProjectionBehavior.create(stations(system, sessions, slice, n)),
                ShardedDaemonProcessSettings.create(system).withRole(settings.projectionRole()),
                Optional.of(ProjectionBehavior.stopMessage()));
        ShardedDaemonProcess.get(system).init(ProjectionBehavior.Command.class, CELLS, n,
                slice -> ProjectionBehavior.create(cells(system, sessions, slice, n)),
                ShardedDaemonProcessSettings.create(system).withRole(settings.projectionRole()),
                Optional.of(ProjectionBehavior.stopMessage()));
    }

    static Projection<EventEnvelope<StationEvent>> stations(ActorSystem<?> system, Supplier<FleetJdbcSession> sessions, int slice, int n) {
        return JdbcProjection.groupedWithin(projectionId(STATIONS, slice, n),
                        new SliceTagSource<StationEvent>(system, StationEntity.TAG, slice, n), sessions,
                        () -> new StationGroup(StationHistory.journal(system), id -> org.ssbtwin.core.TagSlice.of(id, n) == slice, sessions), system)
                .withGroup(FleetProjection.GROUP_SIZE, FleetProjection.GROUP_WITHIN)
                .withRestartBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2);
    }

    static Projection<EventEnvelope<CellEvent>> cells(ActorSystem<?> system, Supplier<FleetJdbcSession> sessions, int slice, int n) {
        return JdbcProjection.groupedWithin(projectionId(CELLS, slice, n),
                        new SliceTagSource<CellEvent>(system, CellEntity.TAG, slice, n), sessions, CellGroup::new, system)
                .withGroup(FleetProjection.GROUP_SIZE, FleetProjection.GROUP_WITHIN)
                .withRestartBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2);
    }

    /** One journal event of an asset (its id without the entity type prefix). */
    record Applied<E>(String id, long seqNr, E event) {}

    static <E> List<Applied<E>> applied(List<EventEnvelope<E>> envelopes) {
        List<Applied<E>> out = new ArrayList<>(envelopes.size());
        for (EventEnvelope<E> env : envelopes) out.add(new Applied<>(SliceTagSource.entityId(env.persistenceId()), env.sequenceNr(), env.event()));
        return out;
    }

    static final class StationGroup extends JdbcHandler<List<EventEnvelope<StationEvent>>, FleetJdbcSession> {
        private final StationHistory history;
        private final java.util.function.Predicate<String> inSlice;
        private final Supplier<FleetJdbcSession> sessions;

        StationGroup(StationHistory history, java.util.function.Predicate<String> inSlice, Supplier<FleetJdbcSession> sessions) {
            this.history = history;
            this.inSlice = inSlice;
            this.sessions = sessions;
        }

        /**
         * Before the first group (on the projection's blocking JDBC dispatcher): completes the slice's rows written
         * under V4, so a slice without new events answers in full too. Its own transaction: it changes no row's last
         * sequence number, and no other instance writes this slice's rows.
         */
        @Override
        public void start() {
            FleetJdbcSession session = sessions.get();
            try {
                session.withConnection(c -> completeStations(c, history, inSlice));
                session.commit();
            } catch (Exception e) {
                throw new IllegalStateException("station rows written before V5 not completed: " + e.getMessage(), e);
            } finally {
                try {
                    session.close();
                } catch (SQLException e) {
                    // the connection goes back to the pool broken: Hikari replaces it
                }
            }
        }

        @Override
        public void process(FleetJdbcSession session, List<EventEnvelope<StationEvent>> envelopes) throws Exception {
            session.withConnection(c -> applyStations(c, applied(envelopes), history, inSlice));
        }
    }

    static final class CellGroup extends JdbcHandler<List<EventEnvelope<CellEvent>>, FleetJdbcSession> {
        @Override
        public void process(FleetJdbcSession session, List<EventEnvelope<CellEvent>> envelopes) throws Exception {
            session.withConnection(c -> applyCells(c, applied(envelopes)));
        }
    }

    /**
     * Folds a group of station events into their rows; returns how many were applied (not already in the rows). Rows
     * of this slice ({@code inSlice}) folded before the read side kept time in state, scrap by cause and readings
     * (schema V4, first sequence number 0) are first folded again from the journal up to their last sequence number,
     * in this transaction, whether the group has events of them or not: the first group after the upgrade completes
     * them all (a query that finds none afterwards).
     */
    static int applyStations(Connection c, List<Applied<StationEvent>> events, StationHistory history,
                             java.util.function.Predicate<String> inSlice) throws SQLException {
        if (events.isEmpty()) return 0;
        Set<String> ids = new LinkedHashSet<>();
        for (Applied<StationEvent> e : events) ids.add(e.id());
        for (String id : AssetTables.stationsWithoutFirstSeqNr(c)) if (inSlice.test(id)) ids.add(id);
        Map<String, StationRow> stored = AssetTables.loadStations(c, ids);
        Map<String, StationRow> rows = new LinkedHashMap<>(stored);
        Set<String> changed = new LinkedHashSet<>();
        for (StationRow r : stored.values()) {
            if (r.firstSeqNr() != 0 || r.lastSeqNr() == 0) continue;
            rows.put(r.station().id().value(), StationHistory.refolded(history, r));
            changed.add(r.station().id().value());
        }
        int applied = 0;
        for (Applied<StationEvent> e : events) {
            StationRow row = rows.getOrDefault(e.id(), null);
            if (row == null) row = StationRow.empty(e.id());
            if (row.hasApplied(e.seqNr())) continue;
            rows.put(e.id(), row.apply(e.event(), e.seqNr()));
            changed.add(e.id());
            applied++;
        }
        List<StationRow> updates = new ArrayList<>();
        List<StationRow> inserts = new ArrayList<>();
        for (String id : changed) (stored.containsKey(id) ? updates : inserts).add(rows.get(id));
        AssetTables.saveStations(c, updates, true, stored);
        AssetTables.saveStations(c, inserts, false, Map.of());
        return applied;
    }

    /** Folds the rows of this slice written under V4 (first sequence number 0) again from the journal; returns how many. */
    static int completeStations(Connection c, StationHistory history, java.util.function.Predicate<String> inSlice) throws SQLException {
        List<String> ids = AssetTables.stationsWithoutFirstSeqNr(c).stream().filter(inSlice).toList();
        if (ids.isEmpty()) return 0;
        Map<String, StationRow> stored = AssetTables.loadStations(c, ids);
        List<StationRow> rows = new ArrayList<>();
        for (StationRow r : stored.values()) rows.add(StationHistory.refolded(history, r));
        AssetTables.saveStations(c, rows, true, stored);
        return rows.size();
    }

    /** Folds a group of cell events into their rows and roll links; returns how many were applied. */
    static int applyCells(Connection c, List<Applied<CellEvent>> events) throws SQLException {
        if (events.isEmpty()) return 0;
        Set<String> ids = new LinkedHashSet<>();
        for (Applied<CellEvent> e : events) ids.add(e.id());
        Map<String, CellRow> stored = AssetTables.loadCells(c, ids);
        Map<String, CellRow> rows = new LinkedHashMap<>(stored);
        Set<String> changed = new LinkedHashSet<>();
        Set<List<String>> rolls = new LinkedHashSet<>();
        Map<String, Long> serials = new java.util.HashMap<>();
        int applied = 0;
        for (Applied<CellEvent> e : events) {
            CellRow row = rows.get(e.id());
            if (row == null) row = CellRow.empty(e.id());
            if (row.hasApplied(e.seqNr())) continue;
            rows.put(e.id(), row.apply(e.event(), e.seqNr()));
            changed.add(e.id());
            applied++;
            SerialTable.note(serials, e.id());
            if (e.event() instanceof CellEvent.InlaysLaminated l) {
                for (InlayRecord inlay : l.inlays()) {
                    SerialTable.note(serials, inlay.inlayId().value());
                    inlay.rolls().forEach(r -> {
                        rolls.add(List.of(r.value(), e.id()));
                        SerialTable.note(serials, r.value());
                    });
                }
            }
        }
        List<CellRow> updates = new ArrayList<>();
        List<CellRow> inserts = new ArrayList<>();
        for (String id : changed) (stored.containsKey(id) ? updates : inserts).add(rows.get(id));
        AssetTables.saveCells(c, updates, true);
        AssetTables.saveCells(c, inserts, false);
        AssetTables.saveRolls(c, rolls.stream().map(l -> l.toArray(String[]::new)).toList());
        SerialTable.raise(c, serials);
        return applied;
    }
}
