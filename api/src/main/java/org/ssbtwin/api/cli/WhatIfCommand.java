package org.ssbtwin.api.cli;

import com.typesafe.config.ConfigFactory;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.ssbtwin.api.http.Json;
import org.ssbtwin.api.scenario.ScenarioChart;
import org.ssbtwin.api.scenario.ScenarioJobs;
import org.ssbtwin.config.ScenarioSettings;
import org.ssbtwin.config.scenario.ScenarioLoader;
import org.ssbtwin.fleet.whatif.FieldEffect;
import org.ssbtwin.fleet.whatif.FleetYear;
import org.ssbtwin.fleet.whatif.InvalidScenarioException;
import org.ssbtwin.fleet.whatif.PlantOutcome;
import org.ssbtwin.fleet.whatif.Scenario;
import org.ssbtwin.fleet.whatif.ScenarioBase;
import org.ssbtwin.fleet.whatif.ScenarioComparison;
import org.ssbtwin.fleet.whatif.ScenarioEngine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code twin what-if --scenario file | --bundled name}: runs a scenario against a bundled base in a sandbox and prints
 * the baseline-vs-scenario comparison table (plant, fleet per year, warranty claims, field effect).
 */
@Command(name = "what-if", mixinStandardHelpOptions = true,
        description = "Run a what-if scenario (baseline vs scenario, common random numbers) and print the comparison table.")
public final class WhatIfCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    static final class Source {
        @Option(names = "--scenario", description = "HOCON file with a scenario { ... } block")
        Path file;

        @Option(names = "--bundled", description = "a bundled scenario: hot-climate-fast-charging, dry-room-excursion, lamination-window-shift")
        String bundled;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--seed", description = "override the scenario's seed")
    Long seed;

    @Option(names = "--horizon-years", description = "override the scenario's horizon")
    Integer horizonYears;

    @Option(names = "--sample-size", description = "override the population's sample size")
    Integer sampleSize;

    @Option(names = "--threads", description = "fleet worker threads (default twin.scenarios.threads); does not change the result")
    Integer threads;

    @Option(names = "--plant-layout", description = "plant layout resource or file (default twin.scenarios.plant-layout)")
    String plantLayout;

    @Option(names = "--plant-days", description = "days of the plant KPI window (default twin.scenarios.plant-days)")
    Integer plantDays;

    @Option(names = "--out", description = "also write result.json, result.csv and chart.png into this directory")
    Path out;

    @Override
    public Integer call() throws Exception {
        ScenarioSettings base = ScenarioSettings.from(ConfigFactory.load());
        if (threads != null && (threads < 1 || threads > 256)) throw bad("--threads: must be within [1, 256], was " + threads);
        if (plantDays != null && (plantDays < 1 || plantDays > 365)) throw bad("--plant-days: must be within [1, 365], was " + plantDays);
        ScenarioSettings settings = new ScenarioSettings(base.maxConcurrent(), base.maxPopulation(), base.maxHorizonYears(),
                threads == null ? Math.max(1, Runtime.getRuntime().availableProcessors()) : threads,
                plantLayout == null ? base.plantLayout() : plantLayout, base.plantWarmupDays(),
                plantDays == null ? base.plantDays() : plantDays);
        String what = source.file != null ? "--scenario " + source.file : "--bundled";
        Scenario s;
        try {
            s = source.file != null ? ScenarioLoader.loadFile(source.file) : ScenarioLoader.loadBundled(source.bundled);
            if (seed != null) s = s.withSeed(seed);
            if (horizonYears != null) s = s.withHorizonYears(horizonYears);
            if (sampleSize != null) s = s.withPopulation(s.population().withSampleSize(sampleSize));
            s.validate(settings.limits());
        } catch (InvalidScenarioException e) {
            throw bad(what + ": " + e.getMessage());
        } catch (com.typesafe.config.ConfigException e) {
            throw bad(what + ": " + e.getMessage());
        }
        ScenarioBase sandbox;
        try {
            sandbox = ScenarioJobs.bundledOnly(settings).resolve(s, () -> false);
        } catch (IllegalArgumentException e) {
            throw bad((plantLayout != null ? "--plant-layout / " : "") + what + ": " + e.getMessage());
        }
        ScenarioComparison r = ScenarioEngine.run(s, sandbox, settings.engineOptions());
        PrintWriter w = spec.commandLine().getOut();
        w.print(table(s, r));
        w.flush();
        if (out != null) {
            Files.createDirectories(out);
            Files.write(out.resolve("result.json"), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(r));
            Files.writeString(out.resolve("result.csv"), r.toCsv(), StandardCharsets.UTF_8);
            Files.write(out.resolve("chart.png"), ScenarioChart.png(r));
            w.println("wrote " + out.resolve("result.json") + ", result.csv, chart.png");
            w.flush();
        }
        return 0;
    }

    private ParameterException bad(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** The aligned comparison table. */
    public static String table(Scenario s, ScenarioComparison r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "what-if %s on %s: %d packs x %d years, seed %d%n", s.name(), s.base(),
                r.fleet().packs(), r.horizonYears(), r.seed()));
        if (!s.description().isBlank()) sb.append("  ").append(s.description()).append('\n');
        sb.append(String.format(Locale.ROOT, "%nPLANT (%s, %d days at steady state)%n", r.plant().layout(), r.plant().days()));
        String f = "  %-28s %14s %14s %14s%n";
        sb.append(String.format(Locale.ROOT, f, "", "baseline", "scenario", "delta"));
        PlantOutcome b = r.plant().baseline();
        PlantOutcome c = r.plant().scenario();
        sb.append(String.format(Locale.ROOT, f, "output GWh/year", num(b.gwhPerYear(), 3), num(c.gwhPerYear(), 3),
                num(c.gwhPerYear() - b.gwhPerYear(), 3)));
        sb.append(String.format(Locale.ROOT, f, "first-pass yield", pct(b.firstPassYield()), pct(c.firstPassYield()),
                pct(c.firstPassYield() - b.firstPassYield())));
        TreeSet<String> causes = new TreeSet<>(b.scrapByCause().keySet());
        causes.addAll(c.scrapByCause().keySet());
        for (String cause : causes) {
            long x = b.scrapByCause().getOrDefault(cause, 0L);
            long y = c.scrapByCause().getOrDefault(cause, 0L);
            sb.append(String.format(Locale.ROOT, f, "scrap " + cause, x, y, y - x));
        }
        sb.append(String.format(Locale.ROOT, f, "bottleneck", b.bottleneck(), c.bottleneck(), ""));

        sb.append(String.format(Locale.ROOT, "%nFLEET (SoH = capacity fraction of rated; shares of packs)%n"));
        String g = "  %4s %9s %9s %9s %9s %9s %9s %9s %9s %9s %9s%n";
        sb.append(String.format(Locale.ROOT, g, "year", "p5 base", "p5 scen", "p50 base", "p50 scen", "p95 base",
                "p95 scen", "<80% base", "<80% scen", "<70% base", "<70% scen"));
        for (FleetYear y : r.fleet().years()) {
            sb.append(String.format(Locale.ROOT, g, y.year(), num(y.baseline().p5(), 4), num(y.scenario().p5(), 4),
                    num(y.baseline().p50(), 4), num(y.scenario().p50(), 4), num(y.baseline().p95(), 4),
                    num(y.scenario().p95(), 4), pct(y.baseline().below80()), pct(y.scenario().below80()),
                    pct(y.baseline().below70()), pct(y.scenario().below70())));
        }
        sb.append(String.format(Locale.ROOT, f, "warranty claims (packs)", num(r.fleet().warrantyClaims().baseline(), 0),
                num(r.fleet().warrantyClaims().scenario(), 0), num(r.fleet().warrantyClaims().delta(), 0)));
        FieldEffect e = r.fieldEffect();
        sb.append(String.format(Locale.ROOT, "%nFIELD EFFECT of the plant change (%s, %d packs, via cell genealogy)%n",
                e.cohort(), e.packs()));
        sb.append(String.format(Locale.ROOT, f, "first-pass yield now", pct(e.firstPassYield().baseline()),
                pct(e.firstPassYield().scenario()), pct(e.firstPassYield().delta())));
        sb.append(String.format(Locale.ROOT, f, "interface resistance factor", num(e.meanInterfaceResistanceFactor().baseline(), 4),
                num(e.meanInterfaceResistanceFactor().scenario(), 4), num(e.meanInterfaceResistanceFactor().delta(), 4)));
        sb.append(String.format(Locale.ROOT, f, "SoH p50 at year " + e.year(), num(e.sohP50().baseline(), 4),
                num(e.sohP50().scenario(), 4), num(e.sohP50().delta(), 4)));
        sb.append(String.format(Locale.ROOT, f, "mean SoH at year " + e.year(), num(e.meanSoh().baseline(), 4),
                num(e.meanSoh().scenario(), 4), num(e.meanSoh().delta(), 4)));
        return sb.toString();
    }

    private static String num(double v, int decimals) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f%%", 100 * v);
    }
}
