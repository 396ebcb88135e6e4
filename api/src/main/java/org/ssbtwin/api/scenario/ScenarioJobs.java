package org.ssbtwin.api.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ssbtwin.api.jobs.BackgroundJobs;
import org.ssbtwin.config.ScenarioSettings;
import org.ssbtwin.config.plant.PlantLayoutLoader;
import org.ssbtwin.config.scenario.ScenarioLoader;
import org.ssbtwin.fleet.usage.FleetSpec;
import org.ssbtwin.plant.layout.PlantLayout;
import org.ssbtwin.fleet.whatif.InvalidScenarioException;
import org.ssbtwin.fleet.whatif.Scenario;
import org.ssbtwin.fleet.whatif.ScenarioBase;

/**
 * What-if scenarios as background jobs ({@link BackgroundJobs}: {@code twin.scenarios.max-concurrent} job threads at
 * a lower priority than the actors, each run using {@code threads} fleet workers, one more refused with a
 * Retry-After, the newest finished ones kept in memory), with the resolvers of their bases.
 */
public final class ScenarioJobs implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ScenarioJobs.class);
    /** Resolves a scenario's base into a sandbox copy (may read the live twin; runs on the job's thread). */
    @FunctionalInterface
    public interface BaseResolver {
        ScenarioBase resolve(Scenario scenario, BooleanSupplier cancelled);
    }

    private final ScenarioSettings settings;
    private final BaseResolver resolver;
    private final Clock clock;
    private final BackgroundJobs<ScenarioJob> jobs;

    public ScenarioJobs(ScenarioSettings settings, BaseResolver resolver) {
        this.settings = settings;
        this.resolver = resolver;
        this.clock = Clock.systemUTC();
        this.jobs = new BackgroundJobs<>("scenario", "scenarios", "twin.scenarios.max-concurrent", settings.maxConcurrent(),
                Thread.NORM_PRIORITY - 1);
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

    /** Queues a scenario; throws {@link BackgroundJobs.TooManyJobsException} when {@code max-concurrent} jobs are active. */
    public ScenarioJob submit(Scenario scenario) {
        ScenarioJob job = jobs.submit(id -> new ScenarioJob(id, scenario, resolver, settings.engineOptions(), clock));
        log.info("scenario {} queued: {} on {}, {} packs x {} years, seed {}", job.id(), scenario.name(), scenario.base(),
                scenario.population().sampleSize(), scenario.horizonYears(), scenario.seed());
        return job;
    }

    public Optional<ScenarioJob> get(String id) {
        return jobs.get(id);
    }

    public List<ScenarioJob> list() {
        return jobs.list();
    }

    public Optional<Boolean> cancel(String id) {
        return jobs.cancel(id);
    }

    @Override
    public void close() {
        jobs.close();
    }
}
