package org.ssbtwin.api.scenario;

import java.time.Duration;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.ssbtwin.api.http.ApiModule;
import org.ssbtwin.api.readside.AssetDirectory;
import org.ssbtwin.config.ScenarioSettings;
import org.ssbtwin.config.scenario.ScenarioLoader;
import org.ssbtwin.core.time.TwinClock;

/**
 * {@code /api/v1/scenarios}: {@code GET /bundled} lists the bundled scenarios; the rest is the
 * {@link org.ssbtwin.api.jobs.JobResource} of {@link ScenarioJobs}: {@code POST} queues a what-if job
 * (202 + Location), {@code GET} lists jobs, {@code GET /{id}} shows progress then the comparison,
 * {@code GET /{id}/result.csv} and {@code /{id}/chart.png} serve its outputs, {@code DELETE /{id}} cancels.
 */
public final class ScenarioRoutes extends AllDirectives implements ApiModule {
    static final String BASE = "/api/v1/scenarios";

    private final ScenarioJobs jobs;

    public ScenarioRoutes(ScenarioJobs jobs) {
        this.jobs = jobs;
    }

    /** The module of a twin node: settings from {@code twin.scenarios}, live base from the read side and sharding. */
    public static ScenarioRoutes create(ActorSystem<?> system, ClusterSharding sharding, AssetDirectory directory,
                                        TwinClock clock, Duration askTimeout) {
        ScenarioSettings settings = ScenarioSettings.from(system.settings().config());
        ScenarioJobs jobs = new ScenarioJobs(settings, ScenarioJobs.withLive(settings,
                new LiveBase(sharding, directory, clock::now, askTimeout)));
        system.getWhenTerminated().thenRun(jobs::close);
        return new ScenarioRoutes(jobs);
    }

    public ScenarioJobs jobs() {
        return jobs;
    }

    @Override
    public Route routes() {
        return pathPrefix("scenarios", () -> jobs.routes(Map.of("bundled", ScenarioLoader::bundled)));
    }
}
