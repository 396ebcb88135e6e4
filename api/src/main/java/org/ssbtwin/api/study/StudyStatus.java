package org.ssbtwin.api.study;

/** Life of a study job: QUEUED -> RUNNING -> DONE | FAILED | CANCELLED (a queued job may be cancelled at once). */
public enum StudyStatus {
    QUEUED, RUNNING, DONE, FAILED, CANCELLED;

    /** Queued or running: counts against {@code twin.studies.max-concurrent}. */
    public boolean active() {
        return this == QUEUED || this == RUNNING;
    }
}
