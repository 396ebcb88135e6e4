package org.ssbtwin.api.readside;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.sql.Connection;
import java.time.Duration;
import java.util.Optional;
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
import org.ssbtwin.core.fleet.readmodel.FleetPackRow;
import org.ssbtwin.core.fleet.readmodel.Period;
import org.ssbtwin.core.pack.PackEvent;
import org.ssbtwin.fleet.PackEntity;

/**
 * The fleet projection: pack events by tag ({@value PackEntity#TAG}) from the JDBC read journal, folded exactly once
 * into {@code fleet_pack} and {@code fleet_pack_soh_monthly} with {@link JdbcProjection#exactlyOnce}: the rows and the
 * offset are written in one transaction of the twin's own database.
 *
 * <p>It runs as a ShardedDaemonProcess of {@code projection-instances} instances on the nodes with the
 * {@value ClusterSettings#ENTITIES} role, so exactly one instance per slice runs in the cluster (and moves when its
 * node leaves). Instance i owns the packs whose id hashes to slice i ({@link #sliceOf}): every pack has exactly one
 * writer. On top of the transactional offset, each row remembers the sequence number of the last event it holds and
 * skips anything at or below it, so even a replay from an older offset (lost offset table, changed instance count)
 * never counts an event twice.
 */
public final class FleetProjection {
    public static final String NAME = "fleet-pack";

    private FleetProjection() {}

    /** The pekko-projection-jdbc settings for the twin's database (merged into the actor system's config). */
    public static Config projectionConfig(TwinSettings.Database db, ReadSideSettings readSide) {
        String dialect = db.kind() == TwinSettings.DatabaseKind.H2 ? "h2-dialect" : "postgres-dialect";
        return ConfigFactory.parseString("pekko.projection.jdbc { dialect = \"" + dialect + "\"\n"
                + "blocking-jdbc-dispatcher.thread-pool-executor.fixed-pool-size = " + readSide.projectionConnections() + " }");
    }

    /** The slice (0..instances-1) that owns a pack: a stable hash of its id (String.hashCode is specified). */
    public static int sliceOf(String packId, int instances) {
        return Math.floorMod(packId.hashCode(), instances);
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
                ShardedDaemonProcessSettings.create(system).withRole(ClusterSettings.ENTITIES),
                Optional.of(ProjectionBehavior.stopMessage()));
    }

    static Projection<EventEnvelope<PackEvent>> projection(ActorSystem<?> system, Supplier<FleetJdbcSession> sessions, int slice, int instances) {
        SourceProvider<Offset, EventEnvelope<PackEvent>> all = EventSourcedProvider.eventsByTag(system, JdbcReadJournal.Identifier(), PackEntity.TAG);
        return JdbcProjection.exactlyOnce(projectionId(slice, instances), new SliceOf(all, slice, instances), sessions,
                        FleetHandler::new, system)
                .withRestartBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2);
    }

    /** Keeps only the envelopes of this slice's packs (other slices' instances take the rest). */
    static final class SliceOf extends SourceProvider<Offset, EventEnvelope<PackEvent>> {
        private final SourceProvider<Offset, EventEnvelope<PackEvent>> all;
        private final int slice;
        private final int instances;

        SliceOf(SourceProvider<Offset, EventEnvelope<PackEvent>> all, int slice, int instances) {
            this.all = all;
            this.slice = slice;
            this.instances = instances;
        }

        @Override
        public CompletionStage<Source<EventEnvelope<PackEvent>, NotUsed>> source(Supplier<CompletionStage<Optional<Offset>>> offset) {
            return all.source(offset).thenApply(s -> s.filter(env -> sliceOf(packId(env.persistenceId()), instances) == slice));
        }

        @Override
        public Offset extractOffset(EventEnvelope<PackEvent> env) {
            return all.extractOffset(env);
        }

        @Override
        public long extractCreationTime(EventEnvelope<PackEvent> env) {
            return all.extractCreationTime(env);
        }
    }

    static String packId(String persistenceId) {
        return persistenceId.substring(persistenceId.indexOf('|') + 1);
    }

    /** Folds one event into its pack's rows inside the projection's transaction. */
    static final class FleetHandler extends JdbcHandler<EventEnvelope<PackEvent>, FleetJdbcSession> {
        @Override
        public void process(FleetJdbcSession session, EventEnvelope<PackEvent> env) throws Exception {
            session.withConnection(c -> {
                apply(c, packId(env.persistenceId()), env.sequenceNr(), env.event());
                return null;
            });
        }
    }

    /** The fold of one event into the tables (package-visible for tests). Returns false when already applied. */
    static boolean apply(Connection c, String packId, long seqNr, PackEvent event) throws java.sql.SQLException {
        Optional<FleetPackRow> stored = FleetTables.load(c, packId);
        FleetPackRow row = stored.orElseGet(() -> FleetPackRow.empty(packId));
        if (row.hasApplied(seqNr)) return false;
        FleetPackRow next = row.apply(event, seqNr);
        FleetTables.save(c, next, stored.isPresent());
        if (event instanceof PackEvent.UsageRecorded u) {
            FleetTables.saveMonthly(c, packId, Period.monthOf(u.periodStart()), u.stateOfHealthAfter(), u.relativeResistanceAfter(), u.at());
        }
        return true;
    }
}
