package org.ssbtwin.fleet.ageing.reference;

import java.util.Arrays;

/**
 * ASTM E1049-85 rainflow counting as used by BLAST-Lite 1.1.0 ({@code blast/utils/rainflow.py}, the algorithm of
 * the {@code rainflow} package), reduced to what the BLAST driver keeps: the end index of every full and half
 * cycle, sorted and without duplicates (the SOC "turning points").
 *
 * <p>Reversals are the first sample, every sample where the sign of the slope changes, and the last sample. On a
 * plateau the reversal index is the last sample of the plateau; repeated equal values are skipped when slopes are
 * compared.
 */
final class Rainflow {

    private Rainflow() {
    }

    /** Sorted, de-duplicated end indices of all rainflow cycles of {@code series}. */
    static int[] cycleEndIndices(double[] series) {
        int n = series.length;
        if (n < 2) {
            return new int[0];
        }
        // --- reversals (index, value) ---
        int[] revIdx = new int[n];
        double[] revVal = new double[n];
        int nRev = 0;
        double x = series[1];
        double dLast = x - series[0];
        revIdx[nRev] = 0;
        revVal[nRev++] = series[0];
        int index = -1;
        double xNext = Double.NaN;
        for (int k = 2; k < n; k++) {
            index = k - 1; // Python enumerate(series, start=1) over series[2:]
            xNext = series[k];
            if (xNext == x) {
                continue;
            }
            double dNext = xNext - x;
            if (dLast * dNext < 0) {
                revIdx[nRev] = index;
                revVal[nRev++] = x;
            }
            x = xNext;
            dLast = dNext;
        }
        if (index != -1) {
            revIdx[nRev] = index + 1;
            revVal[nRev++] = xNext;
        }

        // --- 3-point cycle extraction on a deque (popleft / pop from the right only) ---
        int[] dqIdx = new int[nRev];
        double[] dqVal = new double[nRev];
        int head = 0;
        int tail = 0; // exclusive
        int[] ends = new int[nRev + 1];
        int nEnds = 0;
        for (int r = 0; r < nRev; r++) {
            dqIdx[tail] = revIdx[r];
            dqVal[tail++] = revVal[r];
            while (tail - head >= 3) {
                double x1 = dqVal[tail - 3];
                double x2 = dqVal[tail - 2];
                double x3 = dqVal[tail - 1];
                double bigX = Math.abs(x3 - x2);
                double bigY = Math.abs(x2 - x1);
                if (bigX < bigY) {
                    break;
                } else if (tail - head == 3) {
                    // Y contains the starting point: half cycle, discard the first point
                    ends[nEnds++] = dqIdx[head + 1];
                    head++;
                } else {
                    // full cycle: discard the peak and the valley of Y
                    ends[nEnds++] = dqIdx[tail - 2];
                    int lastIdx = dqIdx[tail - 1];
                    double lastVal = dqVal[tail - 1];
                    tail -= 3;
                    dqIdx[tail] = lastIdx;
                    dqVal[tail++] = lastVal;
                }
            }
        }
        while (tail - head > 1) {
            ends[nEnds++] = dqIdx[head + 1];
            head++;
        }
        int[] sorted = Arrays.copyOf(ends, nEnds);
        Arrays.sort(sorted);
        int u = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (u == 0 || sorted[i] != sorted[u - 1]) {
                sorted[u++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, u);
    }
}
