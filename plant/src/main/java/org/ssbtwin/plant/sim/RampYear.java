package org.ssbtwin.plant.sim;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.ssbtwin.core.id.StationId;
import org.ssbtwin.plant.layout.PlantLayout;

/**
 * One calendar year of the simulated ramp-up (the SOP year counted from SOP): good cells made, their energy in GWh,
 * first-pass yield, scrap rate and the bottleneck station with its OEE over the year and the OEE's factors
 * (availability x performance x quality, SEMI E10 time model: see {@link StationKpis}) and the shares of its
 * scheduled time in planned maintenance and in breakdowns.
 */
public record RampYear(int year, long cells, double gwh, double firstPassYield, double scrapRate, StationId bottleneck,
                       double bottleneckOee, double bottleneckAvailability, double bottleneckPerformance,
                       double bottleneckQuality, double bottleneckMaintenanceShare, double bottleneckDownShare) {

    /** Simulates the line from SOP to the end of {@code lastYear} (benchmark mode, no genealogy), one row per year. */
    public static List<RampYear> simulate(PlantLayout layout, long seed, int lastYear) {
        Instant sop = layout.rampUp().sop();
        int sopYear = sop.atZone(ZoneOffset.UTC).getYear();
        if (lastYear < sopYear) throw new IllegalArgumentException("lastYear must be >= the SOP year " + sopYear + ", was " + lastYear);
        double kwhPerCell = layout.cellDesign().cellEnergyKWh();
        LineSimulation sim = new LineSimulation(layout, seed, sop, SimulationOptions.BENCHMARK);
        List<RampYear> years = new ArrayList<>();
        for (int year = sopYear; year <= lastYear; year++) {
            sim.resetStatistics();
            sim.advanceTo(Instant.parse((year + 1) + "-01-01T00:00:00Z"), PlantEventSink.NONE);
            PlantKpis k = sim.kpis();
            StationKpis b = k.station(k.bottleneck());
            years.add(new RampYear(year, k.cellsCompleted(), k.cellsCompleted() * kwhPerCell / 1e6, k.firstPassYield(),
                    k.scrapRate(), k.bottleneck(), b.oee(), b.availability(), b.performance(), b.quality(),
                    b.maintenanceShare(), b.downShare()));
        }
        return years;
    }
}
