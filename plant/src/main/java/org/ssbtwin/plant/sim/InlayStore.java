package org.ssbtwin.plant.sim;

import java.util.Arrays;

/**
 * Inlays from lamination to stacking (and, with genealogy, until their cell is graded): serial, the three rolls
 * they were cut from, station passes and the physics recorded on the way.
 *
 * <p>What framing, core assembly and stacking read and write (serial, lamination temperature, end of framing, dew
 * point, moisture dose, defect severity, capacity, resistance) is one 64-byte record per inlay in {@link #rec}
 * (doubles as their raw bits), one cache line instead of one per attribute.
 */
final class InlayStore extends ItemStore {
    private static final int STRIDE = 8;
    /** The first record starts at index 6 (byte 64 of the array, after its 16-byte header): records align with cache lines. */
    private static final int BASE = 6;
    private static final int SERIAL = 0, LAM_TEMP = 1, FRM_END = 2, DEW = 3, DOSE = 4, SEV = 5, CAP = 6, RES = 7;
    long[] lamStart, lamEnd, frmStart, corStart, corEnd;
    private long[] rec;
    /** Roll index per coating kind: {@code roll[inlay * 3 + kind]}. */
    int[] roll;
    int[] lamUnit, frmUnit, corUnit;

    InlayStore(int capacity) {
        super(capacity);
        grow(capacity);
    }

    @Override
    void grow(int n) {
        lamStart = copy(lamStart, n); lamEnd = copy(lamEnd, n);
        frmStart = copy(frmStart, n); corStart = copy(corStart, n); corEnd = copy(corEnd, n);
        roll = roll == null ? new int[n * 3] : Arrays.copyOf(roll, n * 3);
        lamUnit = copy(lamUnit, n); frmUnit = copy(frmUnit, n); corUnit = copy(corUnit, n);
        rec = rec == null ? new long[BASE + STRIDE * n] : Arrays.copyOf(rec, BASE + STRIDE * n);
    }

    private double get(int i, int field) { return Double.longBitsToDouble(rec[BASE + STRIDE * i + field]); }

    private void set(int i, int field, double v) { rec[BASE + STRIDE * i + field] = Double.doubleToRawLongBits(v); }

    long serial(int i) { return rec[BASE + STRIDE * i + SERIAL]; }

    void serial(int i, long serial) { rec[BASE + STRIDE * i + SERIAL] = serial; }

    /** Laminating temperature, degC. */
    double lamTemp(int i) { return get(i, LAM_TEMP); }

    void lamTemp(int i, double v) { set(i, LAM_TEMP, v); }

    /** End of framing (ms since the simulation start): the dry-room dwell until core assembly starts here. */
    long frmEnd(int i) { return rec[BASE + STRIDE * i + FRM_END]; }

    void frmEnd(int i, long t) { rec[BASE + STRIDE * i + FRM_END] = t; }

    /** Dew point at core assembly, degC. */
    double dew(int i) { return get(i, DEW); }

    void dew(int i, double v) { set(i, DEW, v); }

    /** Moisture dose at core assembly. */
    double dose(int i) { return get(i, DOSE); }

    void dose(int i, double v) { set(i, DOSE, v); }

    /** Latent defect severity. */
    double sev(int i) { return get(i, SEV); }

    void sev(int i, double v) { set(i, SEV, v); }

    /** Capacity, Ah. */
    double cap(int i) { return get(i, CAP); }

    void cap(int i, double v) { set(i, CAP, v); }

    /** Resistance, mOhm. */
    double res(int i) { return get(i, RES); }

    void res(int i, double v) { set(i, RES, v); }
}
