package org.ssbtwin.api.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;
import org.ssbtwin.api.jobs.JobStatus;
import org.ssbtwin.fleet.whatif.Scenario;
import org.ssbtwin.fleet.whatif.ScenarioComparison;

/**
 * What the API shows of a scenario job: the scenario asked, status, progress 0..1, and when DONE (and the single job
 * is asked for) the comparison. {@code links} name the job and, when DONE, its CSV and chart.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScenarioJobView(String id, JobStatus status, double progress, Scenario scenario, Instant submittedAt,
                              Instant startedAt, Instant finishedAt, String error, Map<String, String> links,
                              ScenarioComparison result) {
}
