package org.ssbtwin.api.scenario;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.ssbtwin.api.jobs.BackgroundJob;
import org.ssbtwin.fleet.whatif.InvalidScenarioException;
import org.ssbtwin.fleet.whatif.Scenario;
import org.ssbtwin.fleet.whatif.ScenarioBase;
import org.ssbtwin.fleet.whatif.ScenarioComparison;
import org.ssbtwin.fleet.whatif.ScenarioEngine;

/**
 * One what-if scenario as a background job (lifecycle in {@link BackgroundJob}): resolves its base into a sandbox
 * copy, runs both arms, and when DONE serves the comparison, its CSV and chart. An invalid scenario found while
 * resolving (e.g. a live base without live packs) fails the job with its message.
 */
public final class ScenarioJob extends BackgroundJob<ScenarioComparison> {
    private final Scenario scenario;
    private final ScenarioJobs.BaseResolver resolver;
    private final ScenarioEngine.Options options;
    private volatile double progress;

    ScenarioJob(String id, Scenario scenario, ScenarioJobs.BaseResolver resolver, ScenarioEngine.Options options, Clock clock) {
        super(id, clock);
        this.scenario = scenario;
        this.resolver = resolver;
        this.options = options;
    }

    public Scenario scenario() {
        return scenario;
    }

    @Override
    public String path() {
        return ScenarioRoutes.BASE + "/" + id();
    }

    @Override
    protected double runningProgress() {
        return progress;
    }

    @Override
    protected Outputs<ScenarioComparison> compute(BooleanSupplier cancelled) {
        ScenarioBase base = resolver.resolve(scenario, cancelled);
        ScenarioComparison r = ScenarioEngine.run(scenario, base, options,
                f -> progress = Math.max(progress, Math.min(0.99, f)), cancelled);
        return new Outputs<>(r, r.toCsv().getBytes(StandardCharsets.UTF_8), ScenarioChart.png(r));
    }

    @Override
    protected String userFacingFailure(RuntimeException e) {
        return e instanceof InvalidScenarioException ? e.getMessage() : null;
    }

    /** The job as the API shows it (see {@link org.ssbtwin.api.jobs.JobResource#view}). */
    ScenarioJobView view(Snapshot<ScenarioComparison> s, Map<String, String> links, ScenarioComparison result) {
        return new ScenarioJobView(id(), s.status(), s.progress(), scenario, s.submittedAt(), s.startedAt(),
                s.finishedAt(), s.error(), links, result);
    }
}
