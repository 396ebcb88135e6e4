package org.ssbtwin.plant.sim;

import java.util.Arrays;
import org.ssbtwin.core.quality.ManufacturingFactors;

/**
 * Cells from stacking to pack assembly: serial, their inlays, station passes, measured values and the
 * manufacturing factors aggregated at stacking (until the cell is graded).
 *
 * <p>What formation/ageing, the end-of-line test and pack assembly read and write (serial, capacity, resistance,
 * self-discharge, defect severity, misalignment and the five manufacturing factors) is one 128-byte record per cell
 * in {@link #rec} (doubles as their raw bits), two cache lines: a cell comes back to the EOL test days after
 * stacking, when none of its data is in a cache any more, and then costs two misses instead of one per attribute.
 */
final class CellStore extends ItemStore {
    private static final int STRIDE = 16;
    /** The first record starts at index 6 (byte 64 of the array, after its 16-byte header): records align with cache lines. */
    private static final int BASE = 6;
    // first cache line: what formation/ageing, EOL and pack assembly read; second: the rest of the factors
    private static final int SERIAL = 0, CAP = 1, RES = 2, SD = 3, SEV = 4, F_INTERFACE = 5, F_MOISTURE = 6, F_SEVERITY = 7,
            F_LAMINATION = 8, F_DEW = 9, MIS = 10;

    final int perCell;
    long[] mabStart, mabEnd, fagStart, fagEnd, eolStart, eolEnd;
    /** Inlay slots of a cell: {@code inlay[cell * perCell + k]}. */
    int[] inlay;
    int[] mabUnit, fagUnit, eolUnit;
    private long[] rec;

    CellStore(int capacity, int perCell) {
        super(capacity);
        this.perCell = perCell;
        grow(capacity);
    }

    @Override
    void grow(int n) {
        mabStart = copy(mabStart, n); mabEnd = copy(mabEnd, n);
        fagStart = copy(fagStart, n); fagEnd = copy(fagEnd, n); eolStart = copy(eolStart, n); eolEnd = copy(eolEnd, n);
        inlay = inlay == null ? new int[n * perCell] : Arrays.copyOf(inlay, n * perCell);
        mabUnit = copy(mabUnit, n); fagUnit = copy(fagUnit, n); eolUnit = copy(eolUnit, n);
        rec = rec == null ? new long[BASE + STRIDE * n] : Arrays.copyOf(rec, BASE + STRIDE * n);
    }

    private double get(int c, int field) { return Double.longBitsToDouble(rec[BASE + STRIDE * c + field]); }

    private void set(int c, int field, double v) { rec[BASE + STRIDE * c + field] = Double.doubleToRawLongBits(v); }

    long serial(int c) { return rec[BASE + STRIDE * c + SERIAL]; }

    void serial(int c, long serial) { rec[BASE + STRIDE * c + SERIAL] = serial; }

    /** Capacity, Ah: from stacking, as measured at the EOL test once tested. */
    double cap(int c) { return get(c, CAP); }

    void cap(int c, double v) { set(c, CAP, v); }

    /** Resistance, mOhm: from stacking, as measured at the EOL test once tested. */
    double res(int c) { return get(c, RES); }

    void res(int c, double v) { set(c, RES, v); }

    /** Self-discharge measured at formation/ageing, mV/week. */
    double sd(int c) { return get(c, SD); }

    void sd(int c, double v) { set(c, SD, v); }

    /** Latent defect severity (sum over the inlays and the stacking edge defect). */
    double sev(int c) { return get(c, SEV); }

    void sev(int c, double v) { set(c, SEV, v); }

    /** Stacking misalignment, mm. */
    double mis(int c) { return get(c, MIS); }

    void mis(int c, double v) { set(c, MIS, v); }

    /** The manufacturing factors aggregated at stacking (a new record with the stored values). */
    ManufacturingFactors factors(int c) {
        return new ManufacturingFactors(get(c, F_INTERFACE), get(c, F_MOISTURE), get(c, F_SEVERITY), get(c, F_LAMINATION),
                get(c, F_DEW));
    }

    void factors(int c, ManufacturingFactors f) {
        set(c, F_INTERFACE, f.interfaceResistanceFactor());
        set(c, F_MOISTURE, f.moistureExposure());
        set(c, F_SEVERITY, f.latentDefectSeverity());
        set(c, F_LAMINATION, f.laminationTemperatureC());
        set(c, F_DEW, f.dewPointC());
    }
}
