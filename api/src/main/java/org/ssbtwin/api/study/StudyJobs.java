package org.ssbtwin.api.study;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ssbtwin.config.TwinSettings;

/**
 * Fleet studies as background jobs, on a dedicated bounded pool ({@code max-concurrent} job threads, each study
 * using {@code threads} workers) - never on the actors' dispatcher. At most {@code max-concurrent} jobs are queued
 * or running; one more is refused with {@link TooManyStudiesException}. Finished jobs are kept in memory (the
 * newest {@value #RETAINED_FINISHED}); they do not survive a restart.
 */
public final class StudyJobs implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StudyJobs.class);
    public static final int RETAINED_FINISHED = 100;
    /** Retry-After when no running job has progressed enough to estimate its end. */
    static final long DEFAULT_RETRY_AFTER_SECONDS = 30;

    private final TwinSettings.Studies settings;
    private final ThreadPoolExecutor pool;
    private final Clock clock;
    private final Map<String, StudyJob> jobs = new LinkedHashMap<>(); // guarded by this, in submission order

    /** More jobs than {@code max-concurrent} were asked for. */
    public static final class TooManyStudiesException extends RuntimeException {
        private final long retryAfterSeconds;

        TooManyStudiesException(String message, long retryAfterSeconds) {
            super(message);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    public StudyJobs(TwinSettings.Studies settings) {
        this(settings, Clock.systemUTC());
    }

    StudyJobs(TwinSettings.Studies settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        int size = settings.maxConcurrent();
        this.pool = new ThreadPoolExecutor(size, size, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(Math.max(16, 4 * size)), r -> {
                    Thread t = new Thread(r, "study-job-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    public TwinSettings.Studies settings() {
        return settings;
    }

    /** Queues a study; throws {@link TooManyStudiesException} when {@code max-concurrent} jobs are already active. */
    public synchronized StudyJob submit(StudyRequest request) {
        long active = jobs.values().stream().filter(j -> j.status().active()).count();
        if (active >= settings.maxConcurrent()) {
            throw new TooManyStudiesException(active + " studies are queued or running (at most "
                    + settings.maxConcurrent() + "); retry later", retryAfterSeconds());
        }
        StudyJob job = new StudyJob(UUID.randomUUID().toString(), request, settings.threads(), clock);
        try {
            pool.execute(job);
        } catch (RejectedExecutionException e) {
            throw new TooManyStudiesException("the study pool is saturated or shutting down; retry later",
                    DEFAULT_RETRY_AFTER_SECONDS);
        }
        jobs.put(job.id(), job);
        evictFinished();
        log.info("study {} queued: {} packs x {} years of {}, seed {}", job.id(), request.spec().packs(),
                request.spec().years(), request.fleet(), request.seed());
        return job;
    }

    public synchronized Optional<StudyJob> get(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** Every retained job, oldest first. */
    public synchronized List<StudyJob> list() {
        return new ArrayList<>(jobs.values());
    }

    /** Cancels an active job; empty if unknown, else whether it was still active. */
    public Optional<Boolean> cancel(String id) {
        return get(id).map(StudyJob::cancel);
    }

    private long retryAfterSeconds() {
        long best = Long.MAX_VALUE;
        for (StudyJob j : jobs.values()) {
            Long s = j.secondsLeft();
            if (s != null) {
                best = Math.min(best, s);
            }
        }
        return best == Long.MAX_VALUE ? DEFAULT_RETRY_AFTER_SECONDS : Math.max(1, Math.min(3600, best));
    }

    private void evictFinished() {
        long finished = jobs.values().stream().filter(j -> !j.status().active()).count();
        for (Iterator<StudyJob> it = jobs.values().iterator(); it.hasNext() && finished > RETAINED_FINISHED; ) {
            if (!it.next().status().active()) {
                it.remove();
                finished--;
            }
        }
    }

    /**
     * Cancels every active job and stops the pool without waiting: running studies stop at their next chunk of 256
     * packs (the pool's threads are daemons).
     */
    @Override
    public void close() {
        list().forEach(StudyJob::cancel);
        pool.shutdownNow();
    }
}
