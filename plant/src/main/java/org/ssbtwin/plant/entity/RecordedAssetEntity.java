package org.ssbtwin.plant.entity;

import java.util.List;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.ssbtwin.core.AssetState;
import org.ssbtwin.core.Rejection;

/**
 * The shell shared by the plant's sharded, event-sourced assets (a station, a cell): it records one fact, several
 * facts atomically (all checked in order against the evolving state, then one journal write, or none with the first
 * rejection), or answers with the state. The rules live in the asset's {@link AssetState#check} and
 * {@link AssetState#apply}; each entity names its commands and its reply.
 *
 * @param <C> the entity's command protocol
 * @param <E> its events
 * @param <S> its state
 * @param <R> its reply
 */
public abstract class RecordedAssetEntity<C, E, S extends AssetState<E, S>, R>
        extends EventSourcedBehaviorWithEnforcedReplies<C, E, S> {

    /** Record one fact; answered with the state after it or why it was refused. */
    public interface RecordCommand<E, R> {
        E event();

        ActorRef<R> replyTo();
    }

    /** Record several facts at once, all or none. */
    public interface RecordAllCommand<E, R> {
        List<E> events();

        ActorRef<R> replyTo();
    }

    /** Answer with the state. */
    public interface GetCommand<R> {
        ActorRef<R> replyTo();
    }

    /**
     * Sharding's stop message (passivation, hand-off): stops the asset once the commands before it are done. An entity
     * type with a stop message of its own is not wrapped in sharding's poison-pill interceptor (~100 bytes per
     * resident entity, see PackEntity.Passivate).
     */
    public interface StopCommand {}

    private final String tag;
    private final int snapshotEvery;

    protected RecordedAssetEntity(PersistenceId persistenceId, String tag, int snapshotEvery) {
        super(persistenceId);
        this.tag = tag;
        this.snapshotEvery = snapshotEvery;
    }

    /** The reply with the state after a command, and the rejection if it was refused. */
    protected abstract R reply(S state, Rejection rejection);

    @Override
    public CommandHandlerWithReply<C, E, S> commandHandler() {
        return newCommandHandlerWithReplyBuilder().forAnyState().onAnyCommand(this::handle);
    }

    @SuppressWarnings("unchecked")
    private ReplyEffect<E, S> handle(S state, C command) {
        if (command instanceof RecordCommand<?, ?> c) {
            E event = (E) c.event();
            ActorRef<R> replyTo = (ActorRef<R>) c.replyTo();
            Rejection rejection = state.check(event);
            if (rejection != null) return Effect().reply(replyTo, reply(state, rejection));
            return Effect().persist(event).thenReply(replyTo, next -> reply(next, null));
        }
        if (command instanceof RecordAllCommand<?, ?> c) {
            ActorRef<R> replyTo = (ActorRef<R>) c.replyTo();
            AssetState.Batch<E, S> batch = AssetState.checkAll(state, (List<E>) c.events());
            if (batch.rejection() != null) return Effect().reply(replyTo, reply(state, batch.rejection()));
            if (batch.accepted().isEmpty()) return Effect().reply(replyTo, reply(state, null));
            return Effect().persist(batch.accepted()).thenReply(replyTo, next -> reply(next, null));
        }
        if (command instanceof GetCommand<?> c) {
            return Effect().reply((ActorRef<R>) c.replyTo(), reply(state, null));
        }
        if (command instanceof StopCommand) {
            return Effect().stop().thenNoReply();
        }
        throw new IllegalArgumentException("not a command of " + persistenceId() + ": " + command);
    }

    @Override
    public EventHandler<S, E> eventHandler() {
        return (state, event) -> state.apply(event);
    }

    @Override
    public Set<String> tagsFor(E event) {
        return Set.of(tag);
    }

    @Override
    public RetentionCriteria retentionCriteria() {
        return RetentionCriteria.snapshotEvery(snapshotEvery, 2);
    }
}
