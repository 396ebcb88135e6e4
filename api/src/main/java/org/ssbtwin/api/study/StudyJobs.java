package org.ssbtwin.api.study;

import java.time.Clock;
import java.util.Locale;
import org.ssbtwin.api.jobs.BackgroundJobs;
import org.ssbtwin.api.jobs.JobKind;
import org.ssbtwin.api.jobs.JobResource;
import org.ssbtwin.config.TwinSettings;
import org.ssbtwin.fleet.study.FleetStudyResult;

/**
 * Fleet studies as a job resource ({@link JobResource} on {@link BackgroundJobs}: {@code twin.studies.max-concurrent}
 * job threads, each study using {@code threads} workers, one more refused with a Retry-After, the newest finished ones
 * kept in memory); a study's chart is {@code soh.png}.
 */
public final class StudyJobs extends JobResource<StudyRequest, FleetStudyResult, StudyJob> {
    static final String BASE = "/api/v1/studies";

    private final TwinSettings.Studies settings;

    public StudyJobs(TwinSettings.Studies settings) {
        this(settings, Clock.systemUTC());
    }

    StudyJobs(TwinSettings.Studies settings, Clock clock) {
        super(new JobKind<>("study", "studies", BASE, "png", "soh.png", "twin.studies.max-concurrent",
                settings.maxConcurrent(), Thread.NORM_PRIORITY, body -> StudyRequest.parse(body, settings),
                (id, request) -> new StudyJob(id, request, settings.threads(), clock), StudyJobs::describe, StudyJob::view));
        this.settings = settings;
    }

    public TwinSettings.Studies settings() {
        return settings;
    }

    private static String describe(StudyJob job) {
        StudyRequest r = job.request();
        return String.format(Locale.ROOT, "%d packs x %d years of %s, seed %d", r.spec().packs(), r.spec().years(),
                r.fleet(), r.seed());
    }
}
