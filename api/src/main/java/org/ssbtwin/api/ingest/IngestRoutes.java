package org.ssbtwin.api.ingest;
import org.ssbtwin.api.http.RequestBodies;

import org.ssbtwin.api.http.InvalidParameterException;
import org.ssbtwin.api.http.Json;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;
import org.ssbtwin.api.ingest.AssetRecorder;
import org.ssbtwin.api.ingest.AssetRecorder;
import org.ssbtwin.api.readside.AssetDirectory;
import org.ssbtwin.fleet.pack.PackStatus;
import org.ssbtwin.fleet.pack.PackSummary;
import org.ssbtwin.core.time.TwinClock;
import org.ssbtwin.fleet.entity.PackAgeing;
import org.ssbtwin.fleet.entity.PackEntity;
import org.ssbtwin.feed.mes.MesBatchValidator;
import org.ssbtwin.feed.mes.MesRecord;

/**
 * Ingestion of facts from outside: vehicle telemetry (NDJSON daily summaries) and MES plant records (JSON batch).
 * Every record is validated before anything is recorded; a batch with a bad record is refused whole with the
 * list of bad records.
 */
public final class IngestRoutes extends AllDirectives {
    private final ClusterSharding sharding;
    private final AssetDirectory directory;
    private final AssetRecorder recorder;
    private final TwinClock clock;
    private final Duration askTimeout;

    public IngestRoutes(ClusterSharding sharding, AssetDirectory directory, AssetRecorder recorder, TwinClock clock, Duration askTimeout) {
        this(sharding, directory, recorder, clock, askTimeout, org.ssbtwin.config.TelemetryAdmissionSettings.DEFAULT);
    }

    /** With the node's bound on pack writes of HTTP telemetry in flight ({@code twin.ingest.max-pack-writes-in-flight}). */
    public IngestRoutes(ClusterSharding sharding, AssetDirectory directory, AssetRecorder recorder, TwinClock clock, Duration askTimeout,
                        org.ssbtwin.config.TelemetryAdmissionSettings admission) {
        this.admission = new TelemetryAdmission(admission.maxPackWritesInFlight());
        this.sharding = sharding;
        this.directory = directory;
        this.recorder = recorder;
        this.clock = clock;
        this.askTimeout = askTimeout;
        this.writer = new TelemetryBatchWriter(sharding, clock::now, askTimeout);
    }

    private final TelemetryBatchWriter writer;
    /** Pack writes of HTTP telemetry in flight on this node (the connectors bound theirs by their own parallelism). */
    private final TelemetryAdmission admission;

    /** Counts this route's records, acknowledgement latency and rejections (source "http"; issue 21). */
    public IngestRoutes withMetrics(org.ssbtwin.api.metrics.TwinMetrics.IngestMeters meters) {
        this.meters = meters;
        return this;
    }

    private org.ssbtwin.api.metrics.TwinMetrics.IngestMeters meters;
    private java.util.function.Supplier<java.util.concurrent.CompletionStage<Boolean>> packsKnown = () -> CompletableFuture.completedFuture(true);

    /**
     * Whether the pack read side holds the journal of the node's start ({@code FleetReadSide.packsFoldedThrough}, measured at the request):
     * until then a pack missing from {@code fleet_pack} may be one installed before a restart and not folded yet, and
     * telemetry naming it gets 503 {@code read-side-catching-up} with {@code Retry-After} instead of 400 unknown pack.
     */
    public IngestRoutes withPacksKnown(java.util.function.Supplier<java.util.concurrent.CompletionStage<Boolean>> packsKnown) {
        this.packsKnown = packsKnown;
        return this;
    }

    /** {@code POST /api/v1/telemetry}: NDJSON, one daily summary per line. */
    public Route telemetry() {
        return pathEnd(() -> post(() -> entity(RequestBodies.NDJSON_TEXT, body -> {
            long t0 = System.nanoTime();
            TelemetryParser.Parsed parsed = TelemetryParser.parse(body,
                    java.time.LocalDate.ofInstant(clock.now(), java.time.ZoneOffset.UTC).plusDays(PackAgeing.MAX_DAYS_AHEAD));
            return onSuccess(errors(parsed, directory).thenCompose(errors -> errors.isEmpty()
                    || !"unknown_pack".equals(org.ssbtwin.api.ingest.PackTelemetry.metricReason(errors))
                    ? CompletableFuture.completedFuture(new PackCheck(errors, true))
                    : packsKnown.get().thenApply(known -> new PackCheck(errors, known))), check -> {
            List<TelemetryParser.LineError> errors = check.errors();
            if (!check.packsKnown()) {
                if (meters != null) meters.rejected("refused", parsed.lines());
                return complete(Json.problem(StatusCodes.SERVICE_UNAVAILABLE, "read-side-catching-up", "The node is still folding the journal",
                        errors.size() + " pack(s) are not in service in the read side, which has not yet folded the journal of the "
                                + "node's start; nothing was recorded, retry", "/api/v1/telemetry", errors.subList(0, Math.min(errors.size(), MAX_ERRORS_SHOWN)))
                        .addHeader(org.apache.pekko.http.javadsl.model.headers.RawHeader.create("Retry-After", "1")));
            }
            if (!errors.isEmpty()) {
                if (meters != null) meters.rejected(org.ssbtwin.api.ingest.PackTelemetry.metricReason(errors), Math.max(parsed.lines(), errors.size()));
                return complete(Json.badRequest(errors.size() + " bad telemetry line(s); nothing was recorded"
                        + shown(errors.size()), "/api/v1/telemetry", errors.subList(0, Math.min(errors.size(), MAX_ERRORS_SHOWN))));
            }
            // the batch waits until its packs fit in the node's pack writes in flight (TelemetryAdmission), at most an ask timeout
            int permits = admission.permits(parsed.byPack().size());
            return onSuccess(admission.acquire(parsed.byPack().size(), askTimeout), admitted -> {
            if (!admitted) {
                if (meters != null) meters.rejected("refused", parsed.lines());
                return complete(Json.problem(StatusCodes.SERVICE_UNAVAILABLE, "telemetry-overloaded", "The node is writing too much telemetry",
                        "the node's telemetry writes in flight stayed full for " + askTimeout.toMillis() + " ms; nothing was recorded, retry",
                        "/api/v1/telemetry", null).addHeader(org.apache.pekko.http.javadsl.model.headers.RawHeader.create("Retry-After", "1")));
            }
            // each pack asked once: one pack persists or refuses its records; several hold theirs until all do, then commit
            return onSuccess(writer.write(parsed.byPack()).whenComplete((r, failure) -> admission.release(permits)), written -> {
                if (!written.refusals().isEmpty()) {
                    if (meters != null) meters.rejected("refused", parsed.lines());
                    return complete(Json.problem(StatusCodes.CONFLICT, "telemetry-conflict", "Telemetry conflicts with the packs' state",
                            written.refusals().size() + " pack(s) refused their records; nothing was recorded", "/api/v1/telemetry",
                            written.refusals()));
                }
                if (written.busy()) {
                    if (meters != null) meters.rejected("refused", parsed.lines());
                    return complete(Json.problem(StatusCodes.CONFLICT, "telemetry-busy", "Packs are held by concurrent telemetry",
                            "packs of this batch stayed held by other batches in flight; nothing was recorded, retry",
                            "/api/v1/telemetry", null));
                }
                if (written.incomplete()) {
                    return complete(Json.problem(StatusCodes.SERVICE_UNAVAILABLE, "telemetry-incomplete", "The batch was partly recorded",
                            "a pack lost its held records between check and commit (node failure or hand-off) and another write "
                                    + "took it; resend the batch: records carry ids and are applied once", "/api/v1/telemetry", null));
                }
                if (meters != null) meters.persisted(parsed.lines(), t0);
                List<String> duplicates = written.duplicateRecordIds();
                Map<String, Object> ack = new java.util.LinkedHashMap<>();
                ack.put("records", parsed.lines());
                ack.put("packs", written.packs());
                ack.put("packsChanged", written.packsChanged());
                ack.put("applied", written.applied());
                ack.put("duplicates", duplicates.size());
                ack.put("duplicateRecordIds", duplicates.subList(0, Math.min(duplicates.size(), MAX_ERRORS_SHOWN)));
                return complete(Json.ok(ack));
            });
            });
            });
        })));
    }

    /** The parse and pack errors of a telemetry message, and whether the read side held the packs of the node's start when asked. */
    private record PackCheck(List<TelemetryParser.LineError> errors, boolean packsKnown) {}

    /** Errors listed in one problem at most: a small request must not get a many-megabyte answer. */
    static final int MAX_ERRORS_SHOWN = 100;

    private static String shown(int errors) {
        return errors > MAX_ERRORS_SHOWN ? " (the first " + MAX_ERRORS_SHOWN + " are listed)" : "";
    }

    /**
     * The parse errors of a telemetry message, else a line for each pack the read side ({@code fleet_pack}) does not know
     * as in service. Without the read side (disabled on this node) only the packs themselves check their records.
     */
    public static CompletionStage<List<TelemetryParser.LineError>> errors(TelemetryParser.Parsed parsed, AssetDirectory directory) {
        List<TelemetryParser.LineError> errors = new ArrayList<>(parsed.errors());
        org.ssbtwin.api.readside.AssetQueries q = directory.queries();
        if (!errors.isEmpty() || q == null || parsed.byPack().isEmpty()) return CompletableFuture.completedFuture(errors);
        return q.packsById(List.copyOf(parsed.byPack().keySet())).thenApply(known -> {
            parsed.byPack().forEach((pack, records) -> {
                PackSummary p = known.get(pack);
                if (p == null || p.status() != PackStatus.IN_SERVICE) {
                    errors.add(new TelemetryParser.LineError(0, "packId", "pack " + pack + (p == null ? " is unknown" : " is not in service")));
                }
            });
            return errors;
        });
    }

    /** {@code POST /api/v1/plant/mes-records}: {@code {"records": [...]}}. */
    public Route mesRecords() {
        return path("mes-records", () -> post(() -> entity(RequestBodies.JSON_TEXT, body -> {
            MesBatch batch;
            try {
                batch = RequestBodies.STRICT.readValue(body, MesBatch.class);
            } catch (com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException e) {
                throw new InvalidParameterException(e.getPropertyName(), RequestBodies.describe(e));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new InvalidParameterException("body", "body must be JSON {\"records\": [...]}: " + RequestBodies.describe(e));
            }
            if (batch == null) throw new InvalidParameterException("body", "body must be a JSON object {\"records\": [...]}, was null");
            List<MesRecord> records = batch.records();
            MesBatchValidator.Named named = MesBatchValidator.named(records);
            if (named.size() > MesBatchValidator.MAX_ASSETS) {
                throw new InvalidParameterException("records", "a batch names at most " + MesBatchValidator.MAX_ASSETS
                        + " distinct stations, cells and packs, this one " + named.size() + ": split it");
            }
            // the packs already installed in the vehicles the batch names (read-side table fleet_pack)
            java.util.Set<org.ssbtwin.core.id.VehicleId> vehicles = new java.util.LinkedHashSet<>();
            if (records != null) for (MesRecord r : records) {
                if (r != null && r.vehicle() != null) {
                    try {
                        vehicles.add(org.ssbtwin.core.id.VehicleId.of(r.vehicle()));
                    } catch (RuntimeException e) {
                        // the validator names the field
                    }
                }
            }
            if (vehicles.size() > MesBatchValidator.MAX_ASSETS) {
                throw new InvalidParameterException("records", "a batch names at most " + MesBatchValidator.MAX_ASSETS
                        + " distinct vehicles, this one " + vehicles.size() + ": split it");
            }
            return onSuccess(packsOfVehicles(vehicles), installed -> onSuccess(recorder.states(named,
                    v -> java.util.Optional.ofNullable(installed.get(v))), states -> {
                MesBatchValidator.Outcome outcome = new MesBatchValidator(states).validate(records);
                if (!outcome.errors().isEmpty()) {
                    return complete(Json.badRequest(outcome.errors().size() + " bad MES record(s); nothing was recorded" + shown(outcome.errors().size()),
                            "/api/v1/plant/mes-records", outcome.errors().subList(0, Math.min(outcome.errors().size(), MAX_ERRORS_SHOWN))));
                }
                if (!outcome.conflicts().isEmpty()) {
                    return complete(Json.problem(StatusCodes.CONFLICT, "mes-conflict", "MES records conflict with the assets' state",
                            outcome.conflicts().size() + " record(s) conflict with what the twin holds; nothing was recorded" + shown(outcome.conflicts().size()),
                            "/api/v1/plant/mes-records", outcome.conflicts().subList(0, Math.min(outcome.conflicts().size(), MAX_ERRORS_SHOWN))));
                }
                return onSuccess(recorder.recordAll(outcome.batches()), results -> {
                    var refused = results.stream().filter(o -> o.rejection() != null)
                            .map(o -> Map.of("asset", o.batch().entityId(), "message", o.rejection().message())).toList();
                    if (!refused.isEmpty()) {
                        return complete(Json.problem(StatusCodes.CONFLICT, "mes-conflict", "MES records conflict with the assets' state",
                                "a concurrent write changed " + refused.size() + " asset(s) after validation", "/api/v1/plant/mes-records", refused));
                    }
                    return complete(Json.ok(Map.of("records", records.size(), "assets", outcome.batches().size(),
                            "duplicates", outcome.duplicates())));
                });
            }));
        })));
    }

    private CompletionStage<Map<org.ssbtwin.core.id.VehicleId, org.ssbtwin.core.id.PackId>> packsOfVehicles(
            java.util.Set<org.ssbtwin.core.id.VehicleId> vehicles) {
        org.ssbtwin.api.readside.AssetQueries q = directory.queries();
        if (q == null || vehicles.isEmpty()) return CompletableFuture.completedFuture(Map.of());
        return q.packsOfVehicles(vehicles); // one IN query (per 200 vehicles), not one query per vehicle
    }

    /** The body of an MES batch. */
    public record MesBatch(List<MesRecord> records) {}
}
