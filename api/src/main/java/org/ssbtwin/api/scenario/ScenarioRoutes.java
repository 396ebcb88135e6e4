package org.ssbtwin.api.scenario;

import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.Location;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.ssbtwin.api.http.ApiModule;
import org.ssbtwin.api.http.Json;
import org.ssbtwin.api.readside.AssetDirectory;
import org.ssbtwin.config.ScenarioSettings;
import org.ssbtwin.config.scenario.ScenarioLoader;
import org.ssbtwin.core.time.TwinClock;
import org.ssbtwin.core.whatif.Scenario;

/**
 * {@code /api/v1/scenarios}: {@code GET /bundled} lists the bundled scenarios, {@code POST} queues a what-if job
 * (202 + Location), {@code GET} lists jobs, {@code GET /{id}} shows progress then the comparison,
 * {@code GET /{id}/result.csv} and {@code /{id}/chart.png} serve its outputs, {@code DELETE /{id}} cancels.
 */
public final class ScenarioRoutes extends AllDirectives implements ApiModule {
    static final String BASE = "/api/v1/scenarios";

    private final ScenarioJobs jobs;

    public ScenarioRoutes(ScenarioJobs jobs) {
        this.jobs = jobs;
    }

    /** The module of a twin node: settings from {@code twin.scenarios}, live base from the read side and sharding. */
    public static ScenarioRoutes create(ActorSystem<?> system, ClusterSharding sharding, AssetDirectory directory,
                                        TwinClock clock, Duration askTimeout) {
        ScenarioSettings settings = ScenarioSettings.from(system.settings().config());
        ScenarioJobs jobs = new ScenarioJobs(settings, ScenarioJobs.withLive(settings,
                new LiveBase(sharding, directory, clock::now, askTimeout)));
        system.getWhenTerminated().thenRun(jobs::close);
        return new ScenarioRoutes(jobs);
    }

    public ScenarioJobs jobs() {
        return jobs;
    }

    @Override
    public Route routes() {
        return pathPrefix("scenarios", () -> concat(
                pathEnd(() -> concat(
                        get(() -> {
                            List<ScenarioJobView> items = jobs.list().stream().map(j -> j.view(false)).toList();
                            return complete(Json.ok(Map.of("items", items, "total", items.size())));
                        }),
                        post(() -> entity(org.ssbtwin.api.http.RequestBodies.JSON_TEXT, body -> complete(submit(body)))))),
                path("bundled", () -> get(() -> complete(Json.ok(ScenarioLoader.bundled())))),
                // "bundled" is not a job id: other methods on it are 405, not "no such job"
                pathPrefix(segment(), id -> "bundled".equals(id)
                        ? reject(org.apache.pekko.http.javadsl.server.Rejections.method(org.apache.pekko.http.javadsl.model.HttpMethods.GET))
                        : concat(
                        pathEnd(() -> concat(
                                get(() -> complete(withJob(id, j -> Json.ok(j.view(true))))),
                                delete(() -> complete(cancel(id))))),
                        path("result.csv", () -> get(() -> complete(withJob(id, j -> output(j, "result.csv", j.csv(),
                                ContentTypes.TEXT_CSV_UTF8))))),
                        path("chart.png", () -> get(() -> complete(withJob(id, j -> output(j, "chart.png", j.png(),
                                ContentTypes.create(MediaTypes.IMAGE_PNG))))))))));
    }

    private HttpResponse submit(String body) {
        Scenario scenario;
        try {
            scenario = ScenarioRequest.parse(body, jobs.settings());
        } catch (ScenarioRequest.InvalidScenarioRequestException e) {
            return Json.badRequest(e.getMessage(), BASE, e.errors());
        }
        try {
            ScenarioJob job = jobs.submit(scenario);
            return Json.response(StatusCodes.ACCEPTED, job.view(false)).addHeader(Location.create(job.path()));
        } catch (org.ssbtwin.api.jobs.BackgroundJobs.TooManyJobsException e) {
            return Json.problem(StatusCodes.TOO_MANY_REQUESTS, "too-many-scenarios", "Too many scenarios are running",
                    e.getMessage(), BASE, null)
                    .addHeader(RawHeader.create("Retry-After", Long.toString(e.retryAfterSeconds())));
        }
    }

    private HttpResponse cancel(String id) {
        return withJob(id, j -> {
            if (jobs.cancel(id).orElse(false)) {
                return Json.response(StatusCodes.ACCEPTED, j.view(false));
            }
            return Json.problem(StatusCodes.CONFLICT, "scenario-finished", "The scenario has already finished",
                    "scenario " + id + " finished with status " + j.status() + "; nothing to cancel", j.path(), null);
        });
    }

    private static HttpResponse output(ScenarioJob job, String name, byte[] bytes, ContentType type) {
        if (bytes == null) {
            return Json.problem(StatusCodes.CONFLICT, "scenario-not-done", "The scenario has no result",
                    "scenario " + job.id() + " is " + job.status() + "; " + name + " exists once it is DONE",
                    job.path() + "/" + name, null);
        }
        return HttpResponse.create().withStatus(StatusCodes.OK).withEntity(HttpEntities.create(type, bytes));
    }

    private HttpResponse withJob(String id, Function<ScenarioJob, HttpResponse> render) {
        return jobs.get(id).map(render)
                .orElseGet(() -> Json.notFound("no scenario " + id + " (unknown, or dropped after restart)", BASE + "/" + id));
    }
}
