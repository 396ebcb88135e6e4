package org.ssbtwin.api.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.BooleanSupplier;
import org.ssbtwin.api.jobs.BackgroundJobs;
import org.ssbtwin.api.jobs.JobKind;
import org.ssbtwin.api.jobs.JobResource;
import org.ssbtwin.config.ScenarioSettings;
import org.ssbtwin.config.plant.PlantLayoutLoader;
import org.ssbtwin.config.scenario.ScenarioLoader;
import org.ssbtwin.fleet.usage.FleetSpec;
import org.ssbtwin.plant.layout.PlantLayout;
import org.ssbtwin.fleet.whatif.InvalidScenarioException;
import org.ssbtwin.fleet.whatif.Scenario;
import org.ssbtwin.fleet.whatif.ScenarioBase;
import org.ssbtwin.fleet.whatif.ScenarioComparison;

/**
 * What-if scenarios as a job resource ({@link JobResource} on {@link BackgroundJobs}: {@code twin.scenarios.max-concurrent}
 * job threads at a lower priority than the actors, each run using {@code threads} fleet workers, one more refused
 * with a Retry-After, the newest finished ones kept in memory; a scenario's chart is {@code chart.png}), with the
 * resolvers of their bases.
 */
public final class ScenarioJobs extends JobResource<Scenario, ScenarioComparison, ScenarioJob> {
    /** Resolves a scenario's base into a sandbox copy (may read the live twin; runs on the job's thread). */
    @FunctionalInterface
    public interface BaseResolver {
        ScenarioBase resolve(Scenario scenario, BooleanSupplier cancelled);
    }

    private final ScenarioSettings settings;

    public ScenarioJobs(ScenarioSettings settings, BaseResolver resolver) {
        super(new JobKind<>("scenario", "scenarios", ScenarioRoutes.BASE, "chart", "chart.png",
                "twin.scenarios.max-concurrent", settings.maxConcurrent(), Thread.NORM_PRIORITY - 1,
                body -> ScenarioRequest.parse(body, settings),
                (id, scenario) -> new ScenarioJob(id, scenario, resolver, settings.engineOptions(), Clock.systemUTC()),
                ScenarioJobs::describe, ScenarioJob::view));
        this.settings = settings;
    }

    /** Resolver for bundled bases only (the CLI); the live base needs a running twin. */
    public static BaseResolver bundledOnly(ScenarioSettings settings) {
        return (s, cancelled) -> {
            if (s.isLive()) {
                throw new InvalidScenarioException("base", "base \"live\" needs a running twin; use bundled:<fleet> here");
            }
            return ScenarioBase.bundled(s.base(), plantLayout(settings), ScenarioLoader.fleetFor(s));
        };
    }

    /** Resolver for both bases: live packs come from {@code live}. */
    public static BaseResolver withLive(ScenarioSettings settings, LiveBase live) {
        BaseResolver bundled = bundledOnly(settings);
        return (s, cancelled) -> {
            if (!s.isLive()) {
                return bundled.resolve(s, cancelled);
            }
            FleetSpec fleet = ScenarioLoader.fleetFor(s);
            return ScenarioBase.live(plantLayout(settings), fleet, live.packs(s.population(), s.seed(), fleet, cancelled));
        };
    }

    /** The configured plant layout: a file if one exists at that path, else a bundled resource. */
    public static PlantLayout plantLayout(ScenarioSettings settings) {
        Path f = Path.of(settings.plantLayout());
        return Files.isRegularFile(f) ? PlantLayoutLoader.loadFile(f) : PlantLayoutLoader.loadResource(settings.plantLayout());
    }

    public ScenarioSettings settings() {
        return settings;
    }

    private static String describe(ScenarioJob job) {
        Scenario s = job.scenario();
        return s.name() + " on " + s.base() + ", " + s.population().sampleSize() + " packs x " + s.horizonYears()
                + " years, seed " + s.seed();
    }
}
