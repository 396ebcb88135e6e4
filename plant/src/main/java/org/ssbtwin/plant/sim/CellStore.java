package org.ssbtwin.plant.sim;

import java.util.Arrays;

/**
 * Cells from stacking to pack assembly: serial, their inlays, station passes, measured values and the
 * manufacturing factors aggregated at stacking (until the cell is graded).
 */
final class CellStore extends ItemStore {
    final int perCell;
    long[] serial, mabStart, mabEnd, fagStart, fagEnd, eolStart, eolEnd;
    /** Inlay slots of a cell: {@code inlay[cell * perCell + k]}. */
    int[] inlay;
    int[] mabUnit, fagUnit, eolUnit;
    double[] mis, sd, cap, res, sev;
    Object[] factors;

    CellStore(int capacity, int perCell) {
        super(capacity);
        this.perCell = perCell;
        grow(capacity);
    }

    @Override
    void grow(int n) {
        serial = copy(serial, n); mabStart = copy(mabStart, n); mabEnd = copy(mabEnd, n);
        fagStart = copy(fagStart, n); fagEnd = copy(fagEnd, n); eolStart = copy(eolStart, n); eolEnd = copy(eolEnd, n);
        inlay = inlay == null ? new int[n * perCell] : Arrays.copyOf(inlay, n * perCell);
        mabUnit = copy(mabUnit, n); fagUnit = copy(fagUnit, n); eolUnit = copy(eolUnit, n);
        mis = copy(mis, n); sd = copy(sd, n); cap = copy(cap, n); res = copy(res, n); sev = copy(sev, n);
        factors = factors == null ? new Object[n] : Arrays.copyOf(factors, n);
    }
}
