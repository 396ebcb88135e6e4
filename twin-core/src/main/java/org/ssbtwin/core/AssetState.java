package org.ssbtwin.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The state of one asset (station, cell, pack) as a fold of its events: {@link #check} says whether an event is
 * acceptable now, {@link #apply} returns the next state. Entities are thin shells around this.
 */
public interface AssetState<E, S extends AssetState<E, S>> {
    /** Why {@code event} cannot be accepted now, or {@code null}. */
    Rejection check(E event);

    S apply(E event);

    /** True when the event was already recorded (idempotent retries); such events are skipped, not rejected. */
    default boolean alreadyRecorded(E event) {
        return false;
    }

    /** The outcome of checking a batch of events in order: the events to persist, or the first rejection. */
    record Batch<E, S>(S next, List<E> accepted, Rejection rejection) {}

    /** Checks {@code events} in order against the evolving state; all-or-nothing. */
    static <E, S extends AssetState<E, S>> Batch<E, S> checkAll(S state, List<E> events) {
        S next = state;
        List<E> accepted = new ArrayList<>(events.size());
        for (E e : events) {
            if (next.alreadyRecorded(e)) continue;
            Rejection rejection = next.check(e);
            if (rejection != null) return new Batch<>(state, List.of(), rejection);
            next = next.apply(e);
            accepted.add(e);
        }
        return new Batch<>(next, List.copyOf(accepted), null);
    }
}
