package org.ssbtwin.api.jobs;

import java.util.Map;
import java.util.function.Function;

/**
 * What one kind of background job resource (fleet studies, what-if scenarios) adds to the shared lifecycle
 * ({@link BackgroundJob}), runner ({@link BackgroundJobs}) and routes ({@link JobResource}).
 *
 * @param name the job's name in messages, problem types and thread names ("study")
 * @param plural its plural ("studies")
 * @param base the collection's path ("/api/v1/studies")
 * @param chartLink the chart's key in a DONE job's links ("png")
 * @param chartFile the chart's file name below the job ("soh.png")
 * @param limitSetting the configuration key of {@code maxConcurrent}, named when a job is refused
 * @param maxConcurrent how many jobs may be queued or running at once (one pool thread each)
 * @param threadPriority the pool threads' priority
 * @param parse the request body as the job's request; throws {@link InvalidJobRequestException} naming each bad field
 * @param create a queued job for an id and a request
 * @param describe what a queued job computes, for the log
 * @param view the job as the API shows it
 * @param <Q> the validated request
 * @param <R> the job's result
 * @param <J> the job
 */
public record JobKind<Q, R, J extends BackgroundJob<R>>(String name, String plural, String base, String chartLink,
                                                       String chartFile, String limitSetting, int maxConcurrent,
                                                       int threadPriority, Function<String, Q> parse,
                                                       Factory<Q, J> create, Function<J, String> describe,
                                                       View<R, J> view) {

    /** Makes the job for a new id. */
    @FunctionalInterface
    public interface Factory<Q, J> {
        J create(String id, Q request);
    }

    /** The job's view from one consistent snapshot; {@code result} is null unless DONE and asked for. */
    @FunctionalInterface
    public interface View<R, J> {
        Object render(J job, BackgroundJob.Snapshot<R> snapshot, Map<String, String> links, R result);
    }
}
