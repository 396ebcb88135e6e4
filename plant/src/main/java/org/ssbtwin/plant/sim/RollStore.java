package org.ssbtwin.plant.sim;

import java.util.Arrays;

/** The rolls of one coating station: unit, start and end of their coating. Never released (a few tens of thousands per year). */
final class RollStore {
    int[] unit = new int[256];
    long[] start = new long[256];
    long[] end = new long[256];
    private int count;

    int allocate() {
        if (count == unit.length) {
            unit = Arrays.copyOf(unit, count * 2);
            start = Arrays.copyOf(start, count * 2);
            end = Arrays.copyOf(end, count * 2);
        }
        return count++;
    }

    void set(int roll, int u, long s, long e) {
        unit[roll] = u;
        start[roll] = s;
        end[roll] = e;
    }
}
