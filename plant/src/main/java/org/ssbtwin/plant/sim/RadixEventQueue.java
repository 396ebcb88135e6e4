package org.ssbtwin.plant.sim;

import java.util.Arrays;

/**
 * A radix heap of events (Ahuja, Mehlhorn, Orlin and Tarjan 1990, "Faster algorithms for the shortest path
 * problem"): a monotone priority queue for a discrete-event calendar, where no event is scheduled before the last
 * one taken. Keys are those of {@link EventQueue} (time and insertion counter), so both pop the same events in the
 * same order. Bucket {@code b > 0} holds the keys whose highest bit differing from the last popped key is
 * {@code b - 1}; pushes append to a bucket (sequential memory), and a pop that finds bucket 0 empty moves the first
 * non-empty bucket down. Used for the completions of formation/ageing (~3 x 10^5 pending at 12 GWh/yr), where a
 * binary or 4-ary heap's sift-down misses the cache on every level.
 */
final class RadixEventQueue implements PendingEvents {
    private static final int BUCKETS = 65;
    private final long[][] bucket = new long[BUCKETS][];   // [2i] = key, [2i+1] = payload
    private final int[] count = new int[BUCKETS];
    private long last;          // the key of the last popped event (0 before the first)
    private int size;
    private long seq;
    private int minPos = -1;    // position of the minimum in bucket 0, -1 when not known

    RadixEventQueue() {
        for (int b = 0; b < BUCKETS; b++) bucket[b] = new long[b == 0 ? 16 : 256];
    }

    @Override
    public int size() { return size; }

    @Override
    public boolean isEmpty() { return size == 0; }

    @Override
    public void push(long timeMs, long payload) {
        long key = (timeMs << SEQ_BITS) | (seq++ & SEQ_MASK);
        // a key at or below the last popped one (the insertion counter wrapped within one ms) joins bucket 0
        int b = key <= last ? 0 : 64 - Long.numberOfLeadingZeros(key ^ last);
        if (b == 0) minPos = -1;
        append(b, key, payload);
        size++;
    }

    private void append(int b, long key, long payload) {
        long[] a = bucket[b];
        int n = count[b];
        if (2 * n + 2 > a.length) bucket[b] = a = Arrays.copyOf(a, a.length * 2);
        a[2 * n] = key;
        a[2 * n + 1] = payload;
        count[b] = n + 1;
    }

    @Override
    public long peekTime() {
        int p = min();
        return bucket[0][2 * p] >> SEQ_BITS;
    }

    @Override
    public long peekPayload() {
        int p = min();
        return bucket[0][2 * p + 1];
    }

    @Override
    public void pop() {
        int p = min();
        long[] a = bucket[0];
        int n = --count[0];
        a[2 * p] = a[2 * n];
        a[2 * p + 1] = a[2 * n + 1];
        size--;
        minPos = n == 0 ? -1 : scanBucketZero();
    }

    /** The position of the minimum in bucket 0, refilling bucket 0 from the first non-empty bucket if needed. */
    private int min() {
        if (minPos >= 0) return minPos;
        if (count[0] == 0) redistribute();
        return minPos = scanBucketZero();
    }

    private int scanBucketZero() {
        long[] a = bucket[0];
        int n = count[0], best = 0;
        for (int i = 1; i < n; i++) if (a[2 * i] < a[2 * best]) best = i;
        return best;
    }

    private void redistribute() {
        int b = 1;
        while (count[b] == 0) b++;
        long[] a = bucket[b];
        int n = count[b];
        long m = Long.MAX_VALUE;
        for (int i = 0; i < n; i++) m = Math.min(m, a[2 * i]);
        last = m;
        count[b] = 0;
        for (int i = 0; i < n; i++) {
            long key = a[2 * i];
            append(key == m ? 0 : 64 - Long.numberOfLeadingZeros(key ^ m), key, a[2 * i + 1]);
        }
    }
}
