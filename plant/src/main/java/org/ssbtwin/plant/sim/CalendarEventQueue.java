package org.ssbtwin.plant.sim;

import java.util.Arrays;

/**
 * A calendar queue of events (Brown 1988, "Calendar queues: a fast O(1) priority queue implementation for the
 * simulation event set problem") for the completions of formation/ageing: ~3 x 10^5 pending, each due about 4 days
 * after it was pushed. Time is cut into buckets of {@value #BUCKET_MS_BITS}-bit width (65.5 s); a ring of
 * {@value #RING} buckets covers the next 12.4 days, where a push appends to its bucket's unsorted array (one write);
 * the bucket being popped is a small {@link EventQueue} heap (~60 formation completions per bucket), and events beyond the ring
 * wait in an overflow heap until it reaches them. Keys are those of {@link EventQueue} (time and insertion counter),
 * so both pop the same events in the same order. It replaced a radix heap (Ahuja et al. 1990), which moved each
 * event down its buckets many times before popping it (~10 % of the plant-year bench). Monotone: nothing is pushed
 * before the last popped event's time.
 */
final class CalendarEventQueue implements PendingEvents {
    private static final int BUCKET_MS_BITS = 16;
    private static final int RING = 1 << 14;
    private static final int RING_MASK = RING - 1;

    private final long[][] ring = new long[RING][];   // per bucket: [2i] = key, [2i+1] = payload, unsorted
    private final int[] count = new int[RING];
    private int inRing;
    /** The bucket being popped (absolute number: time >> BUCKET_MS_BITS); its events are in {@link #current}. */
    private long cur;
    private final EventQueue current = new EventQueue();
    private final EventQueue overflow = new EventQueue();
    private int size;
    private long seq;

    @Override
    public int size() { return size; }

    @Override
    public boolean isEmpty() { return size == 0; }

    @Override
    public void push(long timeMs, long payload) {
        long key = (timeMs << SEQ_BITS) | (seq++ & SEQ_MASK);
        size++;
        place(key, payload);
    }

    private void place(long key, long payload) {
        long b = (key >> SEQ_BITS) >> BUCKET_MS_BITS;
        if (b <= cur) {
            current.pushKey(key, payload);
        } else if (b < cur + RING) {
            int i = (int) (b & RING_MASK);
            long[] a = ring[i];
            int n = count[i];
            if (a == null) ring[i] = a = new long[16];
            else if (2 * n + 2 > a.length) ring[i] = a = Arrays.copyOf(a, a.length * 2);
            a[2 * n] = key;
            a[2 * n + 1] = payload;
            count[i] = n + 1;
            inRing++;
        } else {
            overflow.pushKey(key, payload);
        }
    }

    /** Makes {@link #current} hold the earliest events: moves to the next non-empty bucket while it is empty. */
    private void fill() {
        while (current.isEmpty()) {
            if (inRing == 0) {
                // nothing within the ring: jump to the overflow's first bucket
                cur = Math.max(cur + 1, ((overflow.peekKey() >> SEQ_BITS) >> BUCKET_MS_BITS) - RING + 1);
            } else {
                cur++;
            }
            // the bucket cur + RING - 1 came into the ring: bring in what the overflow holds for it (or earlier)
            while (!overflow.isEmpty() && ((overflow.peekKey() >> SEQ_BITS) >> BUCKET_MS_BITS) < cur + RING) {
                long k = overflow.peekKey();
                long p = overflow.peekPayload();
                overflow.pop();
                place(k, p);
            }
            int i = (int) (cur & RING_MASK);
            int n = count[i];
            if (n > 0) {
                long[] a = ring[i];
                for (int j = 0; j < n; j++) current.pushKey(a[2 * j], a[2 * j + 1]);
                count[i] = 0;
                inRing -= n;
            }
        }
    }

    @Override
    public long peekTime() {
        if (current.isEmpty()) fill();
        return current.peekKey() >> SEQ_BITS;
    }

    @Override
    public long peekPayload() {
        if (current.isEmpty()) fill();
        return current.peekPayload();
    }

    @Override
    public void pop() {
        if (current.isEmpty()) fill();
        current.pop();
        size--;
    }
}
