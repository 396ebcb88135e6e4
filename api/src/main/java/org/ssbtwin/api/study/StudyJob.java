package org.ssbtwin.api.study;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ssbtwin.core.fleet.FleetStudy;
import org.ssbtwin.core.fleet.FleetStudyResult;

/**
 * One study job: runs on a {@link StudyJobs} pool thread, publishes its progress and, when DONE, its result with the
 * CSV and PNG rendered once. Thread-safe: the state is written by the job's thread and read by the routes.
 */
public final class StudyJob implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(StudyJob.class);

    private final String id;
    private final StudyRequest request;
    private final int threads;
    private final Clock clock;
    private final Instant submittedAt;
    private final AtomicLong packsDone = new AtomicLong();
    private volatile boolean cancelRequested;
    private volatile StudyStatus status = StudyStatus.QUEUED;
    private volatile Instant startedAt;
    private volatile Instant finishedAt;
    private volatile String error;
    private volatile Done done;

    /** The outputs of a finished study. */
    record Done(FleetStudyResult result, byte[] csv, byte[] png) {}

    StudyJob(String id, StudyRequest request, int threads, Clock clock) {
        this.id = id;
        this.request = request;
        this.threads = threads;
        this.clock = clock;
        this.submittedAt = clock.instant();
    }

    public String id() {
        return id;
    }

    public StudyStatus status() {
        return status;
    }

    public String path() {
        return "/api/v1/studies/" + id;
    }

    /** The CSV of a DONE job, else null. */
    public byte[] csv() {
        Done d = done;
        return d == null ? null : d.csv();
    }

    /** The SoH chart (PNG) of a DONE job, else null. */
    public byte[] png() {
        Done d = done;
        return d == null ? null : d.png();
    }

    public double progress() {
        if (status == StudyStatus.DONE) {
            return 1.0;
        }
        return Math.min(1.0, packsDone.get() / (double) request.spec().packs());
    }

    /**
     * Asks the job to stop: a queued job is CANCELLED at once, a running one when its workers next look (every 256
     * packs). Returns false if the job had already finished.
     */
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

    /** Seconds until this running job probably finishes, from its progress so far; null when unknown. */
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
                return; // cancelled while queued
            }
            status = StudyStatus.RUNNING;
            startedAt = clock.instant();
        }
        try {
            FleetStudyResult result = FleetStudy.run(request.spec(), request.seed(), threads,
                    (n, total) -> packsDone.accumulateAndGet(n, Math::max), () -> cancelRequested);
            String title = String.format(Locale.ROOT, "%s: %,d packs, seed %d", request.fleet(), request.spec().packs(),
                    request.seed());
            Done d = new Done(result, result.toCsv().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    SohChart.png(result, title));
            synchronized (this) {
                done = d;
                finish(StudyStatus.DONE, null);
            }
        } catch (CancellationException e) {
            finish(StudyStatus.CANCELLED, null);
        } catch (RuntimeException | Error e) {
            log.error("study {} failed", id, e);
            finish(StudyStatus.FAILED, e.toString());
        }
    }

    private synchronized void finish(StudyStatus s, String why) {
        error = why;
        finishedAt = clock.instant();
        status = s;
    }

    /** The job as the API shows it; the result only if asked for and DONE. */
    public StudyJobView view(boolean withResult) {
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
            links.put("png", path() + "/soh.png");
        }
        return new StudyJobView(id, s, request.fleet(), request.spec().packs(), request.spec().years(),
                request.seed(), s == StudyStatus.DONE ? 1.0 : progress(), submittedAt, startedAt, finishedAt, error,
                links, withResult && d != null ? d.result() : null);
    }
}
