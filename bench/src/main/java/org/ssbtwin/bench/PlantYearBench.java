package org.ssbtwin.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.ssbtwin.plant.layout.PlantLayout;
import org.ssbtwin.plant.layout.ReferenceLayouts;
import org.ssbtwin.plant.sim.LineSimulation;
import org.ssbtwin.plant.sim.PlantEvent;
import org.ssbtwin.plant.sim.PlantEventSink;
import org.ssbtwin.plant.sim.PlantKpis;
import org.ssbtwin.plant.sim.SimulationOptions;
import org.ssbtwin.plant.sim.StationKpis;

/**
 * Simulates one full plant-year of the Dunkirk line at 4 GWh/yr (calendar year 2030, after the last capacity
 * step) with a counting sink and no genealogy records, and prints cells produced, events, wall time and events/s.
 * Usage: {@code PlantYearBench [seed] [days] [--genealogy]}.
 */
public final class PlantYearBench {
    private PlantYearBench() {}

    /** Counts events by type; no retention. */
    static final class CountingSink implements PlantEventSink {
        long total, cells, scrapped, packs, readings, states;

        @Override
        public void accept(PlantEvent e) {
            total++;
            if (e instanceof PlantEvent.CellCompleted) cells++;
            else if (e instanceof PlantEvent.ItemScrapped) scrapped++;
            else if (e instanceof PlantEvent.PackAssembled) packs++;
            else if (e instanceof PlantEvent.ReadingSampled) readings++;
            else if (e instanceof PlantEvent.StationStateChanged) states++;
        }
    }

    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 42L;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 365;
        boolean genealogy = args.length > 2 && args[2].equals("--genealogy");
        PlantLayout layout = ReferenceLayouts.dunkirk();
        Instant start = Instant.parse("2030-01-01T00:00:00Z");
        SimulationOptions opts = genealogy ? SimulationOptions.DEFAULT : SimulationOptions.BENCHMARK;
        LineSimulation sim = new LineSimulation(layout, seed, start, opts);
        CountingSink sink = new CountingSink();
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        for (int d = 1; d <= days; d++) sim.advanceTo(start.plus(d, ChronoUnit.DAYS), sink);
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
        PlantKpis k = sim.kpis();
        System.out.printf("PlantYearBench: %d days of %s (seed %d, genealogy %s)%n", days, layout.name(), seed, genealogy);
        System.out.printf("  cells produced (graded)  %,d  (A %,d / B %,d), packs %,d%n", k.cellsCompleted(), k.gradeA(), k.gradeB(), k.packsAssembled());
        System.out.printf("  throughput               %,.0f cells/day = %.2f GWh/yr, first-pass yield %.1f%%%n",
                k.cellsPerDay(), k.gwhPerYear(), 100 * k.firstPassYield());
        System.out.printf("  bottleneck               %s (OEE %.1f%%)%n", k.bottleneck(), 100 * k.bottleneckOee());
        for (StationKpis s : k.stations()) {
            System.out.printf("    %-11s %-20s util %5.1f%% blk %5.1f%% stv %5.1f%% down %4.1f%% OEE %5.1f%% out %,d scrap %,d%n",
                    s.station(), s.kind(), 100 * s.utilisation(), 100 * s.blockedShare(), 100 * s.starvedShare(),
                    100 * s.downShare(), 100 * s.oee(), s.out(), s.scrap());
        }
        System.out.printf("  scrap pareto             %s%n", k.scrapPareto());
        System.out.printf("  WIP rolls %,d inlays %,d cells %,d%n", k.wipRolls(), k.wipInlays(), k.wipCells());
        System.out.printf("  simulation events        %,d (sink records %,d)%n", sim.eventsProcessed(), sink.total);
        System.out.printf("  wall time                %.2f s, %,.0f events/s (simulation thread CPU %.2f s, %,.0f events/CPU-s)%n",
                wall, sim.eventsProcessed() / wall, cpu, sim.eventsProcessed() / cpu);
    }
}
