package org.ssbtwin.fleet.readmodel;

import java.util.Arrays;

/**
 * The state-of-health distribution of a set of packs: count, 5th/50th/95th percentile, mean and the packs below
 * 80 % and 70 % of their nominal capacity (common end-of-first-life and end-of-warranty thresholds).
 *
 * <p>Percentiles use the <b>nearest-rank</b> method on the values sorted ascending: the p-th percentile of n values
 * is the value at 1-based rank {@code ceil(p/100 * n)} (rank 1 for p = 0). It always returns one of the observed
 * values, never interpolates, and depends only on the multiset of values, not on their order or on how many threads
 * produced them. The mean is summed over the sorted values, so it is bit-for-bit reproducible as well.
 * An empty set has {@code packs = 0} and {@code NaN} statistics (rendered as JSON null).
 */
public record SohStats(int packs, double p5, double p50, double p95, double mean, int below80, int below70) {
    public static final double BELOW_80 = 0.80;
    public static final double BELOW_70 = 0.70;
    public static final SohStats EMPTY = new SohStats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0);

    /** Statistics of the first {@code n} entries of {@code values} (any order; the array is not modified). */
    public static SohStats of(double[] values, int n) {
        if (n < 0 || n > values.length) throw new IllegalArgumentException("n must be within [0, " + values.length + "], was " + n);
        if (n == 0) return EMPTY;
        double[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        return ofSorted(sorted, n);
    }

    /** Statistics of the first {@code n} entries of {@code sorted}, which must be sorted ascending (checked). */
    public static SohStats ofSorted(double[] sorted, int n) {
        if (n < 0 || n > sorted.length) throw new IllegalArgumentException("n must be within [0, " + sorted.length + "], was " + n);
        if (n == 0) return EMPTY;
        double sum = 0;
        int below80 = 0;
        int below70 = 0;
        for (int i = 0; i < n; i++) {
            double v = sorted[i];
            if (!Double.isFinite(v)) throw new IllegalArgumentException("state of health must be finite, was " + v + " at " + i);
            if (i > 0 && v < sorted[i - 1]) throw new IllegalArgumentException("values must be sorted ascending (index " + i + ")");
            sum += v;
            if (v < BELOW_80) below80++;
            if (v < BELOW_70) below70++;
        }
        return new SohStats(n, nearestRank(sorted, n, 5), nearestRank(sorted, n, 50), nearestRank(sorted, n, 95), sum / n,
                below80, below70);
    }

    /** The p-th percentile (0..100) of the first n sorted values by the nearest-rank method. */
    public static double nearestRank(double[] sorted, int n, double p) {
        if (n <= 0) throw new IllegalArgumentException("no values");
        if (!(p >= 0 && p <= 100)) throw new IllegalArgumentException("p must be within [0, 100], was " + p);
        int rank = (int) Math.ceil(p / 100.0 * n);
        return sorted[Math.max(rank, 1) - 1];
    }
}
