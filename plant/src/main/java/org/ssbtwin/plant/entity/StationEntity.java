package org.ssbtwin.plant.entity;

import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.cluster.sharding.typed.ShardingEnvelope;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.ssbtwin.core.Rejection;
import org.ssbtwin.core.TwinSerializable;
import org.ssbtwin.core.id.StationId;
import org.ssbtwin.plant.station.Station;
import org.ssbtwin.plant.station.StationEvent;

/**
 * One production station of the line as a sharded, event-sourced actor. A thin shell ({@link RecordedAssetEntity}):
 * the rules live in {@link Station#check} and {@link Station#apply}.
 */
public final class StationEntity extends RecordedAssetEntity<StationEntity.Command, StationEvent, Station, StationEntity.Reply> {
    public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "Station");
    public static final String TAG = "station";

    public sealed interface Command extends TwinSerializable {}

    /** Record a fact about the station (commissioning, setpoint change, state change, throughput, readings). */
    public record Record(StationEvent event, ActorRef<Reply> replyTo) implements Command {}

    /**
     * Record several facts at once, atomically: all are checked in order against the evolving state and either
     * all are persisted (one journal write) or none, with the first rejection.
     */
    public record RecordAll(java.util.List<StationEvent> events, ActorRef<Reply> replyTo) implements Command {}

    public record Get(ActorRef<Reply> replyTo) implements Command {}

    /** Sharding's stop message (see {@link RecordedAssetEntity#passivate()}). */
    public record Passivate() implements Command {}

    /** The station after the command, or why the command was refused. */
    public record Reply(Station station, Rejection rejection) implements TwinSerializable {}

    private final StationId id;

    private StationEntity(StationId id, int tagSlices, int snapshotEvery) {
        super(PersistenceId.of(TYPE_KEY.name(), id.value()), TAG, tagSlices, snapshotEvery);
        this.id = id;
    }

    public static Behavior<Command> create(StationId id, int snapshotEvery) {
        return new StationEntity(id, 0, snapshotEvery);
    }

    /** With {@code tagSlices > 0} its events also carry their slice tag ({@code TAG-i}, {@link org.ssbtwin.core.TagSlice}). */
    public static Behavior<Command> create(StationId id, int tagSlices, int snapshotEvery) {
        return new StationEntity(id, tagSlices, snapshotEvery);
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
        Entity<Command, ShardingEnvelope<Command>> entity = Entity.of(TYPE_KEY, ctx -> create(StationId.of(ctx.getEntityId()), tagSlices, snapshotEvery))
                .withStopMessage(new Passivate());
        sharding.init(role.map(entity::withRole).orElse(entity));
    }

    @Override
    public Station emptyState() {
        return Station.unknown(id);
    }

    @Override
    public CommandHandlerWithReply<Command, StationEvent, Station> commandHandler() {
        return newCommandHandlerWithReplyBuilder().forAnyState()
                .onCommand(Record.class, (state, c) -> record(state, c.event(), c.replyTo()))
                .onCommand(RecordAll.class, (state, c) -> recordAll(state, c.events(), c.replyTo()))
                .onCommand(Get.class, (state, c) -> answer(state, c.replyTo()))
                .onCommand(Passivate.class, (state, c) -> passivate())
                .build();
    }

    @Override
    protected Reply reply(Station state, Rejection rejection) {
        return new Reply(state, rejection);
    }
}
