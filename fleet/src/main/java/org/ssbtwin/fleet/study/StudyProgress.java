package org.ssbtwin.fleet.study;

/** Progress callback of a fleet study; may be called from worker threads (implementations must be thread-safe). */
@FunctionalInterface
public interface StudyProgress {
    StudyProgress NONE = (done, total) -> { };

    void packsDone(long done, long total);
}
