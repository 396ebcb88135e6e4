package org.ssbtwin.fleet.entity;

import java.util.List;
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
     * Daily telemetry of this pack: aged with the solid-state model, idempotent by record id, persisted in one
     * journal write or refused whole (one ask). Answered with a small {@link TelemetryAck}, not the whole pack: the ask
     * often crosses nodes. {@code dryRun}: only check (no ageing, nothing held); the write path no longer uses it
     * (a batch over several packs uses {@link PrepareTelemetry} and {@link CommitTelemetry}).
     */
    public record IngestTelemetry(java.util.List<TelemetryRecord> records, java.time.Instant at,
                                  boolean dryRun, ActorRef<TelemetryAck> replyTo) implements Command {}

    /**
     * First phase of a batch over several packs: check and age these records against the pack's state and hold the
     * events, unpersisted, for batch {@code batchId}; answered {@code HELD} (or {@code DUPLICATE}, {@code REFUSED},
     * {@code BUSY} when another batch holds the pack). While it holds them the pack refuses every other write as busy
     * (refuses, never waits: two batches holding each other's packs cannot deadlock), for at most {@code holdMillis}
     * unless its batch commits or aborts first. See docs/ingest-atomicity.md.
     */
    public record PrepareTelemetry(String batchId, java.util.List<TelemetryRecord> records, java.time.Instant at,
                                   long holdMillis, ActorRef<TelemetryAck> replyTo) implements Command {}

    /** Second phase: persist the events held for {@code batchId} (one journal write); {@code NOT_HELD} when it holds none. */
    public record CommitTelemetry(String batchId, ActorRef<TelemetryAck> replyTo) implements Command {}

    /** Second phase of a refused batch: drop what is held for {@code batchId}; nothing was persisted. Not answered. */
    public record AbortTelemetry(String batchId) implements Command {}

    /**
     * The outcome of telemetry for one pack: refused (with why), all duplicates, or written (the pack's SoH and
     * revision after it), with how many records it {@code applied} and the ids it skipped as already recorded.
     * {@code kind} tells the phases of a multi-pack batch apart. Schema version 2 (version 1 had no kind, applied
     * and duplicateRecordIds: read as null, 0, null).
     */
    public record TelemetryAck(PackId packId, Rejection rejection, boolean duplicate, double stateOfHealth, long revision,
                               Kind kind, int applied, java.util.List<String> duplicateRecordIds)
            implements TwinSerializable {
        public enum Kind {
            /** persisted ({@code applied} records) */
            APPLIED,
            /** every record was already recorded: nothing to persist */
            DUPLICATE,
            /** refused because of the pack's state or the records; nothing changed */
            REFUSED,
            /** refused because another batch holds the pack; nothing changed, retry */
            BUSY,
            /** first phase done: the events are held for the batch, not persisted yet */
            HELD,
            /** commit of a batch the pack holds nothing for (it stopped or moved, or another write took the pack) */
            NOT_HELD
        }

        public TelemetryAck {
            // version 1, from a node of an earlier build: the kind follows from the rejection and the duplicate flag
            if (kind == null) kind = rejection != null ? Kind.REFUSED : duplicate ? Kind.DUPLICATE : Kind.APPLIED;
            duplicateRecordIds = duplicateRecordIds == null ? List.of() : duplicateRecordIds;
        }

        @Override
        public int schemaVersion() {
            return 2;
        }

        static TelemetryAck of(Pack p, Rejection rejection, boolean duplicate) {
            return new TelemetryAck(p.id(), rejection, duplicate, p.stateOfHealth(), p.revision(),
                    rejection != null ? Kind.REFUSED : duplicate ? Kind.DUPLICATE : Kind.APPLIED, 0, java.util.List.of());
        }

        static TelemetryAck of(Pack p, Kind kind, Rejection rejection, int applied, java.util.List<String> duplicateRecordIds) {
            return new TelemetryAck(p.id(), rejection, kind == Kind.DUPLICATE, p.stateOfHealth(), p.revision(), kind, applied,
                    duplicateRecordIds);
        }

        static TelemetryAck busy(Pack p, PackReservations.Reservation holder) {
            return of(p, Kind.BUSY, Rejection.conflict("packId", "pack " + p.id() + " is held by another telemetry batch in flight; "
                    + "nothing was recorded, retry"), 0, java.util.List.of());
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
                    if (PackReservations.heldByOther(state.id(), null) != null) {
                        return Effect().reply(cmd.replyTo(), new Reply(state, busy(state), false));
                    }
                    if (state.alreadyRecorded(cmd.event())) {
                        return Effect().reply(cmd.replyTo(), new Reply(state, null, true));
                    }
                    Rejection rejection = state.check(cmd.event());
                    if (rejection != null) return Effect().reply(cmd.replyTo(), new Reply(state, rejection, false));
                    return Effect().persist(cmd.event()).thenReply(cmd.replyTo(), next -> new Reply(next, null, false));
                })
                .onCommand(RecordAll.class, (state, cmd) -> {
                    if (PackReservations.heldByOther(state.id(), null) != null) {
                        return Effect().reply(cmd.replyTo(), new Reply(state, busy(state), false));
                    }
                    var batch = AssetState.checkAll(state, cmd.events());
                    if (batch.rejection() != null) return Effect().reply(cmd.replyTo(), new Reply(state, batch.rejection(), false));
                    if (batch.accepted().isEmpty()) return Effect().reply(cmd.replyTo(), new Reply(state, null, false));
                    return Effect().persist(batch.accepted()).thenReply(cmd.replyTo(), s -> new Reply(s, null, false));
                })
                .onCommand(IngestTelemetry.class, (state, cmd) -> {
                    if (cmd.dryRun()) return Effect().reply(cmd.replyTo(), TelemetryAck.of(state, AGEING.check(state, cmd.records(), cmd.at()), false));
                    PackReservations.Reservation holder = PackReservations.heldByOther(state.id(), null);
                    if (holder != null) return Effect().reply(cmd.replyTo(), TelemetryAck.busy(state, holder));
                    PackAgeing.Outcome outcome = AGEING.ingest(state, cmd.records(), cmd.at());
                    if (outcome.rejection() != null) return Effect().reply(cmd.replyTo(), TelemetryAck.of(state, outcome.rejection(), false));
                    List<String> duplicates = duplicateRecordIds(cmd.records(), outcome.events());
                    if (outcome.events().isEmpty()) {
                        return Effect().reply(cmd.replyTo(), TelemetryAck.of(state, TelemetryAck.Kind.DUPLICATE, null, 0, duplicates));
                    }
                    int applied = outcome.events().size();
                    return Effect().persist(outcome.events()).thenReply(cmd.replyTo(),
                            s -> TelemetryAck.of(s, TelemetryAck.Kind.APPLIED, null, applied, duplicates));
                })
                .onCommand(PrepareTelemetry.class, (state, cmd) -> {
                    PackReservations.Reservation holder = PackReservations.heldByOther(state.id(), cmd.batchId());
                    if (holder != null) return Effect().reply(cmd.replyTo(), TelemetryAck.busy(state, holder));
                    PackReservations.release(state.id(), cmd.batchId());
                    PackAgeing.Outcome outcome = AGEING.ingest(state, cmd.records(), cmd.at());
                    if (outcome.rejection() != null) {
                        return Effect().reply(cmd.replyTo(), TelemetryAck.of(state, TelemetryAck.Kind.REFUSED, outcome.rejection(), 0, List.of()));
                    }
                    List<String> duplicates = duplicateRecordIds(cmd.records(), outcome.events());
                    if (outcome.events().isEmpty()) {
                        return Effect().reply(cmd.replyTo(), TelemetryAck.of(state, TelemetryAck.Kind.DUPLICATE, null, 0, duplicates));
                    }
                    PackReservations.hold(state.id(), new PackReservations.Reservation(cmd.batchId(), outcome.events(), state.revision(),
                            System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(cmd.holdMillis()), duplicates));
                    return Effect().reply(cmd.replyTo(), TelemetryAck.of(state, TelemetryAck.Kind.HELD, null, outcome.events().size(), duplicates));
                })
                .onCommand(CommitTelemetry.class, (state, cmd) -> {
                    PackReservations.Reservation held = PackReservations.take(state.id(), cmd.batchId(), state.revision());
                    if (held == null) {
                        return Effect().reply(cmd.replyTo(), TelemetryAck.of(state, TelemetryAck.Kind.NOT_HELD,
                                Rejection.conflict("batchId", "pack " + state.id() + " holds nothing for batch " + cmd.batchId()), 0, List.of()));
                    }
                    return Effect().persist(held.events()).thenReply(cmd.replyTo(),
                            s -> TelemetryAck.of(s, TelemetryAck.Kind.APPLIED, null, held.events().size(), held.duplicateRecordIds()));
                })
                .onCommand(AbortTelemetry.class, (state, cmd) -> {
                    PackReservations.release(state.id(), cmd.batchId());
                    return Effect().noReply();
                })
                .onCommand(Get.class, (state, cmd) -> Effect().reply(cmd.replyTo(), new Reply(state, null, false)))
                .onCommand(Passivate.class, (state, cmd) -> {
                    PackReservations.release(state.id(), null); // a stopped pack holds nothing (its batch's commit finds NOT_HELD)
                    return Effect().stop().thenNoReply();
                })
                .build();
    }

    private static Rejection busy(Pack state) {
        return Rejection.conflict("packId", "pack " + state.id() + " is held by a telemetry batch in flight; retry");
    }

    /** The ids of {@code records} that produced no event: already recorded, or repeated within the batch. */
    private static List<String> duplicateRecordIds(List<TelemetryRecord> records, List<PackEvent> events) {
        if (events.size() == records.size()) return List.of();
        Set<String> applied = new java.util.HashSet<>();
        for (PackEvent e : events) if (e instanceof PackEvent.UsageRecorded u) applied.add(u.recordId());
        List<String> out = new java.util.ArrayList<>();
        for (TelemetryRecord r : records) if (!applied.remove(r.recordId())) out.add(r.recordId()); // a repeat in the batch too
        return List.copyOf(out);
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
