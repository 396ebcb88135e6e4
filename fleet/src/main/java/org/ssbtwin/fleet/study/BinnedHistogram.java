package org.ssbtwin.fleet.study;

/**
 * Fixed-width integer histograms, one per row (a cohort-year, a year), from which fleet percentiles are read. Counts
 * merge by exact addition, so percentiles do not depend on how packs were split across Monte-Carlo workers. The one
 * histogram of fleet studies and what-if scenarios (their SoH percentiles are binned alike, see {@link #soh}).
 */
public final class BinnedHistogram {
    /** SoH bin width: 0.05 percentage points. */
    public static final double SOH_BIN = 0.0005;
    /** SoH bins: 0 .. 1.2. */
    public static final int SOH_BINS = 2400;

    private final double lo;
    private final double width;
    private final int bins;
    private final int[] counts;

    public BinnedHistogram(int rows, double lo, double width, int bins) {
        if (rows < 0 || bins < 1 || !(width > 0)) {
            throw new IllegalArgumentException("rows >= 0, bins >= 1 and width > 0 required");
        }
        this.lo = lo;
        this.width = width;
        this.bins = bins;
        this.counts = new int[rows * bins];
    }

    /** SoH histograms, one per row: bins of {@link #SOH_BIN} from 0 to 1.2. */
    public static BinnedHistogram soh(int rows) {
        return new BinnedHistogram(rows, 0.0, SOH_BIN, SOH_BINS);
    }

    /** The bin of {@code value}; values outside the range go to the first or last bin. */
    public int bin(double value) {
        int b = (int) ((value - lo) / width);
        return b < 0 ? 0 : Math.min(bins - 1, b);
    }

    /** Counts one value already binned ({@link #bin}) in {@code row}: no allocation, for the hot loops. */
    public void count(int row, int bin) {
        counts[row * bins + bin]++;
    }

    /** Counts {@code value} in {@code row}. */
    public void add(int row, double value) {
        count(row, bin(value));
    }

    /** Adds another histogram of the same shape (a worker's). */
    public void addAll(BinnedHistogram o) {
        if (o.counts.length != counts.length || o.bins != bins) {
            throw new IllegalArgumentException("histograms of different shapes");
        }
        for (int i = 0; i < counts.length; i++) {
            counts[i] += o.counts[i];
        }
    }

    /**
     * The {@code p} quantile of row {@code row} holding {@code n} values: the midpoint of the bin holding the value of
     * rank floor(p (n - 1)); NaN for an empty row.
     */
    public double percentile(int row, long n, double p) {
        if (n == 0) {
            return Double.NaN;
        }
        long rank = (long) Math.floor(p * (n - 1));
        long cum = 0;
        int off = row * bins;
        for (int b = 0; b < bins; b++) {
            cum += counts[off + b];
            if (cum > rank) {
                return lo + (b + 0.5) * width;
            }
        }
        return lo + (bins - 0.5) * width;
    }
}
