package org.ssbtwin.api.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.ssbtwin.api.http.Json;
import org.ssbtwin.api.study.FleetSpecs;
import org.ssbtwin.api.study.SohChart;
import org.ssbtwin.api.study.StudySummary;
import org.ssbtwin.config.fleet.FleetSpecValidationException;
import org.ssbtwin.fleet.usage.FleetSpec;
import org.ssbtwin.fleet.study.FleetStudy;
import org.ssbtwin.fleet.study.FleetStudyResult;
import org.ssbtwin.fleet.study.StudyProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Runs a long-horizon fleet degradation study (Monte-Carlo, deterministic for a seed), prints the whole fleet's
 * per-year summary and writes result.json, result.csv and soh.png.
 */
@Command(name = "study", mixinStandardHelpOptions = true,
        description = "Run a fleet degradation study; prints SoH p5/p50/p95 per year and writes result.json, result.csv, soh.png.")
public final class StudyCommand implements Callable<Integer> {
    public static final int MAX_PACKS = 5_000_000;
    public static final int MAX_YEARS = 40;
    public static final int MAX_THREADS = 256;

    @Spec
    CommandSpec spec;

    @Option(names = "--fleet", required = true,
            description = "bundled fleet (vinfast-vn, europe) or a HOCON fleet spec file")
    String fleet;

    @Option(names = "--packs", description = "packs to simulate (default: the fleet spec's)")
    Integer packs;

    @Option(names = "--years", description = "service years per pack (default: the fleet spec's)")
    Integer years;

    @Option(names = "--seed", required = true, description = "random seed; the same spec and seed give the same numbers")
    long seed;

    @Option(names = "--threads", description = "worker threads (default: available processors); does not change the result")
    Integer threads;

    @Option(names = "--out", description = "output directory (default: study-<fleet>-<seed>)")
    Path out;

    @Option(names = "--chemistry", description = "ssb or li-ion-reference (the same fleet with the SSB multipliers off); default: the fleet spec's")
    String chemistry;

    @Override
    public Integer call() throws IOException {
        if (packs != null && (packs < 1 || packs > MAX_PACKS)) {
            throw bad("--packs: must be within [1, " + MAX_PACKS + "], was " + packs);
        }
        if (years != null && (years < 1 || years > MAX_YEARS)) {
            throw bad("--years: must be within [1, " + MAX_YEARS + "], was " + years);
        }
        int nThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (nThreads < 1 || nThreads > MAX_THREADS) {
            throw bad("--threads: must be within [1, " + MAX_THREADS + "], was " + nThreads);
        }
        FleetSpec fleetSpec = loadFleet();
        if (packs != null) {
            fleetSpec = fleetSpec.withPacks(packs);
        } else if (fleetSpec.packs() > MAX_PACKS) {
            throw bad("--packs: the fleet spec's " + fleetSpec.packs() + " packs exceed " + MAX_PACKS + "; give --packs");
        }
        if (years != null) {
            fleetSpec = fleetSpec.withYears(years);
        }
        if (chemistry != null) {
            try {
                fleetSpec = fleetSpec.withChemistry(org.ssbtwin.fleet.ageing.Chemistry.parse(chemistry));
            } catch (IllegalArgumentException e) {
                throw bad("--chemistry: " + e.getMessage());
            }
        }
        Path dir = out != null ? out : Path.of("study-" + fleetLabel() + "-" + seed);
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw bad("--out: " + dir + " exists and is not a directory");
        }
        Files.createDirectories(dir);

        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "fleet %s (%s): %d packs x %d years, seed %d, %d threads%n", fleetLabel(),
                fleetSpec.ageing().chemistry().id(), fleetSpec.packs(), fleetSpec.years(), seed, nThreads);
        stdout.flush();
        long t0 = System.nanoTime();
        FleetStudyResult result;
        try (ProgressBar bar = progressBar(fleetSpec.packs())) {
            StudyProgress progress = bar == null ? StudyProgress.NONE : (done, total) -> {
                synchronized (bar) {
                    if (done > bar.getCurrent()) {
                        bar.stepTo(done);
                    }
                }
            };
            result = FleetStudy.run(fleetSpec, seed, nThreads, progress, () -> false);
        }
        double wall = (System.nanoTime() - t0) / 1e9;

        Files.write(dir.resolve("result.json"), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(result));
        Files.writeString(dir.resolve("result.csv"), result.toCsv(), StandardCharsets.UTF_8);
        Files.write(dir.resolve("soh.png"), SohChart.png(result, chartTitle(fleetSpec)));

        stdout.print(StudySummary.table(result));
        stdout.printf(Locale.ROOT, "%d pack-days in %.1f s; wrote %s (result.json, result.csv, soh.png)%n",
                result.packDays(), wall, dir.toAbsolutePath().normalize());
        stdout.flush();
        return 0;
    }

    private FleetSpec loadFleet() {
        try {
            return FleetSpecs.byNameOrFile(fleet);
        } catch (FleetSpecValidationException e) {
            throw bad("--fleet: invalid fleet spec " + fleet + ":\n  " + String.join("\n  ", e.problems()));
        } catch (IllegalArgumentException e) {
            throw bad("--fleet: " + e.getMessage() + " (bundled fleets: " + FleetSpecs.bundledNames() + ")");
        }
    }

    private String fleetLabel() {
        if (FleetSpecs.isBundled(fleet)) {
            return fleet;
        }
        String name = Path.of(fleet).getFileName().toString();
        return name.endsWith(".conf") ? name.substring(0, name.length() - 5) : name;
    }

    private String chartTitle(FleetSpec s) {
        return String.format(Locale.ROOT, "%s: %,d packs, seed %d", fleetLabel(), s.packs(), seed);
    }

    /** A progress bar on standard error when it is a terminal; none otherwise (pipes, CI, tests). */
    private static ProgressBar progressBar(long total) {
        if (System.console() == null) {
            return null;
        }
        return new ProgressBarBuilder().setTaskName("packs").setInitialMax(total).setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).showSpeed().build();
    }

    private ParameterException bad(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
