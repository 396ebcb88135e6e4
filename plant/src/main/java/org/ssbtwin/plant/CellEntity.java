package org.ssbtwin.plant;

import java.util.Optional;
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
import org.ssbtwin.core.id.CellId;
import org.ssbtwin.core.cell.Cell;
import org.ssbtwin.core.cell.CellEvent;

/**
 * One finished cell, carrying its genealogy from lamination to the field, as a sharded, event-sourced actor. A thin shell: the rules live in
 * {@link Cell#check} and {@link Cell#apply}.
 */
public final class CellEntity extends EventSourcedBehaviorWithEnforcedReplies<CellEntity.Command, CellEvent, Cell> {
    public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "Cell");
    public static final String TAG = "cell";

    public sealed interface Command extends TwinSerializable {}

    /** Record a fact about the station (a genealogy step, grading, packing, installation, field state). */
    public record Record(CellEvent event, ActorRef<Reply> replyTo) implements Command {}

    /**
     * Record several facts at once, atomically: all are checked in order against the evolving state and either
     * all are persisted (one journal write) or none, with the first rejection.
     */
    public record RecordAll(java.util.List<CellEvent> events, ActorRef<Reply> replyTo) implements Command {}

    public record Get(ActorRef<Reply> replyTo) implements Command {}

    /** The cell after the command, or why the command was refused. */
    public record Reply(Cell cell, Rejection rejection) implements TwinSerializable {}

    private final CellId id;
    private final int snapshotEvery;

    private CellEntity(CellId id, int snapshotEvery) {
        super(PersistenceId.of(TYPE_KEY.name(), id.value()));
        this.id = id;
        this.snapshotEvery = snapshotEvery;
    }

    public static Behavior<Command> create(CellId id, int snapshotEvery) {
        return new CellEntity(id, snapshotEvery);
    }

    public static void init(ClusterSharding sharding, int snapshotEvery) {
        init(sharding, snapshotEvery, Optional.empty());
    }

    /**
     * Starts sharding for this entity type. With a role, entities live only on nodes with that role; other nodes
     * get a proxy that routes to them.
     */
    public static void init(ClusterSharding sharding, int snapshotEvery, Optional<String> role) {
        Entity<Command, ShardingEnvelope<Command>> entity = Entity.of(TYPE_KEY, ctx -> create(CellId.of(ctx.getEntityId()), snapshotEvery));
        sharding.init(role.map(entity::withRole).orElse(entity));
    }

    @Override
    public Cell emptyState() {
        return Cell.unknown(id);
    }

    @Override
    public CommandHandlerWithReply<Command, CellEvent, Cell> commandHandler() {
        return newCommandHandlerWithReplyBuilder().forAnyState()
                .onCommand(Record.class, (state, cmd) -> {
                    Rejection rejection = state.check(cmd.event());
                    if (rejection != null) return Effect().reply(cmd.replyTo(), new Reply(state, rejection));
                    return Effect().persist(cmd.event()).thenReply(cmd.replyTo(), next -> new Reply(next, null));
                })
                .onCommand(RecordAll.class, (state, cmd) -> {
                    var batch = AssetState.checkAll(state, cmd.events());
                    if (batch.rejection() != null) return Effect().reply(cmd.replyTo(), new Reply(state, batch.rejection()));
                    if (batch.accepted().isEmpty()) return Effect().reply(cmd.replyTo(), new Reply(state, null));
                    return Effect().persist(batch.accepted()).thenReply(cmd.replyTo(), s -> new Reply(s, null));
                })
                .onCommand(Get.class, (state, cmd) -> Effect().reply(cmd.replyTo(), new Reply(state, null)))
                .build();
    }

    @Override
    public EventHandler<Cell, CellEvent> eventHandler() {
        return newEventHandlerBuilder().forAnyState().onAnyEvent(Cell::apply);
    }

    @Override
    public Set<String> tagsFor(CellEvent event) {
        return Set.of(TAG);
    }

    @Override
    public RetentionCriteria retentionCriteria() {
        return RetentionCriteria.snapshotEvery(snapshotEvery, 2);
    }
}
