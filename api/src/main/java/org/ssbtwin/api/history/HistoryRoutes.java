package org.ssbtwin.api.history;

import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.stream.javadsl.Sink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ssbtwin.api.http.ApiModule;
import org.ssbtwin.api.http.InvalidParameterException;
import org.ssbtwin.api.http.Json;
import org.ssbtwin.api.http.QueryParams;
import org.ssbtwin.api.readside.AssetDirectory;
import org.ssbtwin.core.AssetState;
import org.ssbtwin.plant.cell.Cell;
import org.ssbtwin.plant.cell.CellEvent;
import org.ssbtwin.core.id.CellId;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.core.id.StationId;
import org.ssbtwin.fleet.pack.Pack;
import org.ssbtwin.fleet.pack.PackEvent;
import org.ssbtwin.fleet.pack.HealthPoint;
import org.ssbtwin.fleet.pack.PackHistory;
import org.ssbtwin.plant.station.Station;
import org.ssbtwin.plant.station.StationEvent;
import org.ssbtwin.fleet.entity.PackEntity;
import org.ssbtwin.plant.entity.CellEntity;
import org.ssbtwin.plant.entity.StationEntity;

/**
 * An asset's past from its journal:
 * <ul>
 *   <li>{@code GET /api/v1/{stations|cells|packs}/{id}/events?page=&size=}: its events in order, paged, each with its
 *       revision (sequence number), type and virtual time;</li>
 *   <li>{@code GET /api/v1/packs/{id}/history?page=&size=}: the pack's weekly state-of-health points
 *       ({@link PackHistory}), folded from its events;</li>
 *   <li>{@code GET .../{id}/at?revision=N}: the state after its first N events, recovered from the newest snapshot at
 *       or below N plus the events after it (Pekko Persistence recovery with {@code toSequenceNr = N});</li>
 *   <li>{@code GET .../{id}/at?time=<ISO instant>}: the state at a virtual time, i.e. after its events up to the first
 *       one stamped later than that time (in journal order). This folds from revision 0: snapshots are chosen by
 *       sequence number, not by virtual time, and only the newest two are retained, so there is no snapshot index
 *       by virtual time to start from.</li>
 * </ul>
 */
public final class HistoryRoutes extends AllDirectives implements ApiModule {
    private static final Logger log = LoggerFactory.getLogger(HistoryRoutes.class);

    private static final java.util.concurrent.atomic.AtomicLong RECOVERIES = new java.util.concurrent.atomic.AtomicLong();
    private final ActorSystem<?> system;
    private final ClusterSharding sharding;
    private final JdbcReadJournal journal;
    private final Duration timeout;

    public HistoryRoutes(ActorSystem<?> system, ClusterSharding sharding, Duration askTimeout) {
        this.system = system;
        this.sharding = sharding;
        this.journal = PersistenceQuery.get(system).getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
        this.timeout = askTimeout;
    }

    /** What the live entity says now: does it exist, and its revision (= highest sequence number). */
    record Current(boolean exists, long revision) {}

    /** One kind of asset: URL segment, entity type name, id validation, empty state, event fold, current revision. */
    private record Kind(String segment, String noun, String entityType, Function<String, String> validId,
                        Function<String, Object> empty, Function<String, CompletionStage<Current>> current) {}

    private List<Kind> kinds() {
        return List.of(
                new Kind("stations", "station", StationEntity.TYPE_KEY.name(), raw -> StationId.of(raw).value(),
                        id -> Station.unknown(StationId.of(id)),
                        id -> sharding.entityRefFor(StationEntity.TYPE_KEY, id)
                                .<StationEntity.Reply>ask(StationEntity.Get::new, timeout)
                                .thenApply(r -> new Current(r.station().commissioned(), r.station().revision()))),
                new Kind("cells", "cell", CellEntity.TYPE_KEY.name(), raw -> CellId.of(raw).value(),
                        id -> Cell.unknown(CellId.of(id)),
                        id -> sharding.entityRefFor(CellEntity.TYPE_KEY, id)
                                .<CellEntity.Reply>ask(CellEntity.Get::new, timeout)
                                .thenApply(r -> new Current(r.cell().exists(), r.cell().revision()))),
                new Kind("packs", "pack", PackEntity.TYPE_KEY.name(), raw -> PackId.of(raw).value(),
                        id -> Pack.unknown(PackId.of(id)),
                        id -> sharding.entityRefFor(PackEntity.TYPE_KEY, id)
                                .<PackEntity.Reply>ask(PackEntity.Get::new, timeout)
                                .thenApply(r -> new Current(r.pack().exists(), r.pack().revision()))));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static final BiFunction<Object, Object, Object> APPLY = (state, event) -> ((AssetState) state).apply(event);

    /** One event of an asset's history. */
    public record HistoryEvent(long revision, String type, Instant at, Object event) {}

    /** The state of an asset as it was. */
    public record PastState(String kind, String id, long revision, long currentRevision, Instant time, Long fromSnapshot,
                            long eventsFolded, Object state) {}

    @Override
    public Route routes() {
        List<Route> routes = new ArrayList<>();
        for (Kind k : kinds()) {
            routes.add(pathPrefix(k.segment(), () -> pathPrefix(segment(), raw -> {
                String id = k.validId().apply(raw);
                String instance = "/api/v1/" + k.segment() + "/" + id;
                return concat(
                        path("events", () -> get(() -> parameterMap(params -> {
                            QueryParams q = new QueryParams(params, Set.of("page", "size"));
                            return onSuccess(events(k, id, q.page(), q.size(), instance + "/events"), this::completeWith);
                        }))),
                        path("at", () -> get(() -> parameterMap(params -> {
                            QueryParams q = new QueryParams(params, Set.of("time", "revision"));
                            boolean byTime = params.containsKey("time");
                            if (byTime == params.containsKey("revision")) {
                                throw new InvalidParameterException(byTime ? "revision" : "time",
                                        "give exactly one of time (ISO-8601 instant) or revision (a whole number >= 1)");
                            }
                            if (byTime) {
                                Instant t = instant(q.string("time"));
                                return onSuccess(atTime(k, id, t, instance + "/at"), this::completeWith);
                            }
                            long rev = q.intIn("revision", 1, 1, Integer.MAX_VALUE);
                            return onSuccess(atRevision(k, id, rev, instance + "/at"), this::completeWith);
                        }))),
                        path("history", () -> get(() -> parameterMap(params -> {
                            if (!k.segment().equals("packs")) return reject();
                            QueryParams q = new QueryParams(params, Set.of("page", "size"));
                            return onSuccess(packHistory(k, id, q.page(), q.size(), instance + "/history"), this::completeWith);
                        }))));
            })));
        }
        return concat(routes.get(0), routes.subList(1, routes.size()).toArray(Route[]::new));
    }

    private Route completeWith(HttpResponse r) {
        return complete(r);
    }

    private static Instant instant(String raw) {
        try {
            return Instant.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException("time", "time must be an ISO-8601 instant like 2028-03-01T00:00:00Z, was '" + raw + "'");
        }
    }

    private static String pid(Kind k, String id) {
        return k.entityType() + "|" + id;
    }

    private CompletionStage<HttpResponse> events(Kind k, String id, int page, int size, String instance) {
        return k.current().apply(id).thenCompose(cur -> {
            if (!cur.exists()) return CompletableFuture.completedFuture(Json.notFound(k.noun() + " " + id + " does not exist", instance));
            long from = (long) page * size + 1;
            if (from > cur.revision()) {
                return CompletableFuture.completedFuture(Json.ok(new AssetDirectory.Page<>(List.of(), page, size, cur.revision())));
            }
            long to = Math.min(cur.revision(), from + size - 1);
            return journal.currentEventsByPersistenceId(pid(k, id), from, to)
                    .map(env -> new HistoryEvent(env.sequenceNr(), typeName(env.event()), at(env.event()), env.event()))
                    .runWith(Sink.seq(), system)
                    .thenApply(items -> Json.ok(new AssetDirectory.Page<>(items, page, size, cur.revision())));
        }).exceptionally(t -> failed(t, instance));
    }

    /** A pack's weekly state-of-health history ({@link PackHistory}), folded from its journal, paged. */
    private CompletionStage<HttpResponse> packHistory(Kind k, String id, int page, int size, String instance) {
        return k.current().apply(id).thenCompose(cur -> {
            if (!cur.exists()) return CompletableFuture.completedFuture(Json.notFound(k.noun() + " " + id + " does not exist", instance));
            return journal.currentEventsByPersistenceId(pid(k, id), 1, cur.revision())
                    .runWith(Sink.fold(new PackHistory(), (h, env) -> env.event() instanceof PackEvent e ? h.add(e) : h), system)
                    .thenApply(h -> {
                        List<HealthPoint> points = h.points();
                        int from = (int) Math.min((long) page * size, points.size());
                        return Json.ok(new AssetDirectory.Page<>(points.subList(from, Math.min(from + size, points.size())), page, size, points.size()));
                    });
        }).exceptionally(t -> failed(t, instance));
    }

    private CompletionStage<HttpResponse> atRevision(Kind k, String id, long revision, String instance) {
        return k.current().apply(id).thenCompose(cur -> {
            if (!cur.exists()) return CompletableFuture.completedFuture(Json.notFound(k.noun() + " " + id + " does not exist", instance));
            if (revision > cur.revision()) {
                String msg = "revision must be within [1, " + cur.revision() + "] (the " + k.noun() + "'s current revision), was " + revision;
                return CompletableFuture.completedFuture(Json.badRequest(msg, instance, List.of(new Json.FieldError("revision", msg))));
            }
            CompletableFuture<PointInTimeRecovery.Folded> folded = new CompletableFuture<>();
            // a system actor: the typed system's user guardian does not let classic actors be created from outside
            ((org.apache.pekko.actor.ExtendedActorSystem) system.classicSystem()).systemActorOf(
                    PointInTimeRecovery.props(pid(k, id), revision, k.empty().apply(id), APPLY, folded),
                    "history-" + RECOVERIES.incrementAndGet());
            return folded.orTimeout(timeout.toMillis() * 4, TimeUnit.MILLISECONDS).thenApply(f -> Json.ok(new PastState(k.noun(), id,
                    revision, cur.revision(), null, f.fromSnapshot() == 0 ? null : f.fromSnapshot(), f.eventsFolded(), f.state())));
        }).exceptionally(t -> failed(t, instance));
    }

    private CompletionStage<HttpResponse> atTime(Kind k, String id, Instant time, String instance) {
        return k.current().apply(id).thenCompose(cur -> {
            if (!cur.exists()) return CompletableFuture.completedFuture(Json.notFound(k.noun() + " " + id + " does not exist", instance));
            record Acc(Object state, long revision) {}
            return journal.currentEventsByPersistenceId(pid(k, id), 1, cur.revision())
                    .takeWhile(env -> !at(env.event()).isAfter(time))
                    .runWith(Sink.fold(new Acc(k.empty().apply(id), 0), (acc, env) -> new Acc(APPLY.apply(acc.state(), env.event()), env.sequenceNr())), system)
                    .thenApply(acc -> acc.revision() == 0
                            ? Json.notFound(k.noun() + " " + id + " has no events at or before " + time, instance)
                            : Json.ok(new PastState(k.noun(), id, acc.revision(), cur.revision(), time, null, acc.revision(), acc.state())));
        }).exceptionally(t -> failed(t, instance));
    }

    private HttpResponse failed(Throwable t, String instance) {
        Throwable c = t instanceof java.util.concurrent.CompletionException && t.getCause() != null ? t.getCause() : t;
        if (c instanceof java.util.concurrent.TimeoutException) {
            return Json.problem(StatusCodes.SERVICE_UNAVAILABLE, "entity-timeout", "The asset's history did not load in time",
                    "no answer within the timeout; the cluster may be rebalancing, retry", instance, null);
        }
        log.error("history query failed for {}", instance, c);
        return Json.problem(StatusCodes.INTERNAL_SERVER_ERROR, "internal-error", "Internal error", "the twin failed to answer", instance, null);
    }

    /** The virtual time of a station, cell or pack event. */
    public static Instant at(Object event) {
        if (event instanceof StationEvent e) return e.at();
        if (event instanceof CellEvent e) return e.at();
        if (event instanceof PackEvent e) return e.at();
        throw new IllegalStateException("not an asset event: " + event.getClass().getName());
    }

    /** The journal type name of an event ({@code pack-usage-recorded}...): its Jackson type id. */
    public static String typeName(Object event) {
        var types = event.getClass().getInterfaces().length > 0
                ? event.getClass().getInterfaces()[0].getAnnotation(com.fasterxml.jackson.annotation.JsonSubTypes.class) : null;
        if (types != null) {
            for (var t : types.value()) if (t.value() == event.getClass()) return t.name();
        }
        return event.getClass().getSimpleName();
    }

}
