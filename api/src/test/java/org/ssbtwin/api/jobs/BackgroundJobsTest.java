package org.ssbtwin.api.jobs;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.ssbtwin.api.TestTwin;

/** The one job lifecycle studies and scenarios share: done, failed (user-facing or internal), cancelled, refused. */
class BackgroundJobsTest {

    /** A job that waits for {@code go}, then returns its word, fails, or loops until cancelled. */
    static final class Probe extends BackgroundJob<String> {
        final CountDownLatch go = new CountDownLatch(1);
        final String outcome;
        volatile double progress;

        Probe(String id, String outcome) {
            super(id, Clock.systemUTC());
            this.outcome = outcome;
        }

        @Override
        protected Outputs<String> compute(BooleanSupplier cancelled) {
            try {
                go.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new CancellationException();
            }
            progress = 0.5;
            switch (outcome) {
                case "user" -> throw new IllegalArgumentException("population.sampleSize must be > 0");
                case "bug" -> throw new IllegalStateException("boom");
                case "loop" -> {
                    while (!cancelled.getAsBoolean()) Thread.onSpinWait();
                    throw new CancellationException();
                }
                default -> {
                    return new Outputs<>(outcome, outcome.getBytes(), new byte[] {1});
                }
            }
        }

        @Override
        protected double runningProgress() {
            return progress;
        }

        @Override
        protected String userFacingFailure(RuntimeException e) {
            return e instanceof IllegalArgumentException ? e.getMessage() : null;
        }

        @Override
        public String path() {
            return "/probe/" + id();
        }
    }

    private static final Duration MAX_WAIT = Duration.ofSeconds(10);

    /** Waits (bounded) until the job is {@code status}; fails naming the job and the status it was left in. */
    private static void await(BackgroundJob<?> job, JobStatus status) {
        TestTwin.await(job.path() + " to be " + status + " (is " + job.status() + ")", MAX_WAIT, () -> job.status() == status);
        assertEquals(status, job.status());
    }

    @Test
    void doneFailedCancelledAndRefused() throws Exception {
        try (BackgroundJobs<Probe> jobs = new BackgroundJobs<>("probe", "probes", "twin.probes.max-concurrent", 2, Thread.NORM_PRIORITY)) {
            Probe ok = jobs.submit(id -> new Probe(id, "result"));
            Probe loop = jobs.submit(id -> new Probe(id, "loop"));
            BackgroundJobs.TooManyJobsException refused = assertThrows(BackgroundJobs.TooManyJobsException.class,
                    () -> jobs.submit(id -> new Probe(id, "result")));
            assertTrue(refused.getMessage().contains("2 probes are queued or running (at most 2, twin.probes.max-concurrent)"), refused.getMessage());
            assertEquals(BackgroundJobs.DEFAULT_RETRY_AFTER_SECONDS, refused.retryAfterSeconds(), "no progress yet: the default");
            assertNull(ok.csv());

            ok.go.countDown();
            await(ok, JobStatus.DONE);
            assertEquals(1.0, ok.progress());
            assertArrayEquals("result".getBytes(), ok.csv());
            assertEquals("result", ok.snapshot().result());
            assertFalse(ok.cancel(), "a finished job cannot be cancelled");

            loop.go.countDown();
            TestTwin.await(loop.path() + " to report progress 0.5", MAX_WAIT, () -> loop.progress() >= 0.5);
            assertEquals(JobStatus.RUNNING, loop.status());
            assertTrue(loop.cancel());
            await(loop, JobStatus.CANCELLED);
            assertNull(loop.snapshot().result());

            Probe user = jobs.submit(id -> new Probe(id, "user"));
            Probe bug = jobs.submit(id -> new Probe(id, "bug"));
            user.go.countDown();
            bug.go.countDown();
            await(user, JobStatus.FAILED);
            await(bug, JobStatus.FAILED);
            assertEquals("population.sampleSize must be > 0", user.snapshot().error());
            assertEquals("java.lang.IllegalStateException: boom", bug.snapshot().error());
            assertEquals(4, jobs.list().size());
            assertEquals(ok, jobs.get(ok.id()).orElseThrow());
            assertEquals(java.util.Optional.of(false), jobs.cancel(ok.id()));
            assertTrue(jobs.cancel("nope").isEmpty());
        }
    }

    @Test
    void aQueuedJobIsCancelledAtOnceAndNeverRuns() throws Exception {
        try (BackgroundJobs<Probe> jobs = new BackgroundJobs<>("probe", "probes", "twin.probes.max-concurrent", 1, Thread.NORM_PRIORITY)) {
            Probe first = jobs.submit(id -> new Probe(id, "loop"));
            first.go.countDown();
            await(first, JobStatus.RUNNING);
            assertTrue(first.cancel());
            await(first, JobStatus.CANCELLED);
            // the pool's one thread is free again; a job cancelled before it runs stays CANCELLED
            Probe queued = new Probe("q", "result");
            assertTrue(queued.cancel());
            assertEquals(JobStatus.CANCELLED, queued.status());
            queued.go.countDown();
            queued.run();
            assertEquals(JobStatus.CANCELLED, queued.status(), "run() of a cancelled job does nothing");
            assertNull(queued.csv());
        }
    }
}
