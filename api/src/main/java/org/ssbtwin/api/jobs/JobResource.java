package org.ssbtwin.api.jobs;

import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpMethods;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.Location;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Rejections;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ssbtwin.api.http.Json;

/**
 * One kind of background job as an HTTP resource below its collection: {@code POST} queues a job (202 + Location;
 * 400 naming each bad field; 429 + Retry-After past the kind's limit), {@code GET} lists the jobs (without results),
 * {@code GET /{id}} shows one (with its result when DONE), {@code GET /{id}/result.csv} and {@code /{id}/<chart>}
 * serve its outputs (409 until DONE) and {@code DELETE /{id}} cancels it (409 once finished); an unknown id is 404.
 * The jobs run on the kind's own bounded {@link BackgroundJobs} pool, never on the actors' threads.
 *
 * @param <Q> the validated request
 * @param <R> the job's result
 * @param <J> the job
 */
public class JobResource<Q, R, J extends BackgroundJob<R>> extends AllDirectives implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(JobResource.class);
    private static final ContentType PNG = ContentTypes.create(MediaTypes.IMAGE_PNG);

    private final JobKind<Q, R, J> kind;
    private final BackgroundJobs<J> jobs;

    public JobResource(JobKind<Q, R, J> kind) {
        this.kind = kind;
        this.jobs = new BackgroundJobs<>(kind.name(), kind.plural(), kind.limitSetting(), kind.maxConcurrent(),
                kind.threadPriority());
    }

    /** Queues a job; throws {@link BackgroundJobs.TooManyJobsException} when {@code max-concurrent} jobs are active. */
    public J submit(Q request) {
        J job = jobs.submit(id -> kind.create().create(id, request));
        log.info("{} {} queued: {}", kind.name(), job.id(), kind.describe().apply(job));
        return job;
    }

    public Optional<J> get(String id) {
        return jobs.get(id);
    }

    /** Every retained job, oldest first. */
    public List<J> list() {
        return jobs.list();
    }

    /** Cancels an active job; empty if unknown, else whether it was still active. */
    public Optional<Boolean> cancel(String id) {
        return jobs.cancel(id);
    }

    /** The job as the API shows it: links to itself and, when DONE, its outputs; the result only if asked for. */
    public Object view(J job, boolean withResult) {
        BackgroundJob.Snapshot<R> s = job.snapshot();
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", job.path());
        if (s.status() == JobStatus.DONE) {
            links.put("csv", job.path() + "/result.csv");
            links.put(kind.chartLink(), job.path() + "/" + kind.chartFile());
        }
        return kind.view().render(job, s, links, withResult ? s.result() : null);
    }

    /** The routes relative to the collection's path prefix. */
    public Route routes() {
        return routes(Map.of());
    }

    /**
     * The routes relative to the collection's path prefix, with read-only siblings of the jobs (e.g. {@code /bundled}):
     * {@code GET} serves the body, other methods on such a name are 405, never "no such job".
     */
    public Route routes(Map<String, Supplier<Object>> siblings) {
        List<Route> rest = new ArrayList<>();
        siblings.forEach((name, body) -> rest.add(path(name, () -> get(() -> complete(Json.ok(body.get()))))));
        rest.add(pathPrefix(segment(), id -> siblings.containsKey(id)
                ? reject(Rejections.method(HttpMethods.GET))
                : concat(
                        pathEnd(() -> concat(
                                get(() -> complete(withJob(id, j -> Json.ok(view(j, true))))),
                                delete(() -> complete(cancelled(id))))),
                        path("result.csv", () -> get(() -> complete(withJob(id, j -> output(j, "result.csv", j.csv(),
                                ContentTypes.TEXT_CSV_UTF8))))),
                        path(kind.chartFile(), () -> get(() -> complete(withJob(id, j -> output(j, kind.chartFile(),
                                j.png(), PNG))))))));
        return concat(
                pathEnd(() -> concat(
                        get(() -> {
                            List<Object> items = list().stream().map(j -> view(j, false)).toList();
                            return complete(Json.ok(Map.of("items", items, "total", items.size())));
                        }),
                        post(() -> entity(org.ssbtwin.api.http.RequestBodies.JSON_TEXT, body -> complete(submitted(body)))))),
                rest.toArray(Route[]::new));
    }

    private HttpResponse submitted(String body) {
        Q request;
        try {
            request = kind.parse().apply(body);
        } catch (InvalidJobRequestException e) {
            return Json.badRequest(e.getMessage(), kind.base(), e.errors());
        }
        try {
            J job = submit(request);
            return Json.response(StatusCodes.ACCEPTED, view(job, false)).addHeader(Location.create(job.path()));
        } catch (BackgroundJobs.TooManyJobsException e) {
            return Json.problem(StatusCodes.TOO_MANY_REQUESTS, "too-many-" + kind.plural(),
                    "Too many " + kind.plural() + " are running", e.getMessage(), kind.base(), null)
                    .addHeader(RawHeader.create("Retry-After", Long.toString(e.retryAfterSeconds())));
        }
    }

    private HttpResponse cancelled(String id) {
        return withJob(id, j -> {
            if (cancel(id).orElse(false)) {
                return Json.response(StatusCodes.ACCEPTED, view(j, false));
            }
            return Json.problem(StatusCodes.CONFLICT, kind.name() + "-finished", "The " + kind.name() + " has already finished",
                    kind.name() + " " + id + " finished with status " + j.status() + "; nothing to cancel", j.path(), null);
        });
    }

    private HttpResponse output(J job, String name, byte[] bytes, ContentType type) {
        if (bytes == null) {
            return Json.problem(StatusCodes.CONFLICT, kind.name() + "-not-done", "The " + kind.name() + " has no result",
                    kind.name() + " " + job.id() + " is " + job.status() + "; " + name + " exists once it is DONE",
                    job.path() + "/" + name, null);
        }
        return HttpResponse.create().withStatus(StatusCodes.OK).withEntity(HttpEntities.create(type, bytes));
    }

    private HttpResponse withJob(String id, Function<J, HttpResponse> render) {
        return jobs.get(id).map(render).orElseGet(() -> Json.notFound(
                "no " + kind.name() + " " + id + " (unknown, or dropped after restart)", kind.base() + "/" + id));
    }

    /** Cancels every active job and stops the pool (running jobs stop at their next check). */
    @Override
    public void close() {
        jobs.close();
    }
}
