package org.ssbtwin.api.study;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
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
        return StudyJobs.BASE + "/" + id();
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

    StudyRequest request() {
        return request;
    }

    /** The job as the API shows it (see {@link org.ssbtwin.api.jobs.JobResource#view}). */
    StudyJobView view(Snapshot<FleetStudyResult> s, Map<String, String> links, FleetStudyResult result) {
        return new StudyJobView(id(), s.status(), request.fleet(), request.spec().packs(), request.spec().years(),
                request.seed(), s.progress(), s.submittedAt(), s.startedAt(), s.finishedAt(), s.error(), links, result);
    }
}
