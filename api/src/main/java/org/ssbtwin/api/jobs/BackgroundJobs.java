package org.ssbtwin.api.jobs;

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
import java.util.function.Function;

/**
 * Background jobs of one kind on a dedicated bounded pool ({@code maxConcurrent} daemon threads), never on the actors'
 * dispatcher, so live queries keep their latency. At most {@code maxConcurrent} jobs are queued or running; one more is
 * refused with {@link TooManyJobsException} and a Retry-After estimated from the running jobs' progress. Finished jobs
 * are kept in memory (the newest {@value #RETAINED_FINISHED}); they do not survive a restart.
 *
 * @param <J> the kind of job
 */
public final class BackgroundJobs<J extends BackgroundJob<?>> implements AutoCloseable {
    public static final int RETAINED_FINISHED = 100;
    /** Retry-After when no running job has progressed enough to estimate its end. */
    public static final long DEFAULT_RETRY_AFTER_SECONDS = 30;

    /** More jobs than {@code max-concurrent} were asked for, or the pool is shutting down. */
    public static final class TooManyJobsException extends RuntimeException {
        private final long retryAfterSeconds;

        TooManyJobsException(String message, long retryAfterSeconds) {
            super(message);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    private final String kindPlural;
    private final String limitSetting;
    private final int maxConcurrent;
    private final ThreadPoolExecutor pool;
    private final Map<String, J> jobs = new LinkedHashMap<>(); // guarded by this, in submission order

    /**
     * @param kind the jobs' name in thread names and messages ("study", "scenario")
     * @param kindPlural its plural in messages
     * @param limitSetting the configuration key of {@code maxConcurrent}, named in the refusal
     * @param threadPriority the pool threads' priority
     */
    public BackgroundJobs(String kind, String kindPlural, String limitSetting, int maxConcurrent, int threadPriority) {
        this.kindPlural = kindPlural;
        this.limitSetting = limitSetting;
        this.maxConcurrent = maxConcurrent;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(maxConcurrent, maxConcurrent, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(Math.max(16, 4 * maxConcurrent)), r -> {
                    Thread t = new Thread(r, kind + "-job-" + n.incrementAndGet());
                    t.setDaemon(true);
                    t.setPriority(threadPriority);
                    return t;
                });
    }

    /** Queues the job {@code create} makes for a new id; throws {@link TooManyJobsException} when the pool is full. */
    public synchronized J submit(Function<String, J> create) {
        long active = jobs.values().stream().filter(j -> j.status().active()).count();
        if (active >= maxConcurrent) {
            throw new TooManyJobsException(active + " " + kindPlural + " are queued or running (at most " + maxConcurrent
                    + ", " + limitSetting + "); retry later", retryAfterSeconds());
        }
        J job = create.apply(UUID.randomUUID().toString());
        try {
            pool.execute(job);
        } catch (RejectedExecutionException e) {
            throw new TooManyJobsException("the " + kindPlural + " pool is saturated or shutting down; retry later",
                    DEFAULT_RETRY_AFTER_SECONDS);
        }
        jobs.put(job.id(), job);
        evictFinished();
        return job;
    }

    public synchronized Optional<J> get(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** Every retained job, oldest first. */
    public synchronized List<J> list() {
        return new ArrayList<>(jobs.values());
    }

    /** Cancels an active job; empty if unknown, else whether it was still active. */
    public Optional<Boolean> cancel(String id) {
        return get(id).map(BackgroundJob::cancel);
    }

    private long retryAfterSeconds() {
        long best = Long.MAX_VALUE;
        for (J j : jobs.values()) {
            Long s = j.secondsLeft();
            if (s != null) best = Math.min(best, s);
        }
        return best == Long.MAX_VALUE ? DEFAULT_RETRY_AFTER_SECONDS : Math.max(1, Math.min(3600, best));
    }

    private void evictFinished() {
        long finished = jobs.values().stream().filter(j -> !j.status().active()).count();
        for (Iterator<J> it = jobs.values().iterator(); it.hasNext() && finished > RETAINED_FINISHED; ) {
            if (!it.next().status().active()) {
                it.remove();
                finished--;
            }
        }
    }

    /** Cancels every active job and stops the pool without waiting (running jobs stop at their next check). */
    @Override
    public void close() {
        list().forEach(BackgroundJob::cancel);
        pool.shutdownNow();
    }
}
