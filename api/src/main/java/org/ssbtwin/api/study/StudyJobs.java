package org.ssbtwin.api.study;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ssbtwin.api.jobs.BackgroundJobs;
import org.ssbtwin.config.TwinSettings;

/**
 * Fleet studies as background jobs ({@link BackgroundJobs}: {@code twin.studies.max-concurrent} job threads, each
 * study using {@code threads} workers, one more refused with a Retry-After, the newest finished ones kept in memory).
 */
public final class StudyJobs implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StudyJobs.class);

    private final TwinSettings.Studies settings;
    private final Clock clock;
    private final BackgroundJobs<StudyJob> jobs;

    public StudyJobs(TwinSettings.Studies settings) {
        this(settings, Clock.systemUTC());
    }

    StudyJobs(TwinSettings.Studies settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.jobs = new BackgroundJobs<>("study", "studies", "twin.studies.max-concurrent", settings.maxConcurrent(), Thread.NORM_PRIORITY);
    }

    public TwinSettings.Studies settings() {
        return settings;
    }

    /** Queues a study; throws {@link BackgroundJobs.TooManyJobsException} when {@code max-concurrent} jobs are active. */
    public StudyJob submit(StudyRequest request) {
        StudyJob job = jobs.submit(id -> new StudyJob(id, request, settings.threads(), clock));
        log.info("study {} queued: {} packs x {} years of {}, seed {}", job.id(), request.spec().packs(),
                request.spec().years(), request.fleet(), request.seed());
        return job;
    }

    public Optional<StudyJob> get(String id) {
        return jobs.get(id);
    }

    /** Every retained job, oldest first. */
    public List<StudyJob> list() {
        return jobs.list();
    }

    /** Cancels an active job; empty if unknown, else whether it was still active. */
    public Optional<Boolean> cancel(String id) {
        return jobs.cancel(id);
    }

    /** Cancels every active job and stops the pool (running studies stop at their next chunk of 256 packs). */
    @Override
    public void close() {
        jobs.close();
    }
}
