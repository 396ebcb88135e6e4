package org.ssbtwin.fleet.ageing.reference;

import java.util.Arrays;

/**
 * The per-update output history of one BLAST-Lite reference run: row 0 is the initial state (t = 0, efc = 0,
 * q = 1, r = 1 as BLAST's constructor sets them), then one row per chunk update. Time is BLAST's own clock
 * {@code t_days} (sum of chunk durations). NaN values are BLAST's own (see package documentation).
 * Immutable; array accessors return copies.
 */
public final class ReferenceTrajectory {

    private final String modelName;
    private final boolean hasResistance;
    private final double[] tDays;
    private final double[] efc;
    private final double[] q;
    private final double[] r;

    ReferenceTrajectory(String modelName, boolean hasResistance, double[] tDays, double[] efc, double[] q,
            double[] r) {
        this.modelName = modelName;
        this.hasResistance = hasResistance;
        this.tDays = tDays;
        this.efc = efc;
        this.q = q;
        this.r = r;
    }

    public String modelName() {
        return modelName;
    }

    public boolean hasResistance() {
        return hasResistance;
    }

    /** Number of rows (updates + 1). */
    public int size() {
        return tDays.length;
    }

    /** Number of chunk updates. */
    public int updateCount() {
        return tDays.length - 1;
    }

    public double tDays(int i) {
        return tDays[i];
    }

    public double efc(int i) {
        return efc[i];
    }

    public double capacity(int i) {
        return q[i];
    }

    /** Relative resistance; NaN for every row if the model has no resistance output. */
    public double resistance(int i) {
        return r[i];
    }

    public double[] tDays() {
        return tDays.clone();
    }

    public double[] efc() {
        return efc.clone();
    }

    public double[] capacity() {
        return q.clone();
    }

    public double[] resistance() {
        return r.clone();
    }

    /** Index of the first row whose q is NaN, or -1. */
    public int firstNaNIndex() {
        for (int i = 0; i < q.length; i++) {
            if (Double.isNaN(q[i])) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Value of {@code series} linearly interpolated in t_days at {@code day}. An exact hit returns that row; NaN
     * if a neighbouring row is NaN or {@code day} lies outside the trajectory (assumption: no extrapolation).
     */
    double interpolate(double[] series, double day) {
        int i = Arrays.binarySearch(tDays, day);
        if (i >= 0) {
            return series[i];
        }
        int hi = -i - 1;
        if (hi == 0 || hi >= tDays.length) {
            return Double.NaN;
        }
        int lo = hi - 1;
        double w = (day - tDays[lo]) / (tDays[hi] - tDays[lo]);
        return series[lo] + (series[hi] - series[lo]) * w;
    }

    double interpolateEfc(double day) {
        return interpolate(efc, day);
    }

    double interpolateCapacity(double day) {
        return interpolate(q, day);
    }

    double interpolateResistance(double day) {
        return interpolate(r, day);
    }
}
