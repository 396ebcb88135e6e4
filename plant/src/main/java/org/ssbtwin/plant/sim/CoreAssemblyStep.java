package org.ssbtwin.plant.sim;

import java.time.Instant;
import org.ssbtwin.plant.cell.CellDesign;
import org.ssbtwin.plant.layout.PhysicsParameters;
import org.ssbtwin.plant.layout.ProcessWindow;
import org.ssbtwin.plant.layout.ScrapCause;
import org.ssbtwin.plant.physics.ProcessPhysics;
import org.ssbtwin.plant.station.Setpoints;

/**
 * Core assembly in the dry room: the dew point (setpoint + excursion + noise) and the dwell since framing give the
 * inlay's moisture dose, which decides moisture scrap, latent defects and the inlay's capacity and resistance.
 * Dew-point excursions start and end as calendar events.
 */
final class CoreAssemblyStep extends ProcessStep {
    /** Dew-point limit of the dry room (upper end of the process window). */
    final double dewLimit;
    private final LaminationStep lamination;
    private final CellDesign design;
    private double dewSetpoint;
    private double dewExcursion;

    CoreAssemblyStep(StationRuntime station, StationRuntime upstream, EventCalendar calendar, LineItems items,
                     PhysicsParameters phys, boolean genealogy, LaminationStep lamination, CellDesign design,
                     double dewPointC, double dewLimit) {
        super(station, upstream, calendar, items, phys, genealogy, 1);
        this.lamination = lamination;
        this.design = design;
        this.dewSetpoint = dewPointC;
        this.dewLimit = dewLimit;
    }

    @Override
    int complete(int srv, int u, int item, boolean baseScrap) {
        StationRuntime s = station;
        InlayStore inlays = items.inlays;
        long now = calendar.now;
        double dew = dewSetpoint + dewExcursion + phys.dewPointNoiseC() * s.gauss();
        double dwellH = (now - inlays.frmEnd(item)) / 3_600_000.0;
        double dose = ProcessPhysics.moistureDose(dew, dwellH);
        if (genealogy) {
            inlays.corUnit[item] = u;
            inlays.corStart[item] = s.jobStart(srv);
            inlays.corEnd[item] = now;
        }
        inlays.dew(item, dew);
        inlays.dose(item, dose);
        double pMoist = ProcessPhysics.moistureDefectProbability(dew, dewLimit, phys);
        if (baseScrap || (pMoist > 0 && s.rng.nextDouble() < pMoist)) {
            return items.scrapInlay(s, u, ScrapCause.MOISTURE_DEFECT.ordinal(), item);
        }
        double lamT = inlays.lamTemp(item);
        ProcessWindow lw = lamination.window;
        double pDef = ProcessPhysics.latentDefectProbability(dose, lw.excess(lamT), phys);
        inlays.sev(item, s.rng.nextDouble() < pDef ? -phys.latentDefectMeanSeverity() * Math.log(1 - s.rng.nextDouble()) : 0);
        inlays.cap(item, design.inlayCapacityAh() * ProcessPhysics.moistureCapacityFactor(dose, phys)
                * (1 + phys.capacitySigma() * s.gauss()));
        inlays.res(item, design.inlayResistanceMilliOhm() * ProcessPhysics.inlayInterfaceFactor(lamT, lw, dose, phys)
                * (1 + phys.resistanceSigma() * s.gauss()));
        return PASSED;
    }

    /** A dew-point excursion starts: exponential rise, exponential duration; schedules its end. */
    void startDewExcursion() {
        StationRuntime s = station;
        dewExcursion = -phys.dewExcursionMeanRiseK() * Math.log(1 - s.rng.nextDouble());
        calendar.near.push(calendar.now + EventCalendar.expMs(s.rng, phys.dewExcursionMeanHours()),
                EventCalendar.encode(EventCalendar.DEW_END, s.idx, 0, 0));
    }

    /** The excursion ends; schedules the next one. */
    void endDewExcursion() {
        StationRuntime s = station;
        dewExcursion = 0;
        calendar.near.push(calendar.now + EventCalendar.expMs(s.rng, 24.0 / phys.dewExcursionsPerDay()),
                EventCalendar.encode(EventCalendar.DEW_START, s.idx, 0, 0));
    }

    @Override
    boolean hasReadings() { return true; }

    @Override
    void sampleReading(Instant t) {
        calendar.emit(new PlantEvent.ReadingSampled(t, station.id, Setpoints.DEW_POINT_C,
                dewSetpoint + dewExcursion + phys.dewPointNoiseC() * station.gauss(), "degC"));
    }

    @Override
    void applySetpoint(String name, double value) {
        if (Setpoints.DEW_POINT_C.equals(name)) dewSetpoint = value;
    }
}
