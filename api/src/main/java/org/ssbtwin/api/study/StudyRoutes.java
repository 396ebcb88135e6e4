package org.ssbtwin.api.study;

import org.apache.pekko.http.javadsl.server.Route;
import org.ssbtwin.api.http.Json;

/**
 * The routes below {@code /api/v1/studies}: the {@link org.ssbtwin.api.jobs.JobResource} of {@link StudyJobs}
 * ({@code POST} queues a study, {@code GET} lists, {@code GET /{id}} shows one with its result when DONE,
 * {@code /{id}/result.csv} and {@code /{id}/soh.png} serve its outputs, {@code DELETE /{id}} cancels it).
 */
public final class StudyRoutes {
    private final StudyJobs jobs;

    public StudyRoutes(StudyJobs jobs) {
        this.jobs = jobs;
    }

    public Route routes() {
        return jobs.routes();
    }
}
