package org.ssbtwin.fleet.ageing.reference;

import java.util.Arrays;

/**
 * How the BLAST-Lite 1.1.0 driver cuts one input pass into chunks (reference-ageing-models.md section 1.3, steps
 * 1-3): rainflow turning points, {@code _find_breakpoints} (a breakpoint every 86400 s when no turning point
 * comes, or when more than 1 EFC has passed), and chunks {@code [0..b1], [b1+1..b2], ...}. The interval between
 * sample {@code b_j} and {@code b_j + 1} belongs to no chunk, exactly as in BLAST. The plan depends only on the
 * input, so it is computed once per input and reused for every pass and every cell.
 */
public final class ChunkPlan {

    /** BLAST default {@code breakpoints_max_time_diff_s}. */
    public static final double DEFAULT_MAX_TIME_DIFF_S = 86400;
    /** BLAST default {@code breakpoints_max_EFC_diff}. */
    public static final double DEFAULT_MAX_EFC_DIFF = 1;

    private final int[] turningPoints;
    private final int[] breakpoints;
    private final int[] chunkStart;
    private final int[] chunkEnd;
    private final int maxChunkLength;
    private final double countedDaysPerPass;
    private final double countedEfcPerPass;

    private ChunkPlan(int[] turningPoints, int[] breakpoints, double[] t, double[] soc) {
        this.turningPoints = turningPoints;
        this.breakpoints = breakpoints;
        int n = breakpoints.length;
        chunkStart = new int[n];
        chunkEnd = new int[n];
        int prior = 0;
        int maxLen = 0;
        double days = 0;
        double efc = 0;
        for (int i = 0; i < n; i++) {
            chunkStart[i] = prior;
            chunkEnd[i] = breakpoints[i];
            maxLen = Math.max(maxLen, chunkEnd[i] - chunkStart[i] + 1);
            days += t[chunkEnd[i]] / 86400 - t[chunkStart[i]] / 86400;
            double sumAbs = 0;
            for (int k = chunkStart[i] + 1; k <= chunkEnd[i]; k++) {
                sumAbs += Math.abs(soc[k] - soc[k - 1]);
            }
            efc += sumAbs / 2;
            prior = breakpoints[i] + 1;
        }
        this.maxChunkLength = maxLen;
        this.countedDaysPerPass = days;
        this.countedEfcPerPass = efc;
    }

    /** Plan with BLAST's default breakpoint rules (86400 s, 1 EFC). */
    static ChunkPlan of(double[] t, double[] soc) {
        return of(t, soc, DEFAULT_MAX_TIME_DIFF_S, DEFAULT_MAX_EFC_DIFF);
    }

    static ChunkPlan of(double[] t, double[] soc, double maxTimeDiffS, double maxEfcDiff) {
        int n = t.length;
        int[] tp = Rainflow.cycleEndIndices(soc);
        double[] efcs = new double[n];
        double cum = 0;
        for (int k = 0; k < n; k++) {
            if (k > 0) {
                cum += Math.abs(soc[k] - soc[k - 1]);
            }
            efcs[k] = cum / 2;
        }
        int[] bps = new int[Math.max(16, n)];
        int nb = 0;
        int last = 0;
        for (int i : tp) {
            if (t[i] - t[last] > maxTimeDiffS) {
                int from = last; // Python range(last_breakpoint, i) is fixed when the loop starts
                for (int j = from; j < i; j++) {
                    if (t[j] - t[last] > maxTimeDiffS) {
                        bps[nb++] = j;
                        last = j;
                    }
                }
                continue;
            }
            if (efcs[i] - efcs[last] > maxEfcDiff) {
                bps[nb++] = i;
                last = i;
            }
        }
        if (nb == 0 || bps[nb - 1] != n - 1) {
            bps[nb++] = n - 1;
        }
        return new ChunkPlan(tp, Arrays.copyOf(bps, nb), t, soc);
    }

    /** Number of chunks (= state updates) per input pass. */
    public int chunkCount() {
        return chunkStart.length;
    }

    /** First input sample index of chunk {@code i} (inclusive). */
    public int chunkStart(int i) {
        return chunkStart[i];
    }

    /** Last input sample index of chunk {@code i} (inclusive). */
    public int chunkEnd(int i) {
        return chunkEnd[i];
    }

    /** Longest chunk in samples (sizes the driver's scratch arrays). */
    public int maxChunkLength() {
        return maxChunkLength;
    }

    /** Sorted, de-duplicated rainflow cycle end indices of the original SOC. */
    public int[] turningPoints() {
        return turningPoints.clone();
    }

    /** Breakpoints including the final sample index. */
    public int[] breakpoints() {
        return breakpoints.clone();
    }

    /** Days BLAST's clock counts per input pass (sum of chunk durations, gaps excluded). */
    public double countedDaysPerPass() {
        return countedDaysPerPass;
    }

    /** EFC counted per pass on the original (un-rescaled) SOC, gaps excluded. */
    public double countedEfcPerPass() {
        return countedEfcPerPass;
    }
}
