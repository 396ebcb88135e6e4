package org.ssbtwin.plant.entity;

import java.util.List;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.ssbtwin.core.AssetState;
import org.ssbtwin.core.Rejection;
import org.ssbtwin.core.TagSlice;

/**
 * The shell shared by the plant's sharded, event-sourced assets (a station, a cell): the effects that record one fact,
 * several facts atomically (all checked in order against the evolving state, then one journal write, or none with the
 * first rejection), answer with the state, or stop. Each entity names its commands and its reply and binds each
 * command to one of these effects with a typed handler ({@code onCommand(Record.class, ...)}); the rules live in the
 * asset's {@link AssetState#check} and {@link AssetState#apply}.
 *
 * @param <C> the entity's command protocol
 * @param <E> its events
 * @param <S> its state
 * @param <R> its reply
 */
public abstract class RecordedAssetEntity<C, E, S extends AssetState<E, S>, R>
        extends EventSourcedBehaviorWithEnforcedReplies<C, E, S> {

    private final Set<String> tags;
    private final int snapshotEvery;

    protected RecordedAssetEntity(PersistenceId persistenceId, String tag, int snapshotEvery) {
        this(persistenceId, tag, 0, snapshotEvery);
    }

    /**
     * @param tag the asset kind's tag ({@code cell}, {@code station}): every event carries it
     * @param tagSlices when positive, every event also carries its slice tag ({@link TagSlice}, {@code cell-3}): the
     *        tag the read side's projection instance of that slice reads; 0 for the kind's tag only
     */
    protected RecordedAssetEntity(PersistenceId persistenceId, String tag, int tagSlices, int snapshotEvery) {
        super(persistenceId);
        this.tags = tagSlices > 0 ? Set.of(tag, TagSlice.tag(tag, persistenceId.entityId(), tagSlices)) : Set.of(tag);
        this.snapshotEvery = snapshotEvery;
    }

    /** The reply with the state after a command, and the rejection if it was refused. */
    protected abstract R reply(S state, Rejection rejection);

    /** Records one fact: persisted and answered with the state after it, or answered with why it was refused. */
    protected final ReplyEffect<E, S> record(S state, E event, ActorRef<R> replyTo) {
        Rejection rejection = state.check(event);
        if (rejection != null) return Effect().reply(replyTo, reply(state, rejection));
        return Effect().persist(event).thenReply(replyTo, next -> reply(next, null));
    }

    /**
     * Records several facts at once, all or none: each is checked in order against the evolving state, then one
     * journal write, or none with the first rejection.
     */
    protected final ReplyEffect<E, S> recordAll(S state, List<E> events, ActorRef<R> replyTo) {
        AssetState.Batch<E, S> batch = AssetState.checkAll(state, events);
        if (batch.rejection() != null) return Effect().reply(replyTo, reply(state, batch.rejection()));
        if (batch.accepted().isEmpty()) return Effect().reply(replyTo, reply(state, null));
        return Effect().persist(batch.accepted()).thenReply(replyTo, next -> reply(next, null));
    }

    /** Answers with the state. */
    protected final ReplyEffect<E, S> answer(S state, ActorRef<R> replyTo) {
        return Effect().reply(replyTo, reply(state, null));
    }

    /**
     * Sharding's stop message (passivation, hand-off): stops the asset once the commands before it are done. An entity
     * type with a stop message of its own is not wrapped in sharding's poison-pill interceptor (~100 bytes per
     * resident entity, see PackEntity.Passivate).
     */
    protected final ReplyEffect<E, S> passivate() {
        return Effect().stop().thenNoReply();
    }

    @Override
    public EventHandler<S, E> eventHandler() {
        return (state, event) -> state.apply(event);
    }

    @Override
    public Set<String> tagsFor(E event) {
        return tags;
    }

    @Override
    public RetentionCriteria retentionCriteria() {
        return RetentionCriteria.snapshotEvery(snapshotEvery, 2);
    }
}
