package org.ssbtwin.plant.sim;

import org.ssbtwin.plant.layout.PhysicsParameters;
import org.ssbtwin.plant.layout.ScrapCause;
import org.ssbtwin.plant.physics.ProcessPhysics;
import org.ssbtwin.plant.station.Setpoints;

/**
 * MAB / BiPolar+ stacking: {@code inlaysPerCell} inlays stacked in series into one cell. The stacking misalignment
 * decides misalignment scrap; a stacked cell aggregates its inlays (series: minimum capacity, summed resistance and
 * defect severity) and its manufacturing factors.
 */
final class BipolarStackingStep extends ProcessStep {
    /** Misalignment tolerance (upper end of the process window). */
    final double misTol;
    private final LaminationStep lamination;
    private final int inlaysPerCell;
    private final double[] tmpTemp, tmpDew, tmpDose, tmpSev;
    private double misSigma;

    BipolarStackingStep(StationRuntime station, StationRuntime upstream, EventCalendar calendar, LineItems items,
                        PhysicsParameters phys, boolean genealogy, LaminationStep lamination, double misalignmentSigmaMm,
                        double misalignmentToleranceMm) {
        super(station, upstream, calendar, items, phys, genealogy, items.inlaysPerCell);
        this.lamination = lamination;
        this.inlaysPerCell = items.inlaysPerCell;
        this.misSigma = misalignmentSigmaMm;
        this.misTol = misalignmentToleranceMm;
        this.tmpTemp = new double[inlaysPerCell];
        this.tmpDew = new double[inlaysPerCell];
        this.tmpDose = new double[inlaysPerCell];
        this.tmpSev = new double[inlaysPerCell];
    }

    @Override
    int takeInputs(int srv) {
        CellStore cells = items.cells;
        int item = cells.allocate();
        int base = item * inlaysPerCell;
        for (int k = 0; k < inlaysPerCell; k++) cells.inlay[base + k] = station.in.poll();
        upstream.releaseBlockedInto(station.in, station.inCap);
        return item;
    }

    @Override
    int complete(int srv, int u, int item, boolean baseScrap) {
        StationRuntime s = station;
        CellStore cells = items.cells;
        InlayStore inlays = items.inlays;
        double mis = Math.abs(misSigma * s.gauss());
        cells.serial(item, ++items.cellSerial);
        if (genealogy) {
            cells.mabUnit[item] = u;
            cells.mabStart[item] = s.jobStart(srv);
            cells.mabEnd[item] = calendar.now;
        }
        cells.mis(item, mis);
        if (baseScrap || mis > misTol) return items.scrapCell(s, u, ScrapCause.STACKING_MISALIGNMENT.ordinal(), item);
        // aggregate the inlays now (their data is still in cache): bipolar series min capacity / summed resistance
        int base = item * inlaysPerCell;
        double cap = Double.MAX_VALUE, res = 0, sev = 0;
        for (int k = 0; k < inlaysPerCell; k++) {
            int in = cells.inlay[base + k];
            cap = Math.min(cap, inlays.cap(in));
            res += inlays.res(in);
            sev += inlays.sev(in);
            tmpTemp[k] = inlays.lamTemp(in);
            tmpDew[k] = inlays.dew(in);
            tmpDose[k] = inlays.dose(in);
            tmpSev[k] = inlays.sev(in);
        }
        // misalignment: overlap lost (capacity) and a latent edge short on top of the inlays' defects
        double edge = s.rng.nextDouble() < ProcessPhysics.misalignmentDefectProbability(mis, misTol, phys)
                ? -phys.latentDefectMeanSeverity() * Math.log(1 - s.rng.nextDouble()) : 0;
        sev += edge;
        tmpSev[0] += edge;
        int first = cells.inlay[base];
        inlays.sev(first, inlays.sev(first) + edge); // the genealogy carries it on the cell's first inlay
        cells.cap(item, cap * ProcessPhysics.misalignmentCapacityFactor(mis, misTol, phys));
        cells.res(item, res * ProcessPhysics.misalignmentResistanceFactor(mis, misTol, phys));
        cells.sev(item, sev);
        cells.factors(item, ProcessPhysics.manufacturingFactors(tmpTemp, tmpDew, tmpDose, tmpSev, inlaysPerCell,
                lamination.window, mis, misTol, phys));
        if (!genealogy) items.releaseInlaysOf(item);
        return PASSED;
    }

    @Override
    void applySetpoint(String name, double value) {
        if (Setpoints.MISALIGNMENT_SIGMA_MM.equals(name)) misSigma = value;
    }
}
