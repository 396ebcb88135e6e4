package org.ssbtwin.api.events;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.pekko.NotUsed;
import org.apache.pekko.http.javadsl.marshalling.sse.EventStreamMarshalling;
import org.apache.pekko.http.javadsl.model.sse.ServerSentEvent;
import org.apache.pekko.http.javadsl.model.ws.Message;
import org.apache.pekko.http.javadsl.model.ws.TextMessage;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.ssbtwin.api.http.ApiModule;
import org.ssbtwin.api.http.InvalidParameterException;
import org.ssbtwin.api.http.Json;
import org.ssbtwin.api.http.QueryParams;
import org.ssbtwin.api.search.SearchRoutes;
import org.ssbtwin.api.search.AssetAttributes;
import org.ssbtwin.core.query.Filter;
import org.ssbtwin.core.query.FilterParser;
import org.ssbtwin.core.query.FilterSyntaxException;

/**
 * {@code GET /api/v1/events?kind=pack&idPrefix=P-DK1-&condition=soh<0.8}: Server-Sent Events of asset changes
 * ({@code event: change}, {@code id:} to resume with {@code Last-Event-ID}), and the same stream as JSON text frames
 * over a WebSocket at {@code /api/v1/events/ws}. {@code condition} is a filter of docs/SEARCH.md evaluated against the
 * asset's summary after the change.
 */
public final class EventsRoutes extends AllDirectives implements ApiModule {
    static final Set<String> KINDS = Set.of(AssetAttributes.STATION, AssetAttributes.CELL, AssetAttributes.PACK);
    static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private final AssetChangeFeed feed;

    public EventsRoutes(AssetChangeFeed feed) {
        this.feed = feed;
    }

    @Override
    public Route routes() {
        return pathPrefix("events", () -> concat(
                pathEnd(() -> get(() -> parameterMap(raw -> optionalHeaderValueByName("Last-Event-ID", header -> {
                    Object parsed = subscription(raw, "/api/v1/events");
                    if (parsed instanceof org.apache.pekko.http.javadsl.model.HttpResponse problem) return complete(problem);
                    @SuppressWarnings("unchecked") Predicate<AssetChangeFeed.Change> filter = (Predicate<AssetChangeFeed.Change>) parsed;
                    Optional<String> last = header.or(() -> Optional.ofNullable(raw.get("lastEventId")));
                    Source<ServerSentEvent, NotUsed> events = feed.subscribe(filter, last).map(EventsRoutes::sse)
                            .keepAlive(KEEP_ALIVE, ServerSentEvent::heartbeat);
                    return respondWithHeader(org.apache.pekko.http.javadsl.model.headers.RawHeader.create("X-Accel-Buffering", "no"),
                            () -> completeOK(events, EventStreamMarshalling.toEventStream()));
                })))),
                path("ws", () -> get(() -> parameterMap(raw -> {
                    Object parsed = subscription(raw, "/api/v1/events/ws");
                    if (parsed instanceof org.apache.pekko.http.javadsl.model.HttpResponse problem) return complete(problem);
                    @SuppressWarnings("unchecked") Predicate<AssetChangeFeed.Change> filter = (Predicate<AssetChangeFeed.Change>) parsed;
                    Source<Message, NotUsed> out = feed.subscribe(filter, Optional.ofNullable(raw.get("lastEventId")))
                            .map(d -> (Message) TextMessage.create(wsJson(d)));
                    return handleWebSocketMessages(Flow.fromSinkAndSourceCoupled(Sink.ignore(), out));
                })))));
    }

    /** The filter of a subscription, or the 400 problem for a bad parameter. */
    private static Object subscription(Map<String, String> raw, String instance) {
        QueryParams q = new QueryParams(raw, Set.of("kind", "idPrefix", "condition", "lastEventId"));
        Set<String> kinds = null;
        String kindParam = q.string("kind");
        if (kindParam != null) {
            kinds = Arrays.stream(kindParam.split(",")).map(s -> s.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
            for (String k : kinds) {
                if (!KINDS.contains(k)) throw new InvalidParameterException("kind", "kind must be station, cell or pack (comma-separated), was '" + k + "'");
            }
        }
        String prefix = q.string("idPrefix");
        String condition = raw.get("condition");
        Filter cond;
        try {
            cond = FilterParser.parse(condition, AssetAttributes.SCHEMA);
        } catch (FilterSyntaxException e) {
            return SearchRoutes.syntaxProblem("condition", condition, e, instance);
        }
        Set<String> ks = kinds;
        Predicate<AssetChangeFeed.Change> filter = c -> (ks == null || ks.contains(c.kind()))
                && (prefix == null || c.id().startsWith(prefix))
                && cond.test(c.view());
        return filter;
    }

    static ServerSentEvent sse(AssetChangeFeed.Delivery d) {
        if (d instanceof AssetChangeFeed.Delivered x) {
            return ServerSentEvent.create(text(x.change()), "change", x.eventId());
        } else if (d instanceof AssetChangeFeed.Subscribed s) {
            return ServerSentEvent.create(text(Map.of("replayed", s.replayed())), "subscribed");
        }
        return ServerSentEvent.create(text(Map.of("reason", ((AssetChangeFeed.Gap) d).reason())), "gap");
    }

    static String wsJson(AssetChangeFeed.Delivery d) {
        if (d instanceof AssetChangeFeed.Delivered x) {
            return text(Map.of("type", "change", "id", x.eventId(), "change", x.change()));
        } else if (d instanceof AssetChangeFeed.Subscribed s) {
            return text(Map.of("type", "subscribed", "replayed", s.replayed()));
        }
        return text(Map.of("type", "gap", "reason", ((AssetChangeFeed.Gap) d).reason()));
    }

    private static String text(Object body) {
        return new String(Json.bytes(body), java.nio.charset.StandardCharsets.UTF_8);
    }

    static List<String> kinds() {
        return List.copyOf(KINDS);
    }
}
