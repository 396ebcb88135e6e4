package org.ssbtwin.plant.sim;

import org.ssbtwin.plant.layout.PhysicsParameters;
import org.ssbtwin.plant.layout.ScrapCause;

/** Formation and ageing: the self-discharge check (raised by latent defects) scraps cells at or above its limit. */
final class FormationAgeingStep extends ProcessStep {
    private final double sdLimit;

    FormationAgeingStep(StationRuntime station, StationRuntime upstream, EventCalendar calendar, LineItems items,
                        PhysicsParameters phys, boolean genealogy, double selfDischargeLimitMvPerWeek) {
        super(station, upstream, calendar, items, phys, genealogy, 1);
        this.sdLimit = selfDischargeLimitMvPerWeek;
    }

    /**
     * The cell's defect severity, kept on its rack slot from the start of formation (when the cell's data is still in
     * the cache from stacking) so the completion, 4 days later, reads one cold record instead of two in a row.
     */
    long valueKeptOnSlot(int cell) { return Double.doubleToRawLongBits(items.cells.sev(cell)); }

    @Override
    int complete(int srv, int u, int item, boolean baseScrap) {
        StationRuntime s = station;
        CellStore cells = items.cells;
        double sev = Double.longBitsToDouble(s.itemValueKept(srv));
        double sd = Math.max(0, phys.selfDischargeMeanMvPerWeek() + phys.selfDischargeSigmaMvPerWeek() * s.gauss())
                + phys.selfDischargePerSeverity() * sev;
        if (genealogy) {
            cells.fagUnit[item] = u;
            cells.fagStart[item] = s.jobStart(srv);
            cells.fagEnd[item] = calendar.now;
        }
        cells.sd(item, sd);
        if (sd >= sdLimit) return items.scrapCell(s, u, ScrapCause.SELF_DISCHARGE.ordinal(), item);
        if (baseScrap) return items.scrapCell(s, u, s.baseCause, item);
        return PASSED;
    }
}
