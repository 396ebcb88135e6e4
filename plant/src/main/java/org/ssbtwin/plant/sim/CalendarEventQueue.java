package org.ssbtwin.plant.sim;

import java.util.Arrays;

/**
 * A calendar queue of events (Brown 1988, "Calendar queues: a fast O(1) priority queue implementation for the
 * simulation event set problem") for the completions of formation/ageing: ~3 x 10^5 pending, each due about 4 days
 * after it was pushed. Time is cut into buckets of {@value #BUCKET_MS_BITS}-bit width (65.5 s); a ring of
 * {@value #RING} buckets covers the next 12.4 days, where a push appends to its bucket's unsorted array (one write);
 * the bucket being popped is a small binary heap (~60 formation completions per bucket), and events beyond the ring
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
    private final KeyHeap current = new KeyHeap();
    private final KeyHeap overflow = new KeyHeap();
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
            current.push(key, payload);
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
            overflow.push(key, payload);
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
                for (int j = 0; j < n; j++) current.push(a[2 * j], a[2 * j + 1]);
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

    /** A binary min-heap of (key, payload) with the keys given (unique). */
    private static final class KeyHeap {
        private long[] h = new long[256];   // [2i] = key, [2i+1] = payload
        private int n;

        boolean isEmpty() { return n == 0; }

        long peekKey() { return h[0]; }

        long peekPayload() { return h[1]; }

        void push(long key, long payload) {
            if (2 * n + 2 > h.length) h = Arrays.copyOf(h, h.length * 2);
            long[] a = h;
            int i = n++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                long pk = a[2 * parent];
                if (pk <= key) break;
                a[2 * i] = pk;
                a[2 * i + 1] = a[2 * parent + 1];
                i = parent;
            }
            a[2 * i] = key;
            a[2 * i + 1] = payload;
        }

        void pop() {
            int m = --n;
            if (m == 0) return;
            long[] a = h;
            long key = a[2 * m];
            long pay = a[2 * m + 1];
            int i = 0;
            while (true) {
                int c = 2 * i + 1;
                if (c >= m) break;
                long ck = a[2 * c];
                if (c + 1 < m && a[2 * c + 2] < ck) { c++; ck = a[2 * c]; }
                if (key <= ck) break;
                a[2 * i] = ck;
                a[2 * i + 1] = a[2 * c + 1];
                i = c;
            }
            a[2 * i] = key;
            a[2 * i + 1] = pay;
        }
    }
}
