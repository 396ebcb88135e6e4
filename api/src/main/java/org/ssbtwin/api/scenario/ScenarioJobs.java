package org.ssbtwin.api.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ssbtwin.config.ScenarioSettings;
import org.ssbtwin.config.plant.PlantLayoutLoader;
import org.ssbtwin.config.scenario.ScenarioLoader;
import org.ssbtwin.core.fleet.FleetSpec;
import org.ssbtwin.core.plant.PlantLayout;
import org.ssbtwin.core.whatif.InvalidScenarioException;
import org.ssbtwin.core.whatif.Scenario;
import org.ssbtwin.core.whatif.ScenarioBase;

/**
 * What-if scenarios as background jobs on a dedicated bounded pool ({@code max-concurrent} job threads, each run
 * using {@code threads} fleet workers) - never on the actors' dispatcher, so live queries keep their latency. At most
 * {@code max-concurrent} jobs are queued or running; one more is refused with {@link TooManyScenariosException}.
 * Finished jobs are kept in memory (the newest {@value #RETAINED_FINISHED}).
 */
public final class ScenarioJobs implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ScenarioJobs.class);
    public static final int RETAINED_FINISHED = 100;
    static final long DEFAULT_RETRY_AFTER_SECONDS = 30;

    /** Resolves a scenario's base into a sandbox copy (may read the live twin; runs on the job's thread). */
    @FunctionalInterface
    public interface BaseResolver {
        ScenarioBase resolve(Scenario scenario, BooleanSupplier cancelled);
    }

    public static final class TooManyScenariosException extends RuntimeException {
        private final long retryAfterSeconds;

        TooManyScenariosException(String message, long retryAfterSeconds) {
            super(message);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    private final ScenarioSettings settings;
    private final BaseResolver resolver;
    private final ThreadPoolExecutor pool;
    private final Clock clock;
    private final Map<String, ScenarioJob> jobs = new LinkedHashMap<>();

    public ScenarioJobs(ScenarioSettings settings, BaseResolver resolver) {
        this.settings = settings;
        this.resolver = resolver;
        this.clock = Clock.systemUTC();
        AtomicInteger n = new AtomicInteger();
        int size = settings.maxConcurrent();
        this.pool = new ThreadPoolExecutor(size, size, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(Math.max(16, 4 * size)), r -> {
                    Thread t = new Thread(r, "scenario-job-" + n.incrementAndGet());
                    t.setDaemon(true);
                    t.setPriority(Thread.NORM_PRIORITY - 1);
                    return t;
                });
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

    public synchronized ScenarioJob submit(Scenario scenario) {
        long active = jobs.values().stream().filter(j -> j.status().active()).count();
        if (active >= settings.maxConcurrent()) {
            throw new TooManyScenariosException(active + " scenarios are queued or running (at most "
                    + settings.maxConcurrent() + ", twin.scenarios.max-concurrent); retry later", retryAfterSeconds());
        }
        ScenarioJob job = new ScenarioJob(UUID.randomUUID().toString(), scenario, resolver, settings.engineOptions(), clock);
        try {
            pool.execute(job);
        } catch (RejectedExecutionException e) {
            throw new TooManyScenariosException("the scenario pool is saturated or shutting down; retry later",
                    DEFAULT_RETRY_AFTER_SECONDS);
        }
        jobs.put(job.id(), job);
        evictFinished();
        log.info("scenario {} queued: {} on {}, {} packs x {} years, seed {}", job.id(), scenario.name(), scenario.base(),
                scenario.population().sampleSize(), scenario.horizonYears(), scenario.seed());
        return job;
    }

    public synchronized Optional<ScenarioJob> get(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    public synchronized List<ScenarioJob> list() {
        return new ArrayList<>(jobs.values());
    }

    public Optional<Boolean> cancel(String id) {
        return get(id).map(ScenarioJob::cancel);
    }

    private long retryAfterSeconds() {
        long best = Long.MAX_VALUE;
        for (ScenarioJob j : jobs.values()) {
            Long s = j.secondsLeft();
            if (s != null) {
                best = Math.min(best, s);
            }
        }
        return best == Long.MAX_VALUE ? DEFAULT_RETRY_AFTER_SECONDS : Math.max(1, Math.min(3600, best));
    }

    private void evictFinished() {
        long finished = jobs.values().stream().filter(j -> !j.status().active()).count();
        for (Iterator<ScenarioJob> it = jobs.values().iterator(); it.hasNext() && finished > RETAINED_FINISHED; ) {
            if (!it.next().status().active()) {
                it.remove();
                finished--;
            }
        }
    }

    @Override
    public void close() {
        list().forEach(ScenarioJob::cancel);
        pool.shutdownNow();
    }
}
