package org.ssbtwin.fleet.entity;

import java.util.Optional;
import org.ssbtwin.fleet.pack.TelemetryRecord;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.cluster.sharding.typed.ShardingEnvelope;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.ssbtwin.core.AssetState;
import org.ssbtwin.core.Rejection;
import org.ssbtwin.core.TwinSerializable;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.fleet.pack.Pack;
import org.ssbtwin.fleet.pack.PackEvent;

/**
 * One deployed vehicle pack as a sharded, event-sourced actor. A thin shell: the rules live in
 * {@link Pack#check} and {@link Pack#apply}.
 */
public final class PackEntity extends EventSourcedBehaviorWithEnforcedReplies<PackEntity.Command, PackEvent, Pack> {
    public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "Pack");
    public static final String TAG = "pack";

    public sealed interface Command extends TwinSerializable {}

    /** Record a fact about the station (assembly, installation, a period of usage). Usage records are idempotent by record id.. */
    public record Record(PackEvent event, ActorRef<Reply> replyTo) implements Command {}

    /**
     * Record several facts at once, atomically: all are checked in order against the evolving state and either
     * all are persisted (one journal write) or none, with the first rejection.
     */
    public record RecordAll(java.util.List<PackEvent> events, ActorRef<Reply> replyTo) implements Command {}

    /**
     * Daily telemetry of this pack: aged with the solid-state model, idempotent by record id. Answered with a small
     * {@link TelemetryAck}, not the whole pack: the ask often crosses nodes, twice per pack per batch (check, write).
     */
    public record IngestTelemetry(java.util.List<TelemetryRecord> records, java.time.Instant at,
                                  boolean dryRun, ActorRef<TelemetryAck> replyTo) implements Command {}

    /**
     * The outcome of telemetry for one pack: refused (with why), all duplicates, or written (the pack's SoH and
     * revision after it).
     */
    public record TelemetryAck(PackId packId, Rejection rejection, boolean duplicate, double stateOfHealth, long revision)
            implements TwinSerializable {
        static TelemetryAck of(Pack p, Rejection rejection, boolean duplicate) {
            return new TelemetryAck(p.id(), rejection, duplicate, p.stateOfHealth(), p.revision());
        }
    }

    public record Get(ActorRef<Reply> replyTo) implements Command {}

    /**
     * Sharding's stop message (passivation, hand-off on rebalance or shutdown): stops the pack once the commands
     * before it are done (a write in flight completes and is answered first). Without a stop message of its own,
     * sharding wraps every entity in a poison-pill interceptor: ~100 bytes of each resident pack (entity-memory bench).
     */
    public record Passivate() implements Command {}

    /** The pack after the command, or why the command was refused. */
    public record Reply(Pack pack, Rejection rejection, boolean duplicate) implements TwinSerializable {}

    private static final PackAgeing AGEING = PackAgeing.standard();

    private final PackId id;
    private final int snapshotEvery;
    /** Slices of the read side's tags (0: the {@value #TAG} tag only). */
    private final int tagSlices;

    private PackEntity(PackId id, int tagSlices, int snapshotEvery) {
        super(PersistenceId.of(TYPE_KEY.name(), id.value()));
        this.id = id;
        this.snapshotEvery = snapshotEvery;
        this.tagSlices = tagSlices;
    }

    public static Behavior<Command> create(PackId id, int snapshotEvery) {
        return new PackEntity(id, 0, snapshotEvery);
    }

    /** With {@code tagSlices > 0} its events also carry their slice tag ({@code pack-i}, {@link org.ssbtwin.core.TagSlice}). */
    public static Behavior<Command> create(PackId id, int tagSlices, int snapshotEvery) {
        return new PackEntity(id, tagSlices, snapshotEvery);
    }

    public static void init(ClusterSharding sharding, int snapshotEvery) {
        init(sharding, snapshotEvery, Optional.empty());
    }

    /**
     * Starts sharding for this entity type. With a role, entities live only on nodes with that role; other nodes
     * get a proxy that routes to them.
     */
    public static void init(ClusterSharding sharding, int snapshotEvery, Optional<String> role) {
        init(sharding, snapshotEvery, role, 0);
    }

    /** As {@link #init(ClusterSharding, int, Optional)}, the events also tagged with their slice of {@code tagSlices} (0: none). */
    public static void init(ClusterSharding sharding, int snapshotEvery, Optional<String> role, int tagSlices) {
        Entity<Command, ShardingEnvelope<Command>> entity = Entity.of(TYPE_KEY, ctx -> create(PackId.of(ctx.getEntityId()), tagSlices, snapshotEvery))
                .withStopMessage(new Passivate());
        sharding.init(role.map(entity::withRole).orElse(entity));
    }

    @Override
    public Pack emptyState() {
        return Pack.unknown(id);
    }

    /*
     * The handlers are stateless (they read only the state and the command; Effect() and the builders hold nothing of
     * the entity), so one instance serves every pack: built per entity they cost ~300 bytes of each resident pack.
     */
    private static volatile CommandHandlerWithReply<Command, PackEvent, Pack> commandHandler;
    private static volatile EventHandler<Pack, PackEvent> eventHandler;

    @Override
    public CommandHandlerWithReply<Command, PackEvent, Pack> commandHandler() {
        CommandHandlerWithReply<Command, PackEvent, Pack> h = commandHandler;
        if (h == null) commandHandler = h = buildCommandHandler();
        return h;
    }

    private CommandHandlerWithReply<Command, PackEvent, Pack> buildCommandHandler() {
        return newCommandHandlerWithReplyBuilder().forAnyState()
                .onCommand(Record.class, (state, cmd) -> {
                    if (state.alreadyRecorded(cmd.event())) {
                        return Effect().reply(cmd.replyTo(), new Reply(state, null, true));
                    }
                    Rejection rejection = state.check(cmd.event());
                    if (rejection != null) return Effect().reply(cmd.replyTo(), new Reply(state, rejection, false));
                    return Effect().persist(cmd.event()).thenReply(cmd.replyTo(), next -> new Reply(next, null, false));
                })
                .onCommand(RecordAll.class, (state, cmd) -> {
                    var batch = AssetState.checkAll(state, cmd.events());
                    if (batch.rejection() != null) return Effect().reply(cmd.replyTo(), new Reply(state, batch.rejection(), false));
                    if (batch.accepted().isEmpty()) return Effect().reply(cmd.replyTo(), new Reply(state, null, false));
                    return Effect().persist(batch.accepted()).thenReply(cmd.replyTo(), s -> new Reply(s, null, false));
                })
                .onCommand(IngestTelemetry.class, (state, cmd) -> {
                    if (cmd.dryRun()) return Effect().reply(cmd.replyTo(), TelemetryAck.of(state, AGEING.check(state, cmd.records(), cmd.at()), false));
                    PackAgeing.Outcome outcome = AGEING.ingest(state, cmd.records(), cmd.at());
                    if (outcome.rejection() != null) return Effect().reply(cmd.replyTo(), TelemetryAck.of(state, outcome.rejection(), false));
                    if (outcome.events().isEmpty()) return Effect().reply(cmd.replyTo(), TelemetryAck.of(state, null, true));
                    return Effect().persist(outcome.events()).thenReply(cmd.replyTo(), s -> TelemetryAck.of(s, null, false));
                })
                .onCommand(Get.class, (state, cmd) -> Effect().reply(cmd.replyTo(), new Reply(state, null, false)))
                .onCommand(Passivate.class, (state, cmd) -> Effect().stop().thenNoReply())
                .build();
    }

    @Override
    public EventHandler<Pack, PackEvent> eventHandler() {
        EventHandler<Pack, PackEvent> h = eventHandler;
        if (h == null) eventHandler = h = newEventHandlerBuilder().forAnyState().onAnyEvent(Pack::apply);
        return h;
    }

    @Override
    public Set<String> tagsFor(PackEvent event) {
        return tagSlices > 0 ? Set.of(TAG, org.ssbtwin.core.TagSlice.tag(TAG, id.value(), tagSlices)) : Set.of(TAG);
    }

    @Override
    public RetentionCriteria retentionCriteria() {
        // immutable and the same for every pack of a node: one instance instead of one per resident pack
        return RETENTION.computeIfAbsent(snapshotEvery, n -> RetentionCriteria.snapshotEvery(n, 2));
    }

    private static final java.util.concurrent.ConcurrentHashMap<Integer, RetentionCriteria> RETENTION = new java.util.concurrent.ConcurrentHashMap<>();
}
