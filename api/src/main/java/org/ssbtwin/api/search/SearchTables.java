package org.ssbtwin.api.search;

import org.ssbtwin.api.readside.ReadOnlyTransactions;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import javax.sql.DataSource;
import org.ssbtwin.core.query.AttrType;
import org.ssbtwin.core.query.Cursor;
import org.ssbtwin.core.query.Filter;
import org.ssbtwin.core.query.SortSpec;
import org.ssbtwin.api.search.SqlSearch.Column;

/**
 * Search and recall on the read-side tables ({@code rs_station}, {@code rs_cell}, {@code rs_cell_roll},
 * {@code fleet_pack}; Flyway migrations in db/readside): which column holds each attribute of
 * {@link AssetAttributes} and of the recall attributes {@link RecallAttributes}, and the queries, run on the read
 * side's own executor (JDBC never blocks the HTTP layer).
 */
public final class SearchTables {
    /** Matching cells listed per pack in a search answer (all are counted). */
    public static final int CELLS_LISTED_PER_PACK = 100;

    private final DataSource pool;
    private final ReadOnlyTransactions transactions;
    private volatile SqlSearch sql;
    private volatile boolean present;

    public SearchTables(DataSource pool, Executor executor) {
        this.pool = pool;
        this.transactions = new ReadOnlyTransactions(pool, executor, "read-side search");
    }

    /**
     * The tables of this node's database, read through the read side's query pool and threads (closed with it); null
     * when the read side is disabled.
     */
    public static SearchTables of(org.ssbtwin.api.readside.FleetReadSide readSide) {
        return readSide.queryPool() == null ? null : new SearchTables(readSide.queryPool(), readSide.queryExecutor());
    }

    // ---------------------------------------------------------------- the mapping
    // Upper: ids (their patterns allow only upper case, e.g. StationId, CellId, RollId) and enum names (status), so
    // equality uses the column's index; station kind, grade, lot, climate, model... may hold any case: LOWER(...).

    static final SqlSearch.Table STATIONS = new SqlSearch.Table(AssetAttributes.STATION, "rs_station s", "s.station_id", null, Map.of(
            "id", new Column.Upper("s.station_id"),
            "state", new Column.Upper("s.state"),
            "stationKind", new Column.Expr("s.station_kind"),
            "stateReason", new Column.Expr("s.state_reason"),
            "units", new Column.Expr("s.units"),
            "unitsIn", new Column.Expr("s.units_in"),
            "unitsOut", new Column.Expr("s.units_out"),
            "scrap", new Column.Expr("s.scrap"),
            "revision", new Column.Expr("s.revision")));

    static final SqlSearch.Table CELLS = new SqlSearch.Table(AssetAttributes.CELL, "rs_cell c", "c.cell_id", "c.status <> 'UNKNOWN'", Map.ofEntries(
            Map.entry("id", new Column.Upper("c.cell_id")),
            Map.entry("state", new Column.Upper("c.status")),
            Map.entry("grade", new Column.Expr("c.grade")),
            // as the summaries: capacity and resistance only once graded
            Map.entry("capacityAh", new Column.Expr("CASE WHEN c.grade IS NULL THEN NULL ELSE c.capacity_ah END")),
            Map.entry("resistanceMilliOhm", new Column.Expr("CASE WHEN c.grade IS NULL THEN NULL ELSE c.resistance_mohm END")),
            Map.entry("laminationTemperatureC", new Column.Expr("c.lamination_temperature_c")),
            Map.entry("dewPointC", new Column.Expr("c.dew_point_c")),
            Map.entry("packId", new Column.Upper("c.pack_id")),
            Map.entry("vehicleId", new Column.Upper("c.vehicle_id")),
            Map.entry("soh", new Column.Expr("c.soh")),
            Map.entry("inField", new Column.Flag("c.vehicle_id IS NOT NULL"))));

    static final SqlSearch.Table PACKS = new SqlSearch.Table(AssetAttributes.PACK, "fleet_pack p", "p.pack_id", "p.status <> 'UNKNOWN'", Map.ofEntries(
            Map.entry("id", new Column.Upper("p.pack_id")),
            Map.entry("state", new Column.Upper("p.status")),
            Map.entry("vehicleModel", new Column.Expr("p.vehicle_model")),
            Map.entry("cellCount", new Column.Expr("p.cell_count")),
            Map.entry("nominalCapacityKwh", new Column.Expr("p.nominal_capacity_kwh")),
            Map.entry("vehicleId", new Column.Upper("p.vehicle_id")),
            Map.entry("climate", new Column.Expr("p.climate")),
            Map.entry("archetype", new Column.Expr("p.archetype")),
            Map.entry("soh", new Column.Expr("p.soh_capacity")),
            Map.entry("relativeResistance", new Column.Expr("p.soh_resistance")),
            Map.entry("efc", new Column.Expr("p.efc")),
            Map.entry("km", new Column.Expr("p.km")),
            Map.entry("inField", new Column.Flag("p.vehicle_id IS NOT NULL"))));

    /** The cells of a pack behind the {@code cell.*} attributes (alias {@code c} inside the pack's subquery). */
    static final SqlSearch.Child PACK_CELLS = new SqlSearch.Child(RecallAttributes.PREFIX, AssetAttributes.PACK, "rs_cell c",
            "c.pack_id = p.pack_id", "c.pack_id", "c.cell_id", Map.of(
            "id", new Column.Upper("c.cell_id"),
            "laminationUnit", new Column.Upper("c.lamination_unit"),
            "laminatedAt", new Column.Expr("c.laminated_at"),
            "roll", new Column.AnyOf("rs_cell_roll r", "r.cell_id = c.cell_id", new Column.Upper("r.roll_id")),
            "dewPointC", new Column.Expr("c.dew_point_c"),
            "laminationTemperatureC", new Column.Expr("c.lamination_temperature_c"),
            "lotId", new Column.Expr("c.lot_id"),
            "grade", new Column.Expr("c.grade")));

    /** The compiler for a database of this dialect. */
    public static SqlSearch compiler(SqlSearch.Dialect dialect) {
        return new SqlSearch(List.of(STATIONS, CELLS, PACKS), PACK_CELLS, RecallAttributes.SCHEMA, dialect);
    }

    // ---------------------------------------------------------------- answers

    /** One matching cell of a pack found by a recall filter. */
    public record MatchingCell(String id, Integer position, String laminationUnit, String laminatedAt, Double dewPointC,
                               Double laminationTemperatureC, String lotId, String grade) {}

    /**
     * One asset of a page: kind, id and its summary as stored; a pack found by a filter with {@code cell.*} terms also
     * carries how many of its cells match and the first {@link #CELLS_LISTED_PER_PACK} of them.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Hit(String kind, String id, Map<String, Object> summary, Integer matchingCells, List<MatchingCell> cells) {}

    public record Page(List<Hit> items, long count, String nextCursor) {}

    /** Whether the read-side asset tables exist in this database (checked until they do, then remembered). */
    public boolean present() {
        if (present) return true;
        try (Connection c = pool.getConnection()) {
            DatabaseMetaData md = c.getMetaData();
            boolean all = true;
            for (String t : List.of("rs_cell", "rs_station", "rs_cell_roll", "fleet_pack")) all &= exists(md, t);
            present = all;
        } catch (SQLException e) {
            return false;
        }
        return present;
    }

    private static boolean exists(DatabaseMetaData md, String table) throws SQLException {
        for (String name : new String[] {table, table.toUpperCase(Locale.ROOT)}) {
            try (ResultSet rs = md.getTables(null, null, name, new String[] {"TABLE"})) {
                if (rs.next()) return true;
            }
        }
        return false;
    }

    SqlSearch sql(Connection c) throws SQLException {
        SqlSearch s = sql;
        if (s == null) {
            s = compiler("PostgreSQL".equals(c.getMetaData().getDatabaseProductName()) ? SqlSearch.Dialect.POSTGRESQL : SqlSearch.Dialect.H2);
            sql = s;
        }
        return s;
    }

    /**
     * One page of {@code filter} in {@code sort} order after {@code cursor} (null: the first).
     *
     * @throws IllegalArgumentException (in the stage) for a cursor of another query or not of this API
     */
    public CompletionStage<Page> search(Filter filter, SortSpec sort, String cursor, int limit, String fingerprint) {
        Object[] after = cursor == null ? null : Cursor.decode(cursor, fingerprint, sort.keys().size());
        return read(c -> page(c, filter, sort, after, limit, fingerprint));
    }

    /** The same page, synchronously on a connection the caller owns (tests, bench). */
    public static Page page(Connection c, SqlSearch sql, Filter filter, SortSpec sort, Object[] after, int limit, String fingerprint)
            throws SQLException {
        long count = 0;
        SqlSearch.Sql countSql = sql.count(filter);
        if (countSql != null) {
            try (PreparedStatement ps = prepare(c, countSql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                count = rs.getLong(1);
            }
        }
        List<String[]> keys = new ArrayList<>();
        List<Object[]> sortKeys = new ArrayList<>();
        SqlSearch.Sql pageSql = sql.page(filter, sort, after, limit);
        if (pageSql != null) {
            try (PreparedStatement ps = prepare(c, pageSql); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(new String[] {rs.getString(1), rs.getString(2)});
                    Object[] key = new Object[sort.keys().size()];
                    for (int i = 0; i < key.length; i++) key[i] = keyValue(rs, 3 + i, RecallAttributes.SCHEMA.type(sort.keys().get(i).attribute()));
                    sortKeys.add(key);
                }
            }
        }
        String next = keys.size() > limit ? Cursor.encode(fingerprint, sortKeys.get(limit - 1)) : null;
        if (keys.size() > limit) keys = keys.subList(0, limit);
        Map<String, List<String>> idsByKind = new HashMap<>();
        for (String[] k : keys) idsByKind.computeIfAbsent(k[0], x -> new ArrayList<>()).add(k[1]);
        Map<String, Map<String, Object>> summaries = new HashMap<>();
        for (var e : idsByKind.entrySet()) summaries.putAll(summaries(c, e.getKey(), e.getValue()));
        Map<String, List<MatchingCell>> cells = sql.hasChildTerms(filter) && idsByKind.containsKey(AssetAttributes.PACK)
                ? matchingCells(c, sql, filter, idsByKind.get(AssetAttributes.PACK)) : null;
        List<Hit> items = new ArrayList<>(keys.size());
        for (String[] k : keys) {
            List<MatchingCell> mine = cells == null || !k[0].equals(AssetAttributes.PACK) ? null : cells.getOrDefault(k[1], List.of());
            items.add(new Hit(k[0], k[1], summaries.get(k[0] + "/" + k[1]), mine == null ? null : mine.size(),
                    mine == null ? null : mine.subList(0, Math.min(mine.size(), CELLS_LISTED_PER_PACK))));
        }
        return new Page(items, count, next);
    }

    private Page page(Connection c, Filter filter, SortSpec sort, Object[] after, int limit, String fingerprint) throws SQLException {
        return page(c, sql(c), filter, sort, after, limit, fingerprint);
    }

    private static Object keyValue(ResultSet rs, int column, AttrType type) throws SQLException {
        return switch (type) {
            case STRING -> rs.getString(column);
            case NUMBER -> {
                double d = rs.getDouble(column);
                yield rs.wasNull() ? null : d;
            }
            case BOOLEAN -> {
                int i = rs.getInt(column);
                yield rs.wasNull() ? null : i == 1;
            }
            case TIME -> {
                OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
                yield t == null ? null : t.toInstant();
            }
        };
    }

    static PreparedStatement prepare(Connection c, SqlSearch.Sql sql) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql.text());
        int i = 1;
        for (Object p : sql.params()) {
            if (p instanceof String s) ps.setString(i++, s);
            else if (p instanceof Double d) ps.setDouble(i++, d);
            else if (p instanceof Integer n) ps.setInt(i++, n);
            else if (p instanceof Boolean b) ps.setBoolean(i++, b);
            else if (p instanceof OffsetDateTime t) ps.setObject(i++, t);
            else throw new IllegalStateException("unsupported parameter " + p);
        }
        return ps;
    }

    private static Double num(ResultSet rs, String column) throws SQLException {
        double d = rs.getDouble(column);
        return rs.wasNull() ? null : d;
    }

    private static String time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant().toString();
    }

    /** The stored summaries of assets of one kind by {@code kind/id}, with the field names of the in-memory summaries. */
    private static Map<String, Map<String, Object>> summaries(Connection c, String kind, List<String> ids) throws SQLException {
        String table = switch (kind) {
            case AssetAttributes.STATION -> "rs_station WHERE station_id";
            case AssetAttributes.CELL -> "rs_cell WHERE cell_id";
            default -> "fleet_pack WHERE pack_id";
        };
        StringBuilder q = new StringBuilder("SELECT * FROM ").append(table).append(" IN (");
        for (int i = 0; i < ids.size(); i++) q.append(i == 0 ? "?" : ", ?");
        Map<String, Map<String, Object>> out = new HashMap<>();
        try (PreparedStatement ps = prepare(c, new SqlSearch.Sql(q.append(')').toString(), List.copyOf(ids))); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Map<String, Object> m = new LinkedHashMap<>();
                switch (kind) {
                    case AssetAttributes.STATION -> {
                        m.put("id", rs.getString("station_id"));
                        m.put("kind", rs.getString("station_kind"));
                        m.put("units", rs.getInt("units"));
                        m.put("state", rs.getString("state"));
                        m.put("stateReason", rs.getString("state_reason"));
                        m.put("stateSince", time(rs, "state_since"));
                        m.put("unitsIn", rs.getLong("units_in"));
                        m.put("unitsOut", rs.getLong("units_out"));
                        m.put("scrapTotal", rs.getLong("scrap"));
                        m.put("revision", rs.getLong("revision"));
                    }
                    case AssetAttributes.CELL -> {
                        m.put("id", rs.getString("cell_id"));
                        m.put("status", rs.getString("status"));
                        m.put("grade", rs.getString("grade"));
                        m.put("capacityAh", num(rs, "capacity_ah"));
                        m.put("resistanceMilliOhm", num(rs, "resistance_mohm"));
                        m.put("laminationTemperatureC", num(rs, "lamination_temperature_c"));
                        m.put("dewPointC", num(rs, "dew_point_c"));
                        m.put("packId", rs.getString("pack_id"));
                        m.put("vehicleId", rs.getString("vehicle_id"));
                        m.put("stateOfHealth", num(rs, "soh"));
                        m.put("laminationUnit", rs.getString("lamination_unit"));
                        m.put("laminatedAt", time(rs, "laminated_at"));
                        m.put("lotId", rs.getString("lot_id"));
                    }
                    default -> {
                        m.put("id", rs.getString("pack_id"));
                        m.put("status", rs.getString("status"));
                        m.put("vehicleModel", rs.getString("vehicle_model"));
                        m.put("cellCount", rs.getInt("cell_count"));
                        m.put("nominalCapacityKwh", num(rs, "nominal_capacity_kwh"));
                        m.put("vehicleId", rs.getString("vehicle_id"));
                        m.put("climate", rs.getString("climate"));
                        m.put("archetype", rs.getString("archetype"));
                        m.put("stateOfHealth", num(rs, "soh_capacity"));
                        m.put("relativeResistance", num(rs, "soh_resistance"));
                        m.put("equivalentFullCycles", num(rs, "efc"));
                        m.put("km", num(rs, "km"));
                    }
                }
                out.put(kind + "/" + m.get("id"), m);
            }
        }
        return out;
    }

    static final String CELL_SELECT = "c.pack_id, c.cell_id, c.pack_position, c.lamination_unit, c.laminated_at, c.dew_point_c, "
            + "c.lamination_temperature_c, c.lot_id, c.grade";

    private static Map<String, List<MatchingCell>> matchingCells(Connection c, SqlSearch sql, Filter filter, List<String> packIds)
            throws SQLException {
        Map<String, List<MatchingCell>> out = new HashMap<>();
        try (PreparedStatement ps = prepare(c, sql.matchingChildren(filter, CELL_SELECT, packIds))) {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(cell(rs, 2));
            }
        }
        return out;
    }

    static MatchingCell cell(ResultSet rs, int first) throws SQLException {
        int pos = rs.getInt(first + 1);
        Integer position = rs.wasNull() ? null : pos;
        OffsetDateTime at = rs.getObject(first + 3, OffsetDateTime.class);
        double dp = rs.getDouble(first + 4);
        Double dew = rs.wasNull() ? null : dp;
        double lt = rs.getDouble(first + 5);
        Double lam = rs.wasNull() ? null : lt;
        return new MatchingCell(rs.getString(first), position, rs.getString(first + 2), at == null ? null : at.toInstant().toString(),
                dew, lam, rs.getString(first + 6), rs.getString(first + 7));
    }

    // ---------------------------------------------------------------- plumbing

    <T> CompletionStage<T> read(ReadOnlyTransactions.Read<T> body) {
        return transactions.read(body);
    }

    DataSource pool() {
        return pool;
    }
}
