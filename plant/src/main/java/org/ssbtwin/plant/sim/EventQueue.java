package org.ssbtwin.plant.sim;

import java.util.Arrays;

/**
 * Event calendar: a 4-ary min-heap stored in ONE primitive array (key and payload interleaved, so a node's four
 * children share a cache line or two); no object per event. The key combines the virtual time (ms) with an
 * insertion counter so ties pop in insertion order, which keeps runs deterministic.
 */
final class EventQueue implements PendingEvents {
    private long[] h = new long[2048];   // [2i] = key, [2i+1] = payload
    private int size;
    private long seq;
    /** The queue whose insertion counter this one draws from: itself, or the queue it shares a counter with. */
    private final EventQueue counter;

    EventQueue() { this.counter = this; }

    /**
     * A queue drawing its insertion counter from {@code shared}'s: the keys of both queues are unique and, popped
     * smallest key first across the two, come out in the order one queue holding all the events would give.
     */
    EventQueue(EventQueue shared) { this.counter = shared; }

    @Override
    public int size() { return size; }

    @Override
    public boolean isEmpty() { return size == 0; }

    @Override
    public void push(long timeMs, long payload) {
        pushKey((timeMs << SEQ_BITS) | (counter.seq++ & SEQ_MASK), payload);
    }

    /** Pushes an event whose key (time and insertion counter, unique) the caller made: {@link CalendarEventQueue}'s heaps. */
    void pushKey(long key, long payload) {
        if (2 * size + 2 > h.length) h = Arrays.copyOf(h, h.length * 2);
        long[] a = h;
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            long pk = a[2 * parent];
            if (pk <= key) break;
            a[2 * i] = pk;
            a[2 * i + 1] = a[2 * parent + 1];
            i = parent;
        }
        a[2 * i] = key;
        a[2 * i + 1] = payload;
    }

    @Override
    public long peekTime() { return h[0] >> SEQ_BITS; }

    /** The earliest key (time and insertion counter); only when not empty. */
    long peekKey() { return h[0]; }

    @Override
    public long peekPayload() { return h[1]; }

    @Override
    public void pop() {
        int n = --size;
        if (n == 0) return;
        long[] a = h;
        long key = a[2 * n];
        long pay = a[2 * n + 1];
        int i = 0;
        while (true) {
            int c = 4 * i + 1;
            if (c >= n) break;
            int end = Math.min(c + 4, n);
            int best = c;
            long bk = a[2 * c];
            for (int j = c + 1; j < end; j++) {
                long jk = a[2 * j];
                if (jk < bk) { bk = jk; best = j; }
            }
            if (key <= bk) break;
            a[2 * i] = bk;
            a[2 * i + 1] = a[2 * best + 1];
            i = best;
        }
        a[2 * i] = key;
        a[2 * i + 1] = pay;
    }
}
