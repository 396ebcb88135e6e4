package org.ssbtwin.api.readside;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.ShardedDaemonProcessSettings;
import org.apache.pekko.cluster.sharding.typed.javadsl.ShardedDaemonProcess;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.projection.Projection;
import org.apache.pekko.projection.ProjectionBehavior;
import org.apache.pekko.projection.ProjectionId;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.eventsourced.javadsl.EventSourcedProvider;
import org.apache.pekko.projection.javadsl.SourceProvider;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;
import org.apache.pekko.projection.jdbc.javadsl.JdbcProjection;
import org.apache.pekko.stream.javadsl.Source;
import org.ssbtwin.config.ClusterSettings;
import org.ssbtwin.config.ReadSideSettings;
import org.ssbtwin.config.TwinSettings;
import org.ssbtwin.fleet.readmodel.FleetPackRow;
import org.ssbtwin.fleet.readmodel.Period;
import org.ssbtwin.fleet.pack.PackEvent;
import org.ssbtwin.fleet.entity.PackEntity;

/**
 * The fleet projection: pack events by tag ({@value PackEntity#TAG}) from the JDBC read journal, folded exactly once
 * into {@code fleet_pack} and {@code fleet_pack_soh_monthly} with {@link JdbcProjection#groupedWithin}: a group of
 * events is folded in memory (one query loads the group's packs, JDBC batches write the changed rows) and the rows and
 * the offset of the group's last event are written in one transaction of the twin's own database.
 *
 * <p>Instance i reads only the events tagged {@code pack-i} ({@link SliceTagSource}, tags written by {@link PackEntity}
 * and, for older events, added by {@link SliceTagBackfill}).
 *
 * <p>It runs as a ShardedDaemonProcess of {@code projection-instances} instances on the nodes with the
 * {@code projection-role} ({@value ClusterSettings#ENTITIES} unless configured), so exactly one instance per slice runs in the cluster (and moves when its
 * node leaves). Instance i owns the packs whose id hashes to slice i ({@link #sliceOf}): every pack has exactly one
 * writer. On top of the transactional offset, each row remembers the sequence number of the last event it holds and
 * skips anything at or below it, so even a replay from an older offset (lost offset table, changed instance count)
 * never counts an event twice.
 */
public final class FleetProjection {
    public static final String NAME = "fleet-pack";
    /** Most envelopes folded in one transaction (a telemetry batch of 100 records of one pack is ~100 events). */
    static final int GROUP_SIZE = 500;
    /** Longest wait for a group to fill: bounds the read side's extra lag under light load. */
    static final Duration GROUP_WITHIN = Duration.ofMillis(100);

    private FleetProjection() {}

    /** The pekko-projection-jdbc settings for the twin's database (merged into the actor system's config). */
    public static Config projectionConfig(TwinSettings.Database db, ReadSideSettings readSide) {
        String dialect = db.kind() == TwinSettings.DatabaseKind.H2 ? "h2-dialect" : "postgres-dialect";
        return ConfigFactory.parseString("pekko.projection.jdbc { dialect = \"" + dialect + "\"\n"
                + "blocking-jdbc-dispatcher.thread-pool-executor.fixed-pool-size = " + readSide.projectionConnections() + " }");
    }

    /** The slice (0..instances-1) that owns a pack: a stable hash of its id (String.hashCode is specified). */
    public static int sliceOf(String packId, int instances) {
        return org.ssbtwin.core.TagSlice.of(packId, instances);
    }

    public static ProjectionId projectionId(int slice, int instances) {
        return ProjectionId.of(NAME, "slice-" + slice + "-of-" + instances);
    }

    /** Creates the offset tables (pekko-projection's own DDL) and starts the daemon process (every node calls this). */
    public static void init(ActorSystem<?> system, DataSource pool, ReadSideSettings settings) throws Exception {
        Supplier<FleetJdbcSession> sessions = () -> new FleetJdbcSession(pool);
        JdbcProjection.createTablesIfNotExists(sessions, system).toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS);
        int n = settings.projectionInstances();
        ShardedDaemonProcess.get(system).init(ProjectionBehavior.Command.class, NAME, n,
                slice -> ProjectionBehavior.create(projection(system, sessions, slice, n)),
                ShardedDaemonProcessSettings.create(system).withRole(settings.projectionRole()),
                Optional.of(ProjectionBehavior.stopMessage()));
    }

    static Projection<EventEnvelope<PackEvent>> projection(ActorSystem<?> system, Supplier<FleetJdbcSession> sessions, int slice, int instances) {
        // this slice's tag only (pack-<slice>): no instance reads or decodes another slice's events
        SourceProvider<Offset, EventEnvelope<PackEvent>> slicePacks = new SliceTagSource<>(system, PackEntity.TAG, slice, instances);
        // groups of up to GROUP_SIZE envelopes (or what arrived within GROUP_WITHIN): one transaction per group holds
        // the rows of all its events and the offset of its last one, so exactly-once is per group
        return JdbcProjection.groupedWithin(projectionId(slice, instances), slicePacks, sessions,
                        GroupHandler::new, system)
                .withGroup(GROUP_SIZE, GROUP_WITHIN)
                .withRestartBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2)
                .withStatusObserver(org.ssbtwin.api.metrics.ProjectionLagObserver.eventsourced(org.ssbtwin.api.metrics.TwinMetrics.get(system)));
    }

    static String packId(String persistenceId) {
        return persistenceId.substring(persistenceId.indexOf('|') + 1);
    }

    /** Folds a group of events into their packs' rows inside the projection's transaction. */
    static final class GroupHandler extends JdbcHandler<List<EventEnvelope<PackEvent>>, FleetJdbcSession> {
        @Override
        public void process(FleetJdbcSession session, List<EventEnvelope<PackEvent>> envelopes) throws Exception {
            session.withConnection(c -> {
                List<Applied> events = new ArrayList<>(envelopes.size());
                for (EventEnvelope<PackEvent> env : envelopes) events.add(new Applied(packId(env.persistenceId()), env.sequenceNr(), env.event()));
                applyAll(c, events);
                return null;
            });
        }
    }

    /** One journal event of a pack (its id without the entity type prefix). */
    record Applied(String packId, long seqNr, PackEvent event) {}

    /** A pack's latest SoH in one month and how many usage periods of the group fell into that month. */
    private static final class MonthlyUpdate {
        double soh;
        double resistance;
        Instant at;
        long usageRecords;
    }

    /**
     * The fold of a group of events into the tables (package-visible for tests): loads the group's packs in one query,
     * folds the events in order in memory (skipping any at or below a row's last sequence number) and writes the
     * changed rows and monthly rows with JDBC batches. Returns how many events were applied (not already in the rows).
     */
    static int applyAll(Connection c, List<Applied> events) throws SQLException {
        if (events.isEmpty()) return 0;
        Set<String> ids = new LinkedHashSet<>();
        for (Applied e : events) ids.add(e.packId());
        Map<String, FleetPackRow> stored = FleetTables.loadAll(c, ids);
        Map<String, FleetPackRow> rows = new LinkedHashMap<>(stored);
        Set<String> changed = new LinkedHashSet<>();
        Map<String, Map<String, MonthlyUpdate>> monthly = new LinkedHashMap<>();
        List<Applied> appliedEvents = new ArrayList<>(events.size());
        Map<String, Long> serials = new java.util.HashMap<>();
        int applied = 0;
        for (Applied e : events) {
            FleetPackRow row = rows.get(e.packId());
            if (row == null) row = FleetPackRow.empty(e.packId());
            if (row.hasApplied(e.seqNr())) continue;
            rows.put(e.packId(), row.apply(e.event(), e.seqNr()));
            changed.add(e.packId());
            appliedEvents.add(e);
            applied++;
            if (!(e.event() instanceof PackEvent.UsageRecorded)) { // ids come with assembly and installation
                SerialTable.note(serials, e.packId());
                if (e.event() instanceof PackEvent.Installed i) SerialTable.note(serials, i.vehicleId().value());
            }
            if (e.event() instanceof PackEvent.UsageRecorded u) {
                MonthlyUpdate m = monthly.computeIfAbsent(e.packId(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(Period.monthOf(u.periodStart()), k -> new MonthlyUpdate());
                m.soh = u.stateOfHealthAfter();
                m.resistance = u.relativeResistanceAfter();
                m.at = u.at();
                m.usageRecords++;
            }
        }
        List<FleetPackRow> updates = new ArrayList<>();
        List<FleetPackRow> inserts = new ArrayList<>();
        for (String id : changed) (stored.containsKey(id) ? updates : inserts).add(rows.get(id));
        FleetTables.saveAll(c, updates, true);
        FleetTables.saveAll(c, inserts, false);
        List<FleetTables.MonthlyRow> months = new ArrayList<>();
        monthly.forEach((pack, byMonth) -> byMonth.forEach((month, m) ->
                months.add(new FleetTables.MonthlyRow(pack, month, m.soh, m.resistance, m.usageRecords, m.at))));
        FleetTables.saveMonthlyAll(c, months);
        PassportFactsTable.applyAll(c, appliedEvents); // the passport facts of the same events (issue 18)
        SerialTable.raise(c, serials);
        return applied;
    }

    /** The fold of one event into the tables (package-visible for tests). Returns false when already applied. */
    static boolean apply(Connection c, String packId, long seqNr, PackEvent event) throws SQLException {
        return applyAll(c, List.of(new Applied(packId, seqNr, event))) == 1;
    }
}
