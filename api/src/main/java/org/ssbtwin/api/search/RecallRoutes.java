package org.ssbtwin.api.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;
import org.ssbtwin.api.http.ApiModule;
import org.ssbtwin.api.http.Json;
import org.ssbtwin.api.http.QueryParams;
import org.ssbtwin.core.query.Filter;
import org.ssbtwin.core.query.FilterParser;
import org.ssbtwin.core.query.FilterSyntaxException;

/**
 * {@code GET /api/v1/search/recall.csv?q=...&limit=...}: the recall campaign of a pack filter (usually with
 * {@code cell.*} terms) as CSV, one line per affected pack with its vehicle, model, status, SoH and matching cells,
 * in pack id order, at most {@code limit} packs. Streamed from one read-only database cursor (on Pekko's blocking-IO
 * dispatcher), so memory stays flat whatever the campaign size.
 */
public final class RecallRoutes extends AllDirectives implements ApiModule {
    public static final int DEFAULT_LIMIT = 10_000;
    public static final int MAX_LIMIT = 1_000_000;
    /** Packs per streamed chunk. */
    private static final int PACKS_PER_CHUNK = 200;
    public static final String HEADER = "pack_id,vehicle_id,vehicle_model,status,soh,climate,matching_cells,cell_ids";

    private static final String INSTANCE = "/api/v1/search/recall.csv";
    private static final String PACK_SELECT = "p.pack_id, p.vehicle_id, p.vehicle_model, p.status, p.soh_capacity, p.climate";

    private final SearchTables tables;

    /** @param tables null when the read side is disabled: the route answers 503 */
    public RecallRoutes(SearchTables tables) {
        this.tables = tables;
    }

    @Override
    public Route routes() {
        return path(org.apache.pekko.http.javadsl.server.PathMatchers.segment("search").slash("recall.csv"), () -> get(() -> parameterMap(raw -> {
            QueryParams params = new QueryParams(raw, Set.of("q", "limit"));
            int limit = params.intIn("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
            String q = raw.getOrDefault("q", "");
            Filter filter;
            try {
                filter = FilterParser.parse(q, RecallAttributes.SCHEMA);
            } catch (FilterSyntaxException e) {
                return complete(SearchRoutes.syntaxProblem("q", q, e, INSTANCE));
            }
            if (tables == null || !tables.present()) {
                return complete(Json.problem(StatusCodes.SERVICE_UNAVAILABLE, "read-side-unavailable", "The read side is unavailable",
                        "recalls are answered from the read-side tables, which this node does not have", INSTANCE, null));
            }
            Source<ByteString, ?> csv = Source.single(ByteString.fromString(HEADER + "\n"))
                    .concat(Source.unfoldResource(() -> new Lines(tables, filter, limit), Lines::next, Lines::close));
            return complete(HttpResponse.create()
                    .withEntity(HttpEntities.createChunked(ContentTypes.TEXT_CSV_UTF8, csv))
                    .addHeader(RawHeader.create("Content-Disposition", "attachment; filename=\"recall.csv\"")));
        })));
    }

    /** The open cursor over matching packs joined with their matching cells, read a chunk of packs at a time. */
    static final class Lines {
        private final Connection connection;
        private final PreparedStatement statement;
        private final ResultSet rows;
        private final int limit;
        private int packs;
        private boolean more;

        Lines(SearchTables tables, Filter filter, int limit) throws SQLException {
            this.limit = limit;
            Connection c = tables.pool().getConnection();
            try {
                c.setReadOnly(true);
                c.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
                SqlSearch.Sql sql = tables.sql(c).parentsWithChildren(filter, PACK_SELECT, "c.cell_id");
                if (sql == null) {
                    statement = null;
                    rows = null;
                } else {
                    statement = SearchTables.prepare(c, sql);
                    statement.setFetchSize(1000);
                    rows = statement.executeQuery();
                }
                more = rows != null && rows.next();
            } catch (SQLException | RuntimeException e) {
                c.close();
                throw e;
            }
            this.connection = c;
        }

        Optional<ByteString> next() throws SQLException {
            if (!more || packs >= limit) return Optional.empty();
            StringBuilder b = new StringBuilder();
            for (int n = 0; n < PACKS_PER_CHUNK && more && packs < limit; n++) {
                String pack = rows.getString(1);
                String[] cols = {pack, rows.getString(2), rows.getString(3), rows.getString(4), soh(rows), rows.getString(6)};
                List<String> cells = new ArrayList<>();
                do {
                    String cell = rows.getString(7);
                    if (cell != null) cells.add(cell);
                    more = rows.next();
                } while (more && pack.equals(rows.getString(1)));
                for (String col : cols) b.append(field(col)).append(',');
                b.append(cells.size()).append(',').append(field(String.join(" ", cells))).append('\n');
                packs++;
            }
            return Optional.of(ByteString.fromString(b.toString()));
        }

        private static String soh(ResultSet rs) throws SQLException {
            double d = rs.getDouble(5);
            return rs.wasNull() ? "" : String.format(Locale.ROOT, "%.4f", d);
        }

        void close() throws SQLException {
            try {
                connection.rollback();
            } finally {
                connection.close();
            }
        }
    }

    /** One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. */
    static String field(String s) {
        if (s == null) return "";
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
