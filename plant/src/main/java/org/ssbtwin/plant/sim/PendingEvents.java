package org.ssbtwin.plant.sim;

/**
 * A priority queue of pending events, each a time (ms since the simulation start) and a payload, popped in order of
 * (time, insertion order): ties pop in insertion order, which keeps runs deterministic. Two implementations with the
 * same order: {@link EventQueue} (a 4-ary heap, for the small main calendar) and {@link CalendarEventQueue} (a
 * calendar queue, for the ~10^5 completions of long-cycle stations).
 */
interface PendingEvents {
    /** Low bits of an event's key that hold its insertion counter (so keys are unique and ties keep insertion order). */
    int SEQ_BITS = 20;
    long SEQ_MASK = (1L << SEQ_BITS) - 1;

    int size();

    boolean isEmpty();

    void push(long timeMs, long payload);

    /** Time of the earliest event; only when not empty. */
    long peekTime();

    /** Payload of the earliest event; only when not empty. */
    long peekPayload();

    /** Removes the earliest event; only when not empty. */
    void pop();
}
