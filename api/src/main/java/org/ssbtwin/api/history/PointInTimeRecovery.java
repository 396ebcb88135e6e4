package org.ssbtwin.api.history;

import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import org.apache.pekko.actor.Props;
import org.apache.pekko.persistence.AbstractPersistentActor;
import org.apache.pekko.persistence.Recovery;
import org.apache.pekko.persistence.RecoveryCompleted;
import org.apache.pekko.persistence.SnapshotOffer;
import org.apache.pekko.persistence.SnapshotSelectionCriteria;
import scala.Option;

/**
 * A short-lived, read-only persistent actor that recovers an asset's state as it was at revision (sequence number)
 * {@code to}: Pekko Persistence loads the newest snapshot at or below {@code to} (selection criteria
 * {@code maxSequenceNr = to}) and replays only the events after it, up to {@code to}; the state's own event handler
 * folds them. It never persists anything (it shares the persistence id with the live entity only to read), completes
 * {@code result} and stops.
 */
final class PointInTimeRecovery extends AbstractPersistentActor {
    /** The state at the revision, the snapshot it started from (0: none) and how many events were folded. */
    record Folded(Object state, long fromSnapshot, long eventsFolded) {}

    private final String persistenceId;
    private final long to;
    private final BiFunction<Object, Object, Object> apply;
    private final CompletableFuture<Folded> result;
    private Object state;
    private long fromSnapshot;
    private long folded;

    private PointInTimeRecovery(String persistenceId, long to, Object empty, BiFunction<Object, Object, Object> apply,
                                CompletableFuture<Folded> result) {
        this.persistenceId = persistenceId;
        this.to = to;
        this.state = empty;
        this.apply = apply;
        this.result = result;
    }

    static Props props(String persistenceId, long to, Object empty, BiFunction<Object, Object, Object> apply,
                       CompletableFuture<Folded> result) {
        return Props.create(PointInTimeRecovery.class, () -> new PointInTimeRecovery(persistenceId, to, empty, apply, result));
    }

    @Override
    public String persistenceId() {
        return persistenceId;
    }

    @Override
    public Recovery recovery() {
        return Recovery.create(SnapshotSelectionCriteria.create(to, Long.MAX_VALUE), to);
    }

    @Override
    public Receive createReceiveRecover() {
        return receiveBuilder()
                .match(SnapshotOffer.class, offer -> {
                    state = offer.snapshot();
                    fromSnapshot = offer.metadata().sequenceNr();
                })
                .match(RecoveryCompleted.class, done -> {
                    result.complete(new Folded(state, fromSnapshot, folded));
                    getContext().stop(getSelf());
                })
                .matchAny(event -> {
                    state = apply.apply(state, event);
                    folded++;
                })
                .build();
    }

    @Override
    public Receive createReceive() {
        return receiveBuilder().build();
    }

    @Override
    public void onRecoveryFailure(Throwable cause, Option<Object> event) {
        result.completeExceptionally(cause);
        super.onRecoveryFailure(cause, event);
    }
}
