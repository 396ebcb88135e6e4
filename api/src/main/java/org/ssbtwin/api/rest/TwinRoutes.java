package org.ssbtwin.api.rest;
import org.ssbtwin.api.http.ServerFailures;
import org.ssbtwin.api.http.RequestBodies;

import org.ssbtwin.api.http.ApiModule;
import org.ssbtwin.api.http.DashboardRoutes;
import org.ssbtwin.api.http.InvalidParameterException;
import org.ssbtwin.api.http.Json;
import org.ssbtwin.api.http.QueryParams;
import org.ssbtwin.api.ingest.IngestRoutes;

import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.ExceptionHandler;
import org.apache.pekko.http.javadsl.server.RejectionHandler;
import org.apache.pekko.http.javadsl.server.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ssbtwin.api.readside.AssetDirectory;
import org.ssbtwin.api.study.StudyRoutes;
import org.ssbtwin.core.Rejection;
import org.ssbtwin.plant.cell.CellStatus;
import org.ssbtwin.plant.cell.CellSummary;
import org.ssbtwin.core.id.CellId;
import org.ssbtwin.core.id.InvalidIdException;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.core.id.StationId;
import org.ssbtwin.core.id.VehicleId;
import org.ssbtwin.fleet.pack.PackStatus;
import org.ssbtwin.fleet.pack.PackSummary;
import org.ssbtwin.plant.station.Station;
import org.ssbtwin.plant.station.StationEvent;
import org.ssbtwin.plant.station.StationState;
import org.ssbtwin.core.time.TwinClock;
import org.ssbtwin.fleet.entity.PackEntity;
import org.ssbtwin.plant.entity.CellEntity;
import org.ssbtwin.plant.entity.StationEntity;

/**
 * The REST API under {@code /api/v1}. Thin: each route parses and validates its input, asks one entity (through
 * sharding) or the read side, and renders the answer; every error is an RFC 7807 problem.
 */
public final class TwinRoutes extends AllDirectives {
    private static final Logger log = LoggerFactory.getLogger(TwinRoutes.class);

    private static final org.ssbtwin.fleet.entity.PackAgeing PACK_AGEING = org.ssbtwin.fleet.entity.PackAgeing.standard();

    private final ClusterSharding sharding;
    private final AssetDirectory directory;
    private final TwinClock clock;
    private final Duration askTimeout;
    private final BooleanSupplier ready;
    private final StudyRoutes studies;

    private final IngestRoutes ingest;
    private final org.ssbtwin.plant.layout.PlantLayout layout;
    private final List<ApiModule> modules;
    private org.ssbtwin.api.auth.AccessControl access = org.ssbtwin.api.auth.AccessControl.disabled();

    /** @param layout the plant layout (ideal cycle times, cell energy) for KPIs; may be null */
    public TwinRoutes(ClusterSharding sharding, AssetDirectory directory, TwinClock clock, Duration askTimeout, BooleanSupplier ready,
                      IngestRoutes ingest, org.ssbtwin.plant.layout.PlantLayout layout, StudyRoutes studies) {
        this(sharding, directory, clock, askTimeout, ready, ingest, layout, studies, List.of());
    }

    /** @param modules further parts of the API (scenarios, search, events...), mounted under /api/v1 */
    public TwinRoutes(ClusterSharding sharding, AssetDirectory directory, TwinClock clock, Duration askTimeout, BooleanSupplier ready,
                      IngestRoutes ingest, org.ssbtwin.plant.layout.PlantLayout layout, StudyRoutes studies, List<ApiModule> modules) {
        this.modules = List.copyOf(modules);
        this.ingest = ingest;
        this.layout = layout;
        this.sharding = sharding;
        this.directory = directory;
        this.clock = clock;
        this.askTimeout = askTimeout;
        this.ready = ready;
        this.studies = studies;
    }

    private org.ssbtwin.api.readside.AssetLists lists;

    /** Cell and pack lists, counts and the vehicle lookup from the read-side tables (never a fold in this node's heap). */
    public TwinRoutes withAssetLists(org.ssbtwin.api.readside.AssetLists lists) {
        this.lists = lists;
        return this;
    }

    /** Guards every route (this class's and every module's) with {@code access} (API keys and roles). */
    public TwinRoutes withAccessControl(org.ssbtwin.api.auth.AccessControl access) {
        this.access = access;
        return this;
    }

    public Route routes() {
        // the handlers and the route tree built once here, not again for every request by the directives' suppliers
        ExceptionHandler exceptions = exceptionHandler();
        RejectionHandler rejections = rejectionHandler();
        Route moduleTree = moduleRoutes(), dashboard = new DashboardRoutes().routes();
        Route v1 = concat(
                        path("health", () -> get(() -> complete(Json.ok(Map.of("status", "UP"))))),
                        path("ready", () -> get(this::readiness)),
                        path("clock", () -> get(() -> complete(Json.ok(Map.of("now", clock.now().toString(), "speedUp", clock.speedUp()))))),
                        pathPrefix("stations", this::stationRoutes),
                        pathPrefix("cells", this::cellRoutes),
                        pathPrefix("packs", this::packRoutes),
                        pathPrefix("vehicles", this::vehicleRoutes),
                        pathPrefix("telemetry", ingest::telemetry),
                        pathPrefix("plant", () -> concat(ingest.mesRecords(), path("kpis", () -> get(this::plantKpis)))),
                        pathPrefix("studies", studies::routes),
                        moduleTree);
        Route tree = concat(pathPrefix("api", () -> pathPrefix("v1", () -> v1)), dashboard);
        return withRequestTimeoutResponse(ServerFailures::requestTimeout,
                () -> handleExceptions(exceptions, () -> handleRejections(rejections, () -> access.protect(() -> tree))));
    }

    private Route moduleRoutes() {
        if (modules.isEmpty()) return reject();
        return concat(modules.get(0).routes(), modules.stream().skip(1).map(ApiModule::routes).toArray(Route[]::new));
    }

    private Route readiness() {
        if (ready.getAsBoolean()) return complete(Json.ok(Map.of("status", "READY", "eventsReplayed", directory.eventsSeen())));
        return complete(Json.problem(StatusCodes.SERVICE_UNAVAILABLE, "not-ready", "The twin is starting",
                "the cluster is forming, the asset tags are still being read, or the journal cannot be written (see the log)",
                "/api/v1/ready", null));
    }

    // ---- stations ----

    private Route stationRoutes() {
        return concat(
                pathEnd(() -> get(() -> parameterMap(raw -> {
                    QueryParams q = new QueryParams(raw, Set.of("kind", "state", "page", "size"));
                    String kind = q.string("kind");
                    StationState state = q.enumValue("state", StationState.class);
                    return completeWithFuture(lists.stations(new org.ssbtwin.api.readside.AssetQueries.StationFilter(kind, state), q.page(), q.size()));
                }))),
                pathPrefix(segment(), rawId -> {
                    StationId id = StationId.of(rawId);
                    EntityRef<StationEntity.Command> ref = sharding.entityRefFor(StationEntity.TYPE_KEY, id.value());
                    return concat(
                            pathEnd(() -> get(() -> ask(ref, StationEntity.Get::new, (StationEntity.Reply r) ->
                                    r.station().commissioned() ? Json.ok(r.station())
                                            : Json.notFound("station " + id + " does not exist", "/api/v1/stations/" + id)))),
                            path(segment("setpoints").slash(segment()), name -> put(() ->
                                    entity(RequestBodies.JSON_TEXT, body -> {
                                        double value = setpointValue(body);
                                        StationEvent e = new StationEvent.SetpointChanged(name, value, clock.now());
                                        return ask(ref, replyTo -> new StationEntity.Record(e, replyTo), (StationEntity.Reply r) ->
                                                r.rejection() == null ? Json.ok(r.station())
                                                        : rejected(r.rejection(), "/api/v1/stations/" + id + "/setpoints/" + name));
                                    }))));
                }));
    }

    private static double setpointValue(String body) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidParameterException("body", "body must be JSON like {\"value\": 125.0}: " + RequestBodies.describe(e));
        }
        if (node == null || !node.isObject() || !node.has("value")) {
            throw new InvalidParameterException("value", "body must be a JSON object with a numeric field 'value'");
        }
        node.fieldNames().forEachRemaining(f -> {
            if (!f.equals("value")) throw new InvalidParameterException(f, "unknown field '" + f + "'; only 'value' is accepted");
        });
        if (!node.get("value").isNumber()) throw new InvalidParameterException("value", "value must be a number, was " + node.get("value"));
        return node.get("value").asDouble();
    }

    /** KPIs of the line from the recorded station facts (counters, time in state: the read-side tables) up to virtual now. */
    private Route plantKpis() {
        java.time.Instant now = clock.now();
        return completeWithFuture(lists.stationRows(rows -> {
            java.util.List<org.ssbtwin.plant.station.LineKpis.StationInput> inputs = new java.util.ArrayList<>();
            rows.stream().filter(r -> r.station().commissioned()).forEach(r -> {
                Station s = r.station();
                double ideal = layout == null ? 0 : layout.stations().stream().filter(spec -> spec.id().equals(s.id()))
                        .mapToDouble(spec -> spec.cycleTime().meanSeconds() / Math.max(1, spec.slotsPerUnit())).findFirst().orElse(0);
                inputs.add(new org.ssbtwin.plant.station.LineKpis.StationInput(s, r.time(), ideal));
            });
            double cellKwh = layout == null ? 0 : layout.cellDesign().cellEnergyKWh();
            return org.ssbtwin.plant.station.LineKpis.compute(inputs, now, "EOL_TEST", cellKwh);
        }, "/api/v1/plant/kpis"));
    }

    // ---- cells ----

    private Route cellRoutes() {
        return concat(
                pathEnd(() -> get(() -> parameterMap(raw -> {
                    QueryParams q = new QueryParams(raw, Set.of("status", "state", "grade", "packId", "sohBelow", "page", "size"));
                    CellStatus status = q.enumValue(raw.containsKey("state") ? "state" : "status", CellStatus.class);
                    String grade = q.string("grade");
                    PackId pack = raw.containsKey("packId") ? PackId.of(q.string("packId")) : null;
                    Double sohBelow = q.doubleIn("sohBelow", 0, 2);
                    return completeWithFuture(lists.cells(new org.ssbtwin.api.readside.AssetQueries.CellFilter(status, grade, pack, sohBelow),
                            q.page(), q.size()));
                }))),
                pathPrefix(segment(), rawId -> {
                    CellId id = CellId.of(rawId);
                    EntityRef<CellEntity.Command> ref = sharding.entityRefFor(CellEntity.TYPE_KEY, id.value());
                    String instance = "/api/v1/cells/" + id;
                    return concat(
                            pathEnd(() -> get(() -> ask(ref, CellEntity.Get::new, (CellEntity.Reply r) ->
                                    r.cell().exists() ? Json.ok(r.cell()) : Json.notFound("cell " + id + " does not exist", instance)))),
                            path("genealogy", () -> get(() -> ask(ref, CellEntity.Get::new, (CellEntity.Reply r) ->
                                    r.cell().exists() ? Json.ok(r.cell().genealogy()) : Json.notFound("cell " + id + " does not exist", instance + "/genealogy")))));
                }));
    }

    // ---- packs and vehicles ----

    private Route packRoutes() {
        return concat(
                pathEnd(() -> get(() -> parameterMap(raw -> {
                    QueryParams q = new QueryParams(raw, Set.of("state", "status", "vehicleModel", "climate", "archetype", "sohBelow", "page", "size"));
                    PackStatus status = q.enumValue(raw.containsKey("state") ? "state" : "status", PackStatus.class);
                    String model = q.string("vehicleModel");
                    String climate = q.string("climate");
                    String archetype = q.string("archetype");
                    Double sohBelow = q.doubleIn("sohBelow", 0, 2);
                    return completeWithFuture(lists.packs(new org.ssbtwin.api.readside.AssetQueries.PackFilter(status, model, climate, archetype, sohBelow),
                            q.page(), q.size()));
                }))),
                pathPrefix(segment(), rawId -> {
                    PackId id = PackId.of(rawId);
                    EntityRef<PackEntity.Command> ref = sharding.entityRefFor(PackEntity.TYPE_KEY, id.value());
                    String instance = "/api/v1/packs/" + id;
                    return concat(
                            pathEnd(() -> get(() -> packById(id))),
                            path("health", () -> get(() -> ask(ref, PackEntity.Get::new, (PackEntity.Reply r) ->
                                    r.pack().exists() ? Json.ok(PACK_AGEING.health(r.pack())) : Json.notFound("pack " + id + " does not exist", instance + "/health")))));
                    // GET /packs/{id}/history: HistoryRoutes (folded from the journal)
                }));
    }

    private Route packById(PackId id) {
        EntityRef<PackEntity.Command> ref = sharding.entityRefFor(PackEntity.TYPE_KEY, id.value());
        return ask(ref, PackEntity.Get::new, (PackEntity.Reply r) ->
                r.pack().exists() ? Json.ok(r.pack()) : Json.notFound("pack " + id + " does not exist", "/api/v1/packs/" + id));
    }

    private Route vehicleRoutes() {
        return path(segment().slash("pack"), rawId -> get(() -> {
            VehicleId vehicle = VehicleId.of(rawId);
            // the vehicle's pack per the read side (fleet_pack, indexed), then the pack itself from its entity
            return onSuccess(lists.packOfVehicle(vehicle), pack -> pack.map(this::packById)
                    .orElseGet(() -> complete(Json.notFound("no pack is installed in vehicle " + vehicle, "/api/v1/vehicles/" + vehicle + "/pack"))));
        }));
    }

    // ---- plumbing ----

    private <C, R> Route ask(EntityRef<C> ref, Function<ActorRef<R>, C> message, Function<R, HttpResponse> render) {
        CompletionStage<R> reply = ref.ask(message::apply, askTimeout);
        return onComplete(reply, result -> {
            if (result.isSuccess()) return complete(render.apply(result.get()));
            Throwable t = result.failed().get();
            // no answer from the asset (its shard is moving: failover, hand-off): 503 + Retry-After for reads and writes
            log.warn("entity ask failed: {}", t.toString());
            return complete(org.ssbtwin.api.http.AssetUnavailable.problem(t, askTimeout, null));
        });
    }

    private static HttpResponse rejected(Rejection r, String instance) {
        List<Json.FieldError> errors = r.field() == null ? List.of() : List.of(new Json.FieldError(r.field(), r.message()));
        return switch (r.kind()) {
            case INVALID -> Json.badRequest(r.message(), instance, errors);
            case NOT_FOUND -> Json.notFound(r.message(), instance);
            case CONFLICT -> Json.problem(StatusCodes.CONFLICT, "conflict", "The request conflicts with the asset's state", r.message(), instance, errors);
        };
    }

    private ExceptionHandler exceptionHandler() {
        return ExceptionHandler.newBuilder()
                .match(InvalidIdException.class, e -> complete(Json.badRequest(e.getMessage(), null, List.of(new Json.FieldError(e.kind() + "Id", e.getMessage())))))
                .match(InvalidParameterException.class, e -> complete(Json.badRequest(e.getMessage(), null, List.of(new Json.FieldError(e.field(), e.getMessage())))))
                .match(IllegalArgumentException.class, e -> complete(Json.badRequest(e.getMessage(), null, null)))
                .match(Throwable.class, org.ssbtwin.api.http.AssetUnavailable::isUnanswered, e -> {
                    log.warn("asset unavailable: {}", e.toString()); // e.g. telemetry for a pack whose shard is moving
                    return complete(org.ssbtwin.api.http.AssetUnavailable.problem(e, askTimeout, null));
                })
                .matchAny(e -> {
                    HttpResponse known = ServerFailures.answer(e, askTimeout);
                    if (known != null) return complete(known);
                    log.error("unhandled error in route", e);
                    return complete(Json.problem(StatusCodes.INTERNAL_SERVER_ERROR, "internal-error", "Internal error", "the twin failed to answer", null, null));
                })
                .build();
    }

    /** Pekko's own rejections (404 for unknown paths, 405, 415...) rendered as problems. */
    private static RejectionHandler rejectionHandler() {
        return RejectionHandler.defaultHandler().mapRejectionResponse(resp -> {
            String text = resp.entity() instanceof org.apache.pekko.http.javadsl.model.HttpEntity.Strict s
                    ? s.getData().utf8String() : resp.status().reason();
            // no route matched: a distinct type, so that clients (and OpenApiContractTest) tell it from an unknown asset's 404
            String slug = switch (resp.status().intValue()) {
                case 404 -> "no-such-route";
                case 405 -> "method-not-allowed";
                case 415 -> "unsupported-media-type";
                default -> "invalid-request";
            };
            return Json.problem(resp.status(), slug, resp.status().reason(), text, null, null)
                    .withHeaders(resp.getHeaders());
        });
    }
}
