package org.ssbtwin.core.plant.sim;

import java.util.Arrays;

/**
 * Event calendar: a binary min-heap over two primitive arrays (no object per event). The key combines the
 * virtual time (ms) with an insertion counter so ties pop in insertion order, which keeps runs deterministic.
 */
final class EventQueue {
    private static final int SEQ_BITS = 20;
    private static final long SEQ_MASK = (1L << SEQ_BITS) - 1;
    private long[] keys = new long[1024];
    private long[] payloads = new long[1024];
    private int size;
    private long seq;

    int size() { return size; }

    boolean isEmpty() { return size == 0; }

    void push(long timeMs, long payload) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            payloads = Arrays.copyOf(payloads, size * 2);
        }
        long key = (timeMs << SEQ_BITS) | (seq++ & SEQ_MASK);
        int i = size++;
        long[] k = keys;
        long[] p = payloads;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            long pk = k[parent];
            if (pk <= key) break;
            k[i] = pk;
            p[i] = p[parent];
            i = parent;
        }
        k[i] = key;
        p[i] = payload;
    }

    long peekTime() { return keys[0] >> SEQ_BITS; }

    long peekPayload() { return payloads[0]; }

    void pop() {
        int n = --size;
        if (n == 0) return;
        long key = keys[n];
        long pay = payloads[n];
        long[] k = keys;
        long[] p = payloads;
        int i = 0;
        int half = n >>> 1;
        while (i < half) {
            int c = 2 * i + 1;
            long ck = k[c];
            int r = c + 1;
            if (r < n && k[r] < ck) { c = r; ck = k[r]; }
            if (key <= ck) break;
            k[i] = ck;
            p[i] = p[c];
            i = c;
        }
        k[i] = key;
        p[i] = pay;
    }
}
