package org.ssbtwin.api.study;

import org.ssbtwin.api.jobs.JobStatus;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.ssbtwin.api.jobs.BackgroundJob;
import org.ssbtwin.fleet.study.FleetStudy;
import org.ssbtwin.fleet.study.FleetStudyResult;

/**
 * One fleet study as a background job (lifecycle in {@link BackgroundJob}): runs the study with {@code threads}
 * workers, its progress counted in packs; when DONE it serves the result, its CSV and the SoH chart.
 */
public final class StudyJob extends BackgroundJob<FleetStudyResult> {
    private final StudyRequest request;
    private final int threads;
    private final AtomicLong packsDone = new AtomicLong();

    StudyJob(String id, StudyRequest request, int threads, Clock clock) {
        super(id, clock);
        this.request = request;
        this.threads = threads;
    }

    @Override
    public String path() {
        return "/api/v1/studies/" + id();
    }

    @Override
    protected double runningProgress() {
        return packsDone.get() / (double) request.spec().packs();
    }

    /** The study; its workers look at {@code cancelled} every 256 packs. */
    @Override
    protected Outputs<FleetStudyResult> compute(BooleanSupplier cancelled) {
        FleetStudyResult result = FleetStudy.run(request.spec(), request.seed(), threads,
                (n, total) -> packsDone.accumulateAndGet(n, Math::max), cancelled);
        String title = String.format(Locale.ROOT, "%s: %,d packs, seed %d", request.fleet(), request.spec().packs(), request.seed());
        return new Outputs<>(result, result.toCsv().getBytes(StandardCharsets.UTF_8), SohChart.png(result, title));
    }

    /** The job as the API shows it; the result only if asked for and DONE. */
    public StudyJobView view(boolean withResult) {
        Snapshot<FleetStudyResult> s = snapshot();
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", path());
        if (s.status() == JobStatus.DONE) {
            links.put("csv", path() + "/result.csv");
            links.put("png", path() + "/soh.png");
        }
        return new StudyJobView(id(), s.status(), request.fleet(), request.spec().packs(), request.spec().years(),
                request.seed(), s.progress(), s.submittedAt(), s.startedAt(), s.finishedAt(), s.error(), links,
                withResult ? s.result() : null);
    }
}
