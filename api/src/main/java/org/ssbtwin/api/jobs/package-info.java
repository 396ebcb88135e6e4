/**
 * The one background-job runner: jobs of one kind on a dedicated bounded pool (never on the actors' threads) with
 * their lifecycle QUEUED, RUNNING, DONE, FAILED, CANCELLED; used by studies and scenarios.
 *
 * <p>Plain {@code java.util.concurrent}; no Pekko.
 */
package org.ssbtwin.api.jobs;
