package org.ssbtwin.plant.sim;

import java.util.Arrays;

/** A growable FIFO of ints (buffers hold item slot numbers, not objects). */
final class IntRing {
    private int[] a;
    private int head;
    private int size;

    IntRing(int initial) { a = new int[Math.max(4, Integer.highestOneBit(Math.max(4, initial) - 1) << 1)]; }

    int size() { return size; }

    boolean isEmpty() { return size == 0; }

    void add(int v) {
        if (size == a.length) {
            int[] b = new int[a.length * 2];
            for (int i = 0; i < size; i++) b[i] = a[(head + i) & (a.length - 1)];
            a = b;
            head = 0;
        }
        a[(head + size++) & (a.length - 1)] = v;
    }

    int poll() {
        int v = a[head];
        head = (head + 1) & (a.length - 1);
        size--;
        return v;
    }

    int peek() { return a[head]; }

    int get(int i) { return a[(head + i) & (a.length - 1)]; }

    void clear() { head = 0; size = 0; Arrays.fill(a, 0); }
}
