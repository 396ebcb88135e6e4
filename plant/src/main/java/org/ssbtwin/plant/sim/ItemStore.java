package org.ssbtwin.plant.sim;

import java.util.Arrays;

/**
 * Slot allocator with a free list for items kept as struct-of-arrays (an item is an int slot, its attributes live in
 * primitive arrays of the subclass, grown in {@link #grow}).
 */
abstract class ItemStore {
    private int capacity;
    private int used;
    private int[] freeList = new int[64];
    private int freeCount;

    ItemStore(int capacity) { this.capacity = capacity; }

    final int allocate() {
        if (freeCount > 0) return freeList[--freeCount];
        if (used == capacity) {
            capacity *= 2;
            grow(capacity);
        }
        return used++;
    }

    final void release(int slot) {
        if (freeCount == freeList.length) freeList = Arrays.copyOf(freeList, freeCount * 2);
        freeList[freeCount++] = slot;
    }

    abstract void grow(int newCapacity);

    static long[] copy(long[] a, int n) { return a == null ? new long[n] : Arrays.copyOf(a, n); }

    static int[] copy(int[] a, int n) { return a == null ? new int[n] : Arrays.copyOf(a, n); }

    static double[] copy(double[] a, int n) { return a == null ? new double[n] : Arrays.copyOf(a, n); }
}
