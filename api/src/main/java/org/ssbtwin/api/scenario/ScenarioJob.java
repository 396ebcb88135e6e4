package org.ssbtwin.api.scenario;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ssbtwin.api.study.StudyStatus;
import org.ssbtwin.core.whatif.InvalidScenarioException;
import org.ssbtwin.core.whatif.Scenario;
import org.ssbtwin.core.whatif.ScenarioBase;
import org.ssbtwin.core.whatif.ScenarioComparison;
import org.ssbtwin.core.whatif.ScenarioEngine;

/**
 * One what-if job: resolves its base into a sandbox copy, runs both arms on a {@link ScenarioJobs} pool thread,
 * publishes progress and, when DONE, the comparison with its CSV and PNG rendered once. Thread-safe.
 */
public final class ScenarioJob implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(ScenarioJob.class);

    private final String id;
    private final Scenario scenario;
    private final ScenarioJobs.BaseResolver resolver;
    private final ScenarioEngine.Options options;
    private final Clock clock;
    private final Instant submittedAt;
    private volatile double progress;
    private volatile boolean cancelRequested;
    private volatile StudyStatus status = StudyStatus.QUEUED;
    private volatile Instant startedAt;
    private volatile Instant finishedAt;
    private volatile String error;
    private volatile Done done;

    record Done(ScenarioComparison result, byte[] csv, byte[] png) {}

    ScenarioJob(String id, Scenario scenario, ScenarioJobs.BaseResolver resolver, ScenarioEngine.Options options, Clock clock) {
        this.id = id;
        this.scenario = scenario;
        this.resolver = resolver;
        this.options = options;
        this.clock = clock;
        this.submittedAt = clock.instant();
    }

    public String id() {
        return id;
    }

    public StudyStatus status() {
        return status;
    }

    public Scenario scenario() {
        return scenario;
    }

    public String path() {
        return ScenarioRoutes.BASE + "/" + id;
    }

    public byte[] csv() {
        Done d = done;
        return d == null ? null : d.csv();
    }

    public byte[] png() {
        Done d = done;
        return d == null ? null : d.png();
    }

    public double progress() {
        return status == StudyStatus.DONE ? 1.0 : Math.min(1.0, progress);
    }

    /** A queued job is CANCELLED at once, a running one at its next check; false if it had already finished. */
    synchronized boolean cancel() {
        if (!status.active()) {
            return false;
        }
        cancelRequested = true;
        if (status == StudyStatus.QUEUED) {
            finish(StudyStatus.CANCELLED, null);
        }
        return true;
    }

    Long secondsLeft() {
        Instant started = startedAt;
        double p = progress();
        if (status != StudyStatus.RUNNING || started == null || p < 0.02) {
            return null;
        }
        double elapsed = Duration.between(started, clock.instant()).toMillis() / 1000.0;
        return (long) Math.ceil(elapsed * (1 - p) / p);
    }

    @Override
    public void run() {
        synchronized (this) {
            if (status != StudyStatus.QUEUED) {
                return;
            }
            status = StudyStatus.RUNNING;
            startedAt = clock.instant();
        }
        try {
            ScenarioBase base = resolver.resolve(scenario, () -> cancelRequested);
            ScenarioComparison r = ScenarioEngine.run(scenario, base, options,
                    f -> progress = Math.max(progress, Math.min(0.99, f)), () -> cancelRequested);
            Done d = new Done(r, r.toCsv().getBytes(StandardCharsets.UTF_8), ScenarioChart.png(r));
            synchronized (this) {
                done = d;
                finish(StudyStatus.DONE, null);
            }
        } catch (CancellationException e) {
            finish(StudyStatus.CANCELLED, null);
        } catch (InvalidScenarioException e) {
            finish(StudyStatus.FAILED, e.getMessage());
        } catch (RuntimeException | Error e) {
            log.error("scenario {} failed", id, e);
            finish(StudyStatus.FAILED, e.toString());
        }
    }

    private synchronized void finish(StudyStatus s, String why) {
        error = why;
        finishedAt = clock.instant();
        status = s;
    }

    public ScenarioJobView view(boolean withResult) {
        StudyStatus s;
        Done d;
        synchronized (this) {
            s = status;
            d = done;
        }
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", path());
        if (s == StudyStatus.DONE) {
            links.put("csv", path() + "/result.csv");
            links.put("chart", path() + "/chart.png");
        }
        return new ScenarioJobView(id, s, s == StudyStatus.DONE ? 1.0 : progress(), scenario, submittedAt, startedAt,
                finishedAt, error, links, withResult && d != null ? d.result() : null);
    }
}
