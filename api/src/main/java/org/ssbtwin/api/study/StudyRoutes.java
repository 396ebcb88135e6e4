package org.ssbtwin.api.study;

import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.Location;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.ssbtwin.api.http.Json;

/**
 * The routes below {@code /api/v1/studies}: {@code POST} queues a study (202 + Location), {@code GET} lists jobs,
 * {@code GET /{id}} shows one (with its result when DONE), {@code GET /{id}/result.csv} and {@code /{id}/soh.png}
 * serve its outputs and {@code DELETE /{id}} cancels it. The work happens on {@link StudyJobs}' own threads.
 */
public final class StudyRoutes extends AllDirectives {
    private static final String BASE = "/api/v1/studies";

    private final StudyJobs jobs;

    public StudyRoutes(StudyJobs jobs) {
        this.jobs = jobs;
    }

    public Route routes() {
        return concat(
                pathEnd(() -> concat(
                        get(() -> {
                            List<StudyJobView> items = jobs.list().stream().map(j -> j.view(false)).toList();
                            return complete(Json.ok(Map.of("items", items, "total", items.size())));
                        }),
                        post(() -> entity(org.ssbtwin.api.http.RequestBodies.JSON_TEXT, body -> complete(submit(body)))))),
                pathPrefix(segment(), id -> concat(
                        pathEnd(() -> concat(
                                get(() -> complete(withJob(id, j -> Json.ok(j.view(true))))),
                                delete(() -> complete(cancel(id))))),
                        path("result.csv", () -> get(() -> complete(withJob(id, j -> output(j, "result.csv",
                                j.csv(), ContentTypes.TEXT_CSV_UTF8))))),
                        path("soh.png", () -> get(() -> complete(withJob(id, j -> output(j, "soh.png",
                                j.png(), ContentTypes.create(MediaTypes.IMAGE_PNG)))))))));
    }

    private HttpResponse submit(String body) {
        StudyRequest request;
        try {
            request = StudyRequest.parse(body, jobs.settings());
        } catch (StudyRequest.InvalidStudyRequestException e) {
            return Json.badRequest(e.getMessage(), BASE, e.errors());
        }
        try {
            StudyJob job = jobs.submit(request);
            return Json.response(StatusCodes.ACCEPTED, job.view(false)).addHeader(Location.create(job.path()));
        } catch (org.ssbtwin.api.jobs.BackgroundJobs.TooManyJobsException e) {
            return Json.problem(StatusCodes.TOO_MANY_REQUESTS, "too-many-studies", "Too many studies are running",
                    e.getMessage(), BASE, null)
                    .addHeader(RawHeader.create("Retry-After", Long.toString(e.retryAfterSeconds())));
        }
    }

    private HttpResponse cancel(String id) {
        return withJob(id, j -> {
            if (jobs.cancel(id).orElse(false)) {
                return Json.response(StatusCodes.ACCEPTED, j.view(false));
            }
            return Json.problem(StatusCodes.CONFLICT, "study-finished", "The study has already finished",
                    "study " + id + " finished with status " + j.status() + "; nothing to cancel", j.path(), null);
        });
    }

    private static HttpResponse output(StudyJob job, String name, byte[] bytes, org.apache.pekko.http.javadsl.model.ContentType type) {
        if (bytes == null) {
            return Json.problem(StatusCodes.CONFLICT, "study-not-done", "The study has no result",
                    "study " + job.id() + " is " + job.status() + "; " + name + " exists once it is DONE",
                    job.path() + "/" + name, null);
        }
        return HttpResponse.create().withStatus(StatusCodes.OK).withEntity(HttpEntities.create(type, bytes));
    }

    private HttpResponse withJob(String id, Function<StudyJob, HttpResponse> render) {
        return jobs.get(id).map(render)
                .orElseGet(() -> Json.notFound("no study " + id + " (unknown, or dropped after restart)", BASE + "/" + id));
    }
}
