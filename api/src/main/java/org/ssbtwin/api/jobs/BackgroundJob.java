package org.ssbtwin.api.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ssbtwin.api.jobs.JobStatus;

/**
 * The life of one background job (a fleet study, a what-if scenario): QUEUED on a {@link BackgroundJobs} pool,
 * RUNNING on its thread, then DONE with its result and the CSV and PNG rendered once, FAILED with why, or CANCELLED.
 * Subclasses say what the job computes and how far it is; the lifecycle, cancellation and the time-left estimate live
 * here once. Thread-safe: the state is written by the job's thread and read by the routes.
 *
 * @param <R> the job's result
 */
public abstract class BackgroundJob<R> implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(BackgroundJob.class);

    /** What a finished job serves: its result, as CSV, as a chart. */
    public record Outputs<R>(R result, byte[] csv, byte[] png) {}

    /** A consistent read of the job for a view. */
    public record Snapshot<R>(JobStatus status, double progress, R result, Instant submittedAt, Instant startedAt,
                                 Instant finishedAt, String error) {}

    private final String id;
    private final Clock clock;
    private final Instant submittedAt;
    private volatile boolean cancelRequested;
    private volatile JobStatus status = JobStatus.QUEUED;
    private volatile Instant startedAt;
    private volatile Instant finishedAt;
    private volatile String error;
    private volatile Outputs<R> outputs;

    protected BackgroundJob(String id, Clock clock) {
        this.id = id;
        this.clock = clock;
        this.submittedAt = clock.instant();
    }

    /** Runs the job (on its pool thread): stops with a {@link CancellationException} once {@code cancelled} is true. */
    protected abstract Outputs<R> compute(BooleanSupplier cancelled);

    /** Progress of a running job, 0..1 (a DONE job reports 1). */
    protected abstract double runningProgress();

    /**
     * The error a failure is reported with: the message of a failure the user caused (e.g. an invalid scenario),
     * else null for an internal failure (logged with its stack trace, reported as the exception's text).
     */
    protected String userFacingFailure(RuntimeException e) {
        return null;
    }

    /** The job's resource path in the API. */
    public abstract String path();

    public final String id() {
        return id;
    }

    public final JobStatus status() {
        return status;
    }

    /** The CSV of a DONE job, else null. */
    public final byte[] csv() {
        Outputs<R> o = outputs;
        return o == null ? null : o.csv();
    }

    /** The chart (PNG) of a DONE job, else null. */
    public final byte[] png() {
        Outputs<R> o = outputs;
        return o == null ? null : o.png();
    }

    /** How long a finished job ran (queued time excluded); empty while queued or running, or if cancelled while queued. */
    public final java.util.Optional<Duration> runTime() {
        Instant started = startedAt;
        Instant finished = finishedAt;
        if (status.active() || started == null || finished == null) return java.util.Optional.empty();
        return java.util.Optional.of(Duration.between(started, finished));
    }

    public final double progress() {
        return status == JobStatus.DONE ? 1.0 : Math.max(0.0, Math.min(1.0, runningProgress()));
    }

    /**
     * Asks the job to stop: a queued job is CANCELLED at once, a running one when it next looks. Returns false if the
     * job had already finished.
     */
    public final synchronized boolean cancel() {
        if (!status.active()) return false;
        cancelRequested = true;
        if (status == JobStatus.QUEUED) finish(JobStatus.CANCELLED, null);
        return true;
    }

    /** Seconds until this running job probably finishes, from its progress so far; null when unknown. */
    final Long secondsLeft() {
        Instant started = startedAt;
        double p = progress();
        if (status != JobStatus.RUNNING || started == null || p < 0.02) return null;
        double elapsed = Duration.between(started, clock.instant()).toMillis() / 1000.0;
        return (long) Math.ceil(elapsed * (1 - p) / p);
    }

    @Override
    public final void run() {
        synchronized (this) {
            if (status != JobStatus.QUEUED) return; // cancelled while queued
            status = JobStatus.RUNNING;
            startedAt = clock.instant();
        }
        try {
            Outputs<R> o = compute(() -> cancelRequested);
            synchronized (this) {
                outputs = o;
                finish(JobStatus.DONE, null);
            }
        } catch (CancellationException e) {
            finish(JobStatus.CANCELLED, null);
        } catch (RuntimeException e) {
            String why = userFacingFailure(e);
            if (why == null) {
                log.error("{} failed", path(), e);
                why = e.toString();
            }
            finish(JobStatus.FAILED, why);
        } catch (Error e) {
            log.error("{} failed", path(), e);
            finish(JobStatus.FAILED, e.toString());
        }
    }

    private synchronized void finish(JobStatus s, String why) {
        error = why;
        finishedAt = clock.instant();
        status = s;
    }

    /** Status, progress, result (DONE only) and times, read together. */
    protected final Snapshot<R> snapshot() {
        JobStatus s;
        Outputs<R> o;
        synchronized (this) {
            s = status;
            o = outputs;
        }
        return new Snapshot<>(s, s == JobStatus.DONE ? 1.0 : progress(), o == null ? null : o.result(), submittedAt,
                startedAt, finishedAt, error);
    }
}
