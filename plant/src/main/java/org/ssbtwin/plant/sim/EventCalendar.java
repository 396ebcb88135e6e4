package org.ssbtwin.plant.sim;

import java.time.Instant;
import java.util.SplittableRandom;

/**
 * The discrete-event engine's calendar: the virtual clock, the two event heaps, the payload encoding, the sink the
 * current {@code advanceTo} call emits to and the set of stations to re-examine after an event.
 *
 * <p>An event is two longs: its time (ms since the simulation start) and a payload
 * {@code type(8) | station(8) | version(16) | index(32)}. Completions of long-cycle stations (formation/ageing:
 * ~10^5 jobs in process) live in their own queue, a calendar queue, so the main calendar stays small and cache-resident.
 */
final class EventCalendar {
    static final int JOB_DONE = 0, FAILURE = 1, REPAIR = 2, SHIFT = 3, READING = 4,
            DEW_START = 5, DEW_END = 6, PHASE = 7, CONTROL = 8, PM_START = 9, PM_END = 10;
    /** Stations with cycles at least this long and more than {@link #FAR_MIN_SLOTS} slots use the far heap. */
    private static final double FAR_CYCLE_MS = 3_600_000.0;
    private static final int FAR_MIN_SLOTS = 1000;
    /** Returned by {@link #next} when no event is due; payloads are never negative (type <= 10). */
    static final long NO_EVENT = -1;

    static long encode(int type, int station, int version, int index) {
        return ((long) type << 56) | ((long) station << 48) | ((long) (version & 0xFFFF) << 32) | (index & 0xFFFFFFFFL);
    }

    static int type(long payload) { return (int) (payload >>> 56); }

    static int station(long payload) { return (int) ((payload >>> 48) & 0xFF); }

    static int version(long payload) { return (int) ((payload >>> 32) & 0xFFFF); }

    static int index(long payload) { return (int) payload; }

    final long startEpochMs;
    final EventQueue near = new EventQueue();
    /**
     * Failures, repairs and planned-maintenance windows of the units (~1,300 pending at 12 GWh/yr, most of them the
     * 480 formation racks', a few due per hour), kept out of {@link #near} so the job completions' heap stays
     * shallow. It shares near's insertion counter, so the two pop exactly as one heap would.
     */
    final EventQueue unitEvents = new EventQueue(near);
    private final CalendarEventQueue far = new CalendarEventQueue();
    /** The station whose job completions are in {@link #far} (null until one is): see {@link #next}. */
    private StationRuntime farStation;
    /** Virtual time, ms since start. */
    long now;
    private PlantEventSink sink = PlantEventSink.NONE;
    private int dirtyMask;

    EventCalendar(long startEpochMs) { this.startEpochMs = startEpochMs; }

    /** The heap for the job completions of a station with this mean cycle and number of slots. */
    PendingEvents jobQueueFor(double cycleMeanMs, int slots) {
        return cycleMeanMs >= FAR_CYCLE_MS && slots > FAR_MIN_SLOTS ? far : near;
    }

    /** {@code s} has its job completions in the far queue (one station does: formation/ageing). */
    void farStation(StationRuntime s) {
        if (farStation != null && farStation != s) throw new IllegalStateException("one station's completions in the far queue");
        farStation = s;
    }

    /** Pops the earliest event at or before {@code target}, moves the clock to it and returns its payload, or {@link #NO_EVENT}. */
    long next(long target) {
        EventQueue n = near.isEmpty() || (!unitEvents.isEmpty() && unitEvents.peekKey() < near.peekKey()) ? unitEvents : near;
        CalendarEventQueue f = far;
        PendingEvents q;
        if (n.isEmpty()) q = f;
        else if (f.isEmpty()) q = n;
        else q = f.peekTime() < n.peekTime() ? f : n;
        if (q.isEmpty() || q.peekTime() > target) return NO_EVENT;
        long time = q.peekTime();
        long payload = q.peekPayload();
        q.pop();
        now = time;
        // a far completion's slot record was last touched days ago: load the next one's now, so it is in the cache
        // when that completion falls due (~10 events later) instead of a cache miss on the critical path then
        if (q == f && !f.isEmpty()) farStation.prefetch(index(f.peekPayload()));
        return payload;
    }

    void sink(PlantEventSink s) { this.sink = s; }

    void emit(PlantEvent e) { sink.accept(e); }

    /** The current virtual time as an instant. */
    Instant at() { return Instant.ofEpochMilli(startEpochMs + now); }

    /** A virtual time (ms since start) as an instant. */
    Instant instant(long ms) { return Instant.ofEpochMilli(startEpochMs + ms); }

    void markDirty(int station) { dirtyMask |= 1 << station; }

    /** The next station to re-examine (lowest position first), or -1 when none is left; clears its mark. */
    int pollDirty() {
        if (dirtyMask == 0) return -1;
        int i = Integer.numberOfTrailingZeros(dirtyMask);
        dirtyMask &= ~(1 << i);
        return i;
    }

    /** An exponentially distributed delay in ms (at least 1) with the given mean in hours. */
    static long expMs(SplittableRandom rng, double meanHours) {
        return Math.max(1L, Math.round(-Math.log(1 - rng.nextDouble()) * meanHours * 3_600_000.0));
    }
}
