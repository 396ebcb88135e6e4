package org.ssbtwin.api.jobs;

/** Life of a background job (a fleet study or a what-if scenario): QUEUED -> RUNNING -> DONE | FAILED | CANCELLED (a queued job may be cancelled at once). */
public enum JobStatus {
    QUEUED, RUNNING, DONE, FAILED, CANCELLED;

    /** Queued or running: counts against the job kind's concurrency limit. */
    public boolean active() {
        return this == QUEUED || this == RUNNING;
    }
}
