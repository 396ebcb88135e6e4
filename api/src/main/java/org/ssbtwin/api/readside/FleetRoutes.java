package org.ssbtwin.api.readside;

import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ssbtwin.api.http.ApiModule;
import org.ssbtwin.api.http.InvalidParameterException;
import org.ssbtwin.api.http.Json;
import org.ssbtwin.api.http.QueryParams;
import org.ssbtwin.fleet.readmodel.CohortDimension;
import org.ssbtwin.fleet.readmodel.Period;

/**
 * Fleet-wide questions answered from the durable read side (never by asking every entity):
 * {@code GET /api/v1/fleet/summary}, {@code /fleet/soh-distribution?by=month|year}, {@code /fleet/cohorts?by=...}.
 * The numbers trail the journal by the projection's lag (usually well under a second).
 */
public final class FleetRoutes extends AllDirectives implements ApiModule {
    private static final Logger log = LoggerFactory.getLogger(FleetRoutes.class);
    private final FleetQueries queries;
    private final java.util.function.Supplier<ReadSideLag> lag;

    /** @param queries null when the read side is disabled: every fleet route then answers 503 */
    public FleetRoutes(FleetQueries queries) {
        this(queries, () -> null);
    }

    /** @param lag the latest measured lag of the projection (null before the first measurement) */
    public FleetRoutes(FleetQueries queries, java.util.function.Supplier<ReadSideLag> lag) {
        this.queries = queries;
        this.lag = lag;
    }

    @Override
    public Route routes() {
        return pathPrefix("fleet", () -> concat(
                path("summary", () -> get(() -> parameterMap(raw -> {
                    new QueryParams(raw, Set.of());
                    return answer("/api/v1/fleet/summary", () -> queries.summary());
                }))),
                path("soh-distribution", () -> get(() -> parameterMap(raw -> {
                    String by = new QueryParams(raw, Set.of("by")).string("by");
                    Period period = by == null ? Period.MONTH : Period.fromParameter(by).orElseThrow(() ->
                            new InvalidParameterException("by", "by must be one of " + Period.parameters() + ", was '" + by + "'"));
                    return answer("/api/v1/fleet/soh-distribution", () -> queries.sohDistribution(period));
                }))),
                path("cohorts", () -> get(() -> parameterMap(raw -> {
                    String by = new QueryParams(raw, Set.of("by")).string("by");
                    if (by == null) throw new InvalidParameterException("by", "by is required, one of " + CohortDimension.parameters());
                    CohortDimension dim = CohortDimension.fromParameter(by).orElseThrow(() ->
                            new InvalidParameterException("by", "by must be one of " + CohortDimension.parameters() + ", was '" + by + "'"));
                    return answer("/api/v1/fleet/cohorts", () -> queries.cohorts(dim));
                }))),
                path("read-side", () -> get(this::freshness))));
    }

    private Route answer(String instance, java.util.function.Supplier<CompletionStage<?>> query) {
        if (queries == null) {
            return complete(Json.problem(StatusCodes.SERVICE_UNAVAILABLE, "read-side-disabled", "The fleet read side is disabled",
                    "twin.read-side.enabled is off on this node", instance, null));
        }
        CompletionStage<HttpResponse> response = query.get().handle((body, error) -> {
            if (error == null) return withLag(Json.ok(body));
            log.warn("fleet query {} failed: {}", instance, error.toString());
            return Json.problem(StatusCodes.SERVICE_UNAVAILABLE, "read-side-unavailable", "The fleet read side is unavailable",
                    "the read-side database did not answer; retry later", instance, null);
        });
        return completeWithFuture(response);
    }

    /**
     * Every fleet answer says how fresh it is: {@code Read-Side-Lag-Seconds} (how long the oldest pack event not yet in
     * the tables has waited, the largest of any slice; 0 when caught up) and {@code Read-Side-Stalled: true} when a
     * slice has events waiting and has not moved for 30 s.
     */
    private HttpResponse withLag(HttpResponse r) {
        ReadSideLag l = lag.get();
        if (l == null) return r;
        HttpResponse out = r.addHeader(org.apache.pekko.http.javadsl.model.headers.RawHeader.create("Read-Side-Lag-Seconds",
                String.format(java.util.Locale.ROOT, "%.1f", l.secondsBehind())));
        return l.stalled() ? out.addHeader(org.apache.pekko.http.javadsl.model.headers.RawHeader.create("Read-Side-Stalled", "true")) : out;
    }

    /** {@code GET /api/v1/fleet/read-side}: each projection slice's offset and lag; 503 while a slice is stalled. */
    private Route freshness() {
        ReadSideLag l = lag.get();
        if (queries == null || l == null) {
            return complete(Json.problem(StatusCodes.SERVICE_UNAVAILABLE, "read-side-unavailable", "The fleet read side is unavailable",
                    queries == null ? "twin.read-side.enabled is off on this node" : "its lag has not been measured yet; retry",
                    "/api/v1/fleet/read-side", null));
        }
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("status", l.stalled() ? "STALLED" : "OK");
        body.put("secondsBehind", l.secondsBehind());
        body.put("measuredAt", l.measuredAt().toString());
        body.put("slices", l.slices().stream().map(s -> java.util.Map.of("slice", s.slice(), "offset", s.offset(),
                "offsetMovedAt", s.offsetMovedAt().toString(), "eventsBehind", s.eventsBehind(), "secondsBehind", s.secondsBehind(),
                "stalled", s.stalled())).toList());
        HttpResponse r = Json.ok(body);
        return complete(l.stalled() ? r.withStatus(StatusCodes.SERVICE_UNAVAILABLE) : r);
    }
}
