package org.ssbtwin.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ssbtwin.plant.layout.PlantLayout;
import org.ssbtwin.plant.layout.ReferenceLayouts;
import org.ssbtwin.plant.sim.LineSimulation;
import org.ssbtwin.plant.sim.PlantEvent;
import org.ssbtwin.plant.sim.PlantEventSink;
import org.ssbtwin.plant.sim.PlantKpis;
import org.ssbtwin.plant.sim.SimulationOptions;
import org.ssbtwin.plant.sim.StationKpis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Simulates one plant-year of the Dunkirk line (default: calendar year 2032, all capacity phases in service: the
 * 12 GWh/yr line) with a counting sink and no genealogy records, and prints cells produced, events, wall and
 * simulation-thread CPU time, events/s, after an untimed week before the year (racks filled, JIT warm), and the line's KPIs per station with the bottleneck's OEE factors.
 * {@code bench plant [--year 2032] [--days 365] [--seed 42] [--genealogy]}; also a plain {@code main} with
 * {@code [seed] [days] [--genealogy]}.
 */
public final class PlantYearBench {
    private PlantYearBench() {}

    /** The goal for one 12 GWh plant-year on the project's 2-core machine (issue 15 item 6). */
    static final double GOAL_SECONDS = 60;
    /** Untimed days simulated before the year (the line full, the JIT warm). */
    static final int WARM_UP_DAYS = 7;

    /** Counts events by type; no retention. */
    static final class CountingSink implements PlantEventSink {
        long total, cells, scrapped, packs, readings, states, maintenance;

        @Override
        public void accept(PlantEvent e) {
            total++;
            if (e instanceof PlantEvent.CellCompleted) cells++;
            else if (e instanceof PlantEvent.ItemScrapped) scrapped++;
            else if (e instanceof PlantEvent.PackAssembled) packs++;
            else if (e instanceof PlantEvent.ReadingSampled) readings++;
            else if (e instanceof PlantEvent.StationStateChanged) states++;
            else if (e instanceof PlantEvent.MaintenanceStarted) maintenance++;
        }
    }

    @Command(name = "plant", mixinStandardHelpOptions = true,
            description = "Wall time of one simulated plant-year of the Dunkirk line (default 2032: the 12 GWh/yr line, goal < 60 s).")
    public static final class Cli implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--year", defaultValue = "2032", description = "calendar year to simulate (default ${DEFAULT-VALUE}: all phases in service)")
        int year;

        @Option(names = "--days", defaultValue = "365", description = "days from 1 January (default ${DEFAULT-VALUE})")
        int days;

        @Option(names = "--seed", defaultValue = "42", description = "seed (default ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--genealogy", description = "build every cell's genealogy record (slower; default off)")
        boolean genealogy;

        @Override
        public Integer call() {
            if (year < 2028 || year > 2040) throw new ParameterException(spec.commandLine(), "--year: must be within [2028, 2040], was " + year);
            if (days < 1 || days > 366) throw new ParameterException(spec.commandLine(), "--days: must be within [1, 366], was " + days);
            run(year, days, seed, genealogy, spec.commandLine().getOut());
            return 0;
        }
    }

    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 42L;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 365;
        boolean genealogy = args.length > 2 && args[2].equals("--genealogy");
        PrintWriter out = new PrintWriter(System.out, true);
        run(2032, days, seed, genealogy, out);
    }

    static void run(int year, int days, long seed, boolean genealogy, PrintWriter out) {
        PlantLayout layout = ReferenceLayouts.dunkirk();
        Instant start = Instant.parse(year + "-01-01T00:00:00Z");
        SimulationOptions opts = genealogy ? SimulationOptions.DEFAULT : SimulationOptions.BENCHMARK;
        // a week before the year, untimed: fills the formation racks (4 days) and warms the JIT
        LineSimulation sim = new LineSimulation(layout, seed, start.minus(WARM_UP_DAYS, ChronoUnit.DAYS), opts);
        sim.advanceTo(start, PlantEventSink.NONE);
        sim.resetStatistics();
        long warmUpEvents = sim.eventsProcessed();
        CountingSink sink = new CountingSink();
        var threads = ManagementFactory.getThreadMXBean();
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        for (int d = 1; d <= days; d++) sim.advanceTo(start.plus(d, ChronoUnit.DAYS), sink);
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
        PlantKpis k = sim.kpis();
        double gwh = k.cellsCompleted() * layout.cellDesign().cellEnergyKWh() / 1e6;
        out.printf(Locale.ROOT, "plant-year bench: %d days of %d, %s (seed %d, genealogy %s, %d processors)%n", days, year,
                layout.name(), seed, genealogy, Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "  cells produced (graded)  %,d (A %,d / B %,d) = %.2f GWh, packs %,d%n", k.cellsCompleted(),
                k.gradeA(), k.gradeB(), gwh, k.packsAssembled());
        out.printf(Locale.ROOT, "  first-pass yield         %.1f %%, scrap %.1f %%%n", 100 * k.firstPassYield(), 100 * k.scrapRate());
        StationKpis b = k.station(k.bottleneck());
        out.printf(Locale.ROOT, "  bottleneck               %s OEE %.1f %% = A %.1f %% x P %.1f %% x Q %.1f %% (planned maintenance %.1f %%, breakdowns %.1f %%)%n",
                k.bottleneck(), 100 * b.oee(), 100 * b.availability(), 100 * b.performance(), 100 * b.quality(),
                100 * b.maintenanceShare(), 100 * b.downShare());
        for (StationKpis s : k.stations()) {
            out.printf(Locale.ROOT, "    %-11s %-20s util %5.1f%% blk %5.1f%% stv %5.1f%% down %4.1f%% pm %4.1f%% OEE %5.1f%% out %,d scrap %,d%n",
                    s.station(), s.kind(), 100 * s.utilisation(), 100 * s.blockedShare(), 100 * s.starvedShare(),
                    100 * s.downShare(), 100 * s.maintenanceShare(), 100 * s.oee(), s.out(), s.scrap());
        }
        long events = sim.eventsProcessed() - warmUpEvents;
        out.printf(Locale.ROOT, "  simulation events        %,d (sink records %,d), after %d untimed warm-up days%n", events,
                sink.total, WARM_UP_DAYS);
        out.printf(Locale.ROOT, "  CPU (simulation thread)  %.1f s, %,.0f events/CPU-s, %.2f us per cell%n", cpu, events / cpu,
                1e6 * cpu / Math.max(1, k.cellsCompleted()));
        out.printf(Locale.ROOT, "  wall time                %.1f s (goal for a 365-day year: < %.0f s), %,.0f events/s%n", wall,
                GOAL_SECONDS, events / wall);
        out.flush();
    }
}
