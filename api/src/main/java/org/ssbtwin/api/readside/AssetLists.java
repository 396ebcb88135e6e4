package org.ssbtwin.api.readside;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ssbtwin.api.http.Json;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.core.id.VehicleId;

/**
 * The answers of {@code GET /api/v1/stations}, {@code /plant/kpis}, {@code /cells} and {@code /packs} from the read-side tables ({@link AssetQueries}), with
 * how fresh they are: {@code Read-Side-Lag-Seconds} (the station, cell or pack projection's lag, as the fleet answers carry
 * it) and {@code Read-Side-Stalled: true} when a slice is stalled. 503 problems when the read side is off or its
 * database does not answer.
 */
public final class AssetLists {
    private static final Logger log = LoggerFactory.getLogger(AssetLists.class);
    private final AssetQueries queries;
    private final Supplier<ReadSideLag> cellLag;
    private final Supplier<ReadSideLag> packLag;
    private Supplier<ReadSideLag> stationLag = () -> null;

    /** @param queries null when the read side is disabled (every list then answers 503) */
    AssetLists(AssetQueries queries, Supplier<ReadSideLag> cellLag, Supplier<ReadSideLag> packLag) {
        this.queries = queries;
        this.cellLag = cellLag;
        this.packLag = packLag;
    }

    /** The station projection's lag reported with the station list. */
    AssetLists withStationLag(Supplier<ReadSideLag> stationLag) {
        this.stationLag = stationLag;
        return this;
    }

    public CompletionStage<HttpResponse> stations(AssetQueries.StationFilter filter, int page, int size) {
        if (queries == null) return disabled("/api/v1/stations");
        return answer(queries.stations(filter, page, size), stationLag, "/api/v1/stations");
    }

    /** Every station with its time in state (line KPIs), or a 503 problem when the read side is off or does not answer. */
    public CompletionStage<HttpResponse> stationRows(java.util.function.Function<java.util.List<org.ssbtwin.plant.station.StationRow>, Object> render,
                                                     String instance) {
        if (queries == null) return disabled(instance);
        return answer(queries.allStations().thenApply(render), stationLag, instance);
    }

    public CompletionStage<HttpResponse> cells(AssetQueries.CellFilter filter, int page, int size) {
        if (queries == null) return disabled("/api/v1/cells");
        return answer(queries.cells(filter, page, size), cellLag, "/api/v1/cells");
    }

    public CompletionStage<HttpResponse> packs(AssetQueries.PackFilter filter, int page, int size) {
        if (queries == null) return disabled("/api/v1/packs");
        return answer(queries.packs(filter, page, size), packLag, "/api/v1/packs");
    }

    /** The pack in a vehicle per the read side (empty when none, or when the read side is off). */
    public CompletionStage<Optional<PackId>> packOfVehicle(VehicleId vehicle) {
        if (queries == null) return CompletableFuture.completedFuture(Optional.empty());
        return queries.packOfVehicle(vehicle);
    }

    /** The queries, or null when the read side is disabled. */
    public AssetQueries queries() {
        return queries;
    }

    private static CompletionStage<HttpResponse> answer(CompletionStage<?> query, Supplier<ReadSideLag> lag, String instance) {
        return query.handle((body, error) -> {
            if (error == null) return withLag(Json.ok(body), lag.get());
            log.warn("list {} failed: {}", instance, error.toString());
            return Json.problem(StatusCodes.SERVICE_UNAVAILABLE, "read-side-unavailable", "The read side is unavailable",
                    "the read-side database did not answer; retry later", instance, null);
        });
    }

    private static CompletionStage<HttpResponse> disabled(String instance) {
        return CompletableFuture.completedFuture(Json.problem(StatusCodes.SERVICE_UNAVAILABLE, "read-side-disabled",
                "The read side is disabled", "twin.read-side.enabled is off on this node: lists are served from its tables", instance, null));
    }

    static HttpResponse withLag(HttpResponse r, ReadSideLag l) {
        if (l == null) return r;
        HttpResponse out = r.addHeader(RawHeader.create("Read-Side-Lag-Seconds", String.format(Locale.ROOT, "%.1f", l.secondsBehind())));
        return l.stalled() ? out.addHeader(RawHeader.create("Read-Side-Stalled", "true")) : out;
    }
}
