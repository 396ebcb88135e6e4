package org.ssbtwin.api.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.ssbtwin.api.http.ApiModule;
import org.ssbtwin.api.http.Json;
import org.ssbtwin.api.http.QueryParams;
import org.ssbtwin.api.readside.AssetDirectory;
import org.ssbtwin.plant.cell.CellSummary;
import org.ssbtwin.fleet.pack.PackSummary;
import org.ssbtwin.api.search.AssetAttributes;
import org.ssbtwin.core.query.AttributeView;
import org.ssbtwin.core.query.Filter;
import org.ssbtwin.core.query.FilterParser;
import org.ssbtwin.core.query.FilterSyntaxException;
import org.ssbtwin.core.query.Search;
import org.ssbtwin.core.query.SortSpec;
import org.ssbtwin.plant.station.Station;

/**
 * {@code GET /api/v1/search?q=...&sort=-soh,id&limit=50&cursor=...}: the filter language of docs/SEARCH.md over the
 * read side's station, cell and pack summaries, with a total count and stable cursor paging.
 */
public final class SearchRoutes extends AllDirectives implements ApiModule {
    public static final int MAX_LIMIT = 1000;
    private static final Set<String> PARAMETERS = Set.of("q", "sort", "limit", "cursor");
    /** The order without a {@code sort} parameter (by kind, then id), parsed once. */
    private static final SortSpec BY_KIND_AND_ID = SortSpec.parse(null, AssetAttributes.SCHEMA);

    private final AssetDirectory directory;
    private final SearchTables tables;

    /** Searches the in-memory summaries of {@code directory}. */
    public SearchRoutes(AssetDirectory directory) {
        this(directory, null);
    }

    /**
     * Searches the read-side tables once they exist (then the filter also knows the recall attributes {@code cell.*}),
     * the in-memory summaries of {@code directory} until then or when {@code tables} is null (read side disabled).
     */
    public SearchRoutes(AssetDirectory directory, SearchTables tables) {
        this.directory = directory;
        this.tables = tables;
    }

    /** One asset in a result or a change event: its kind, id and summary. */
    public record Asset(String kind, String id, Object summary, @com.fasterxml.jackson.annotation.JsonIgnore AttributeView view) {
        public static Asset of(Station s) {
            return new Asset(AssetAttributes.STATION, s.id().value(), s, AssetAttributes.of(s));
        }

        public static Asset of(CellSummary c) {
            return new Asset(AssetAttributes.CELL, c.id().value(), c, AssetAttributes.of(c));
        }

        public static Asset of(PackSummary p) {
            return new Asset(AssetAttributes.PACK, p.id().value(), p, AssetAttributes.of(p));
        }
    }

    public record Result(List<Asset> items, long count, String nextCursor) {}

    @Override
    public Route routes() {
        return path("search", () -> get(() -> parameterMap(raw -> {
            QueryParams params = new QueryParams(raw, PARAMETERS);
            int limit = params.intIn("limit", 50, 1, MAX_LIMIT);
            String q = raw.getOrDefault("q", "");
            Filter filter;
            SortSpec sort;
            boolean fromTables = tables != null && tables.present();
            try {
                filter = FilterParser.parse(q, fromTables ? RecallAttributes.SCHEMA : AssetAttributes.SCHEMA);
            } catch (FilterSyntaxException e) {
                return complete(syntaxProblem("q", q, e, "/api/v1/search"));
            }
            try {
                String text = raw.get("sort");
                sort = text == null || text.isBlank() ? BY_KIND_AND_ID : SortSpec.parse(text, AssetAttributes.SCHEMA);
            } catch (FilterSyntaxException e) {
                return complete(syntaxProblem("sort", raw.get("sort"), e, "/api/v1/search"));
            }
            String cursor = raw.get("cursor");
            if (cursor != null && cursor.isBlank()) cursor = null;
            // the cursors' query fingerprint (a SHA-256), computed only when a cursor is read or a next page written
            java.util.function.Supplier<String> fingerprint = () -> fingerprint(q.strip() + "\n" + sort);
            if (fromTables) return fromTables(filter, sort, cursor, limit, fingerprint);
            Search.Result<Asset> r;
            try {
                r = Search.run(assets(), Asset::view, filter, sort, cursor, limit, fingerprint.get());
            } catch (IllegalArgumentException e) {
                return complete(Json.badRequest(e.getMessage(), "/api/v1/search", List.of(new Json.FieldError("cursor", e.getMessage()))));
            }
            return complete(Json.ok(new Result(r.items(), r.count(), r.nextCursor())));
        })));
    }

    /** The page from the read-side tables (SearchTables): same shape, packs of a recall filter list their matching cells. */
    private Route fromTables(Filter filter, SortSpec sort, String cursor, int limit, java.util.function.Supplier<String> fingerprint) {
        java.util.concurrent.CompletionStage<SearchTables.Page> page;
        try {
            page = tables.search(filter, sort, cursor, limit, fingerprint);
        } catch (IllegalArgumentException e) {
            return complete(Json.badRequest(e.getMessage(), "/api/v1/search", List.of(new Json.FieldError("cursor", e.getMessage()))));
        }
        return completeWithFuture(page.handle((p, error) -> {
            if (error == null) return Json.ok(p);
            org.slf4j.LoggerFactory.getLogger(SearchRoutes.class).warn("search on the read-side tables failed: {}", error.toString());
            return Json.problem(org.apache.pekko.http.javadsl.model.StatusCodes.SERVICE_UNAVAILABLE, "read-side-unavailable",
                    "The read side is unavailable", "the read-side database did not answer; retry later", "/api/v1/search", null);
        }));
    }

    /** Every station (commissioned), cell and pack (known) of the read side, as searchable assets. */
    private Iterable<Asset> assets() {
        List<Asset> all = new ArrayList<>(directory.stationMap().size() + directory.cellMap().size() + directory.packMap().size());
        directory.stationMap().values().forEach(s -> {
            if (s.commissioned()) all.add(Asset.of(s));
        });
        directory.cellMap().values().forEach(c -> {
            if (c.status() != org.ssbtwin.plant.cell.CellStatus.UNKNOWN) all.add(Asset.of(c));
        });
        directory.packMap().values().forEach(p -> {
            if (p.status() != org.ssbtwin.fleet.pack.PackStatus.UNKNOWN) all.add(Asset.of(p));
        });
        return all;
    }

    private static String fingerprint(String s) {
        return org.ssbtwin.config.AuthSettings.sha256Hex(s).substring(0, 16);
    }

    /** 400 for a filter or sort that does not parse: names the parameter, the 0-based position and what was expected. */
    public static HttpResponse syntaxProblem(String parameter, String text, FilterSyntaxException e, String instance) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", parameter);
        error.put("message", e.getMessage());
        error.put("position", e.position());
        error.put("expected", e.expected());
        if (e.found() != null) error.put("found", e.found());
        String detail = parameter + " is not valid at position " + e.position() + ": expected " + e.expected()
                + (e.found() == null ? "" : ", found " + e.found());
        return Json.problem(org.apache.pekko.http.javadsl.model.StatusCodes.BAD_REQUEST, "invalid-filter",
                "The filter or sort expression is invalid", detail, instance, List.of(error));
    }
}
