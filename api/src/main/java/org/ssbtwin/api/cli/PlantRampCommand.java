package org.ssbtwin.api.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ssbtwin.config.plant.PlantLayoutLoader;
import org.ssbtwin.plant.layout.PlantLayout;
import org.ssbtwin.plant.sim.LineSimulation;
import org.ssbtwin.plant.sim.PlantEventSink;
import org.ssbtwin.plant.sim.PlantKpis;
import org.ssbtwin.plant.sim.RampYear;
import org.ssbtwin.plant.sim.SimulationOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The plant's ramp-up month by month from start of production: output (GWh/yr rate), first-pass yield, scrap and
 * the bottleneck's OEE, from the line simulation of a bundled or given layout.
 */
@Command(name = "plant-ramp", mixinStandardHelpOptions = true,
        description = "Simulate the line from start of production and print monthly (or, with --yearly, yearly) output, yield, scrap and bottleneck OEE (CSV).")
public final class PlantRampCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--layout", defaultValue = PlantLayoutLoader.DUNKIRK, description = "bundled layout or a file (default ${DEFAULT-VALUE})")
    String layout;

    @Option(names = "--months", defaultValue = "36", description = "months from start of production (default ${DEFAULT-VALUE})")
    int months;

    @Option(names = "--yearly", description = "print one row per calendar year from the SOP year to --until (default ${DEFAULT-VALUE}) instead of months")
    boolean yearly;

    @Option(names = "--until", defaultValue = "2032", description = "last calendar year of the --yearly table (default ${DEFAULT-VALUE})")
    int until;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Option(names = "--out", description = "write the CSV to this file instead of standard output")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (months < 1 || months > 120) throw new ParameterException(spec.commandLine(), "--months: must be within [1, 120], was " + months);
        PlantLayout plant;
        try {
            Path file = Path.of(layout);
            plant = Files.isRegularFile(file) ? PlantLayoutLoader.loadFile(file) : PlantLayoutLoader.loadResource(layout);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--layout: " + e.getMessage());
        }
        if (yearly) {
            int sopYear = plant.rampUp().sop().atZone(ZoneOffset.UTC).getYear();
            if (until < sopYear || until > sopYear + 9) {
                throw new ParameterException(spec.commandLine(), "--until: must be within [" + sopYear + ", " + (sopYear + 9) + "], was " + until);
            }
            return write(yearlyTable(plant));
        }
        StringBuilder csv = new StringBuilder("month,from,cells,gwh_per_year,first_pass_yield,scrap_rate,bottleneck,bottleneck_oee\n");
        Instant sop = plant.rampUp().sop();
        LineSimulation sim = new LineSimulation(plant, seed, sop, SimulationOptions.BENCHMARK);
        for (int m = 1; m <= months; m++) {
            Instant from = sim.now();
            sim.resetStatistics();
            sim.advanceTo(sop.atZone(ZoneOffset.UTC).plusMonths(m).toInstant(), PlantEventSink.NONE);
            PlantKpis k = sim.kpis();
            csv.append(String.format(Locale.ROOT, "%d,%s,%d,%.4f,%.4f,%.4f,%s,%.4f%n", m, from, k.cellsCompleted(), k.gwhPerYear(),
                    k.firstPassYield(), k.scrapRate(), k.bottleneck(), k.bottleneckOee()));
        }
        return write(csv);
    }

    /** One row per calendar year (the SOP year counted from SOP): cells, GWh made in that year, yield, bottleneck OEE. */
    private StringBuilder yearlyTable(PlantLayout plant) {
        StringBuilder csv = new StringBuilder("year,cells,gwh,first_pass_yield,scrap_rate,bottleneck,bottleneck_oee,"
                + "availability,performance,quality,planned_maintenance_share,breakdown_share\n");
        for (RampYear y : RampYear.simulate(plant, seed, until)) {
            csv.append(String.format(Locale.ROOT, "%d,%d,%.3f,%.4f,%.4f,%s,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f%n", y.year(), y.cells(),
                    y.gwh(), y.firstPassYield(), y.scrapRate(), y.bottleneck(), y.bottleneckOee(), y.bottleneckAvailability(),
                    y.bottleneckPerformance(), y.bottleneckQuality(), y.bottleneckMaintenanceShare(), y.bottleneckDownShare()));
        }
        return csv;
    }

    private int write(StringBuilder csv) throws java.io.IOException {
        if (out == null) {
            PrintWriter w = spec.commandLine().getOut();
            w.print(csv);
            w.flush();
        } else {
            Files.writeString(out, csv);
        }
        return 0;
    }
}
