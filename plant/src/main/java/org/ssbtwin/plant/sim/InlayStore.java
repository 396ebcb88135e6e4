package org.ssbtwin.plant.sim;

import java.util.Arrays;

/**
 * Inlays from lamination to stacking (and, with genealogy, until their cell is graded): serial, the three rolls
 * they were cut from, station passes and the physics recorded on the way.
 */
final class InlayStore extends ItemStore {
    long[] serial, lamStart, lamEnd, frmStart, frmEnd, corStart, corEnd;
    /** Roll index per coating kind: {@code roll[inlay * 3 + kind]}. */
    int[] roll;
    int[] lamUnit, frmUnit, corUnit;
    double[] lamTemp, dew, dose, sev, cap, res;

    InlayStore(int capacity) {
        super(capacity);
        grow(capacity);
    }

    @Override
    void grow(int n) {
        serial = copy(serial, n); lamStart = copy(lamStart, n); lamEnd = copy(lamEnd, n);
        frmStart = copy(frmStart, n); frmEnd = copy(frmEnd, n); corStart = copy(corStart, n); corEnd = copy(corEnd, n);
        roll = roll == null ? new int[n * 3] : Arrays.copyOf(roll, n * 3);
        lamUnit = copy(lamUnit, n); frmUnit = copy(frmUnit, n); corUnit = copy(corUnit, n);
        lamTemp = copy(lamTemp, n); dew = copy(dew, n); dose = copy(dose, n); sev = copy(sev, n);
        cap = copy(cap, n); res = copy(res, n);
    }
}
