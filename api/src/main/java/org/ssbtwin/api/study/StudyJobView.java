package org.ssbtwin.api.study;

import org.ssbtwin.api.jobs.JobStatus;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;
import org.ssbtwin.fleet.study.FleetStudyResult;

/**
 * What the API shows of a study job. {@code result} is present only when the job is DONE and the single job is
 * asked for; {@code links} name the job and, when DONE, its CSV and PNG.
 *
 * @param progress fraction of packs simulated, 0..1
 * @param error why the job FAILED
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StudyJobView(String id, JobStatus status, String fleet, int packs, int years, long seed,
                           double progress, Instant submittedAt, Instant startedAt, Instant finishedAt, String error,
                           Map<String, String> links, FleetStudyResult result) {
}
