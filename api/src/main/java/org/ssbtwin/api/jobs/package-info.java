/**
 * The one background-job mechanism, used by studies and scenarios: {@link org.ssbtwin.api.jobs.BackgroundJobs} runs
 * jobs of one kind on a dedicated bounded pool (never on the actors' threads) with their lifecycle QUEUED, RUNNING,
 * DONE, FAILED, CANCELLED ({@link org.ssbtwin.api.jobs.BackgroundJob}); {@link org.ssbtwin.api.jobs.JobResource}
 * serves a kind as one HTTP resource (submit, list, status, result, CSV, chart, cancel) from the kind's
 * {@link org.ssbtwin.api.jobs.JobKind} (names, limits, request parser, job factory, view).
 *
 * <p>The runner and lifecycle are plain {@code java.util.concurrent}; only {@code JobResource} speaks Pekko HTTP.
 */
package org.ssbtwin.api.jobs;
