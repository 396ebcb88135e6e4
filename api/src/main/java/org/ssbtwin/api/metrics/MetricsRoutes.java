package org.ssbtwin.api.metrics;

import io.micrometer.core.instrument.Timer;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.HttpCharsets;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.ssbtwin.api.http.Json;

/**
 * {@code GET /metrics} (Prometheus text format) and the HTTP request meters: every request's duration by method,
 * route and status ({@code twin_http_requests_seconds_*}). Like {@code /api/v1/health} and {@code /api/v1/ready},
 * {@code /metrics} is public (outside {@code /api/v1}, see AccessPolicy): it carries counts and latencies, no asset
 * data, and Prometheus scrapes without an API key. Restrict it at the network (the Kubernetes manifests scrape the
 * management port, which is not exposed by the Service).
 */
public final class MetricsRoutes extends AllDirectives {
    /** text/plain; version=0.0.4; charset=utf-8, the Prometheus text exposition format. */
    public static final ContentType PROMETHEUS_TEXT = ContentTypes.parse("text/plain; version=0.0.4; charset=utf-8");

    /** First path segments under /api/v1 kept in the route label; anything else is "other" (bounded label values). */
    private static final Set<String> API_ROOTS = Set.of("health", "ready", "clock", "stations", "cells", "packs", "vehicles", "telemetry",
            "plant", "studies", "scenarios", "search", "events", "history", "fleet", "connectors", "openapi.json", "openapi");

    /** Few buckets per route and status (bounded series): 5 ms .. 10 s. */
    private static final java.time.Duration[] BUCKETS = java.util.stream.Stream.of(5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000)
            .map(java.time.Duration::ofMillis).toArray(java.time.Duration[]::new);

    private final TwinMetrics metrics;
    /** The timers by "method route status" (bounded like their labels): no meter lookup per request. */
    private final java.util.concurrent.ConcurrentHashMap<String, Timer> timers = new java.util.concurrent.ConcurrentHashMap<>();

    public MetricsRoutes(TwinMetrics metrics) {
        this.metrics = metrics;
    }

    /** {@code /metrics} in front of {@code inner}, every request of both timed. */
    public Route wrap(Supplier<Route> inner) {
        if (!metrics.enabled()) return inner.get();
        Route routes = concat(metrics(), inner.get()); // built once: building the route tree per request cost more than the request
        return extractRequest(request -> {
            long t0 = System.nanoTime();
            String method = request.method().value();
            String route = routeLabel(request.getUri().path());
            return mapResponse(response -> {
                int status = response.status().intValue();
                timers.computeIfAbsent(method + ' ' + route + ' ' + status, k -> Timer.builder("twin.http.requests")
                        .description("HTTP requests by method, route (template) and status")
                        .tags("method", method, "route", route, "status", Integer.toString(status))
                        .serviceLevelObjectives(BUCKETS)
                        .register(metrics.registry())).record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
                return response;
            }, () -> routes);
        });
    }

    /** {@code GET /metrics}. */
    public Route metrics() {
        return path("metrics", () -> get(() -> complete(scrapeResponse(metrics))));
    }

    static HttpResponse scrapeResponse(TwinMetrics metrics) {
        if (!metrics.enabled()) return Json.notFound("metrics are off (twin.metrics.enabled = false)", "/metrics");
        return HttpResponse.create().withEntity(HttpEntities.create(PROMETHEUS_TEXT, metrics.scrape().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** A bounded label for a request path: ids become {id}, unknown API roots "other", everything outside the API "static". */
    public static String routeLabel(String path) {
        String p = path.contains("//") ? path.replaceAll("/{2,}", "/") : path; // no regex for every request
        if (p.equals("/metrics")) return "/metrics";
        if (!(p.equals("/api/v1") || p.startsWith("/api/v1/"))) return "static";
        String[] seg = p.substring("/api/v1".length()).split("/");
        StringBuilder label = new StringBuilder("/api/v1");
        int kept = 0;
        for (String s : seg) {
            if (s.isEmpty()) continue;
            if (kept == 0 && !API_ROOTS.contains(s)) return "/api/v1/other";
            if (kept == 5) {
                label.append("/...");
                break;
            }
            label.append('/').append(kept > 0 && !s.matches("[a-z][a-z-]{0,31}") ? "{id}" : s);
            kept++;
        }
        return label.toString();
    }
}
