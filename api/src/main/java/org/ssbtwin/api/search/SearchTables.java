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
        return search(filter, sort, cursor, limit, () -> fingerprint);
    }

    /** The same, with the cursors' fingerprint computed only when a cursor is read or a next page's written. */
    public CompletionStage<Page> search(Filter filter, SortSpec sort, String cursor, int limit, java.util.function.Supplier<String> fingerprint) {
        Object[] after = cursor == null ? null : Cursor.decode(cursor, fingerprint.get(), sort.keys().size());
        return transactions.readOneStatement(c -> page(c, filter, sort, after, limit, fingerprint)); // one statement: one snapshot
    }

    /** The row of each kind joined to its hits (aliases other than the filter's {@code c}; the pack's is the child link's {@code p}). */
    static final Map<String, SqlSearch.Details> DETAILS = Map.of(
            AssetAttributes.STATION, new SqlSearch.Details("rs_station ss", "ss.station_id", "ss.station_id AS st_station_id, "
                    + "ss.station_kind AS st_station_kind, ss.units AS st_units, ss.state AS st_state, ss.state_reason AS st_state_reason, "
                    + "ss.state_since AS st_state_since, ss.units_in AS st_units_in, ss.units_out AS st_units_out, ss.scrap AS st_scrap, "
                    + "ss.revision AS st_revision"),
            AssetAttributes.CELL, new SqlSearch.Details("rs_cell sc", "sc.cell_id", "sc.cell_id AS ce_cell_id, sc.status AS ce_status, "
                    + "sc.grade AS ce_grade, sc.capacity_ah AS ce_capacity_ah, sc.resistance_mohm AS ce_resistance_mohm, "
                    + "sc.lamination_temperature_c AS ce_lamination_temperature_c, sc.dew_point_c AS ce_dew_point_c, sc.pack_id AS ce_pack_id, "
                    + "sc.vehicle_id AS ce_vehicle_id, sc.soh AS ce_soh, sc.lamination_unit AS ce_lamination_unit, "
                    + "sc.laminated_at AS ce_laminated_at, sc.lot_id AS ce_lot_id"),
            AssetAttributes.PACK, new SqlSearch.Details("fleet_pack p", "p.pack_id", "p.pack_id AS pa_pack_id, p.status AS pa_status, "
                    + "p.vehicle_model AS pa_vehicle_model, p.cell_count AS pa_cell_count, p.nominal_capacity_kwh AS pa_nominal_capacity_kwh, "
                    + "p.vehicle_id AS pa_vehicle_id, p.climate AS pa_climate, p.archetype AS pa_archetype, p.soh_capacity AS pa_soh_capacity, "
                    + "p.soh_resistance AS pa_soh_resistance, p.efc AS pa_efc, p.km AS pa_km"));

    /** A pack hit's matching cells, read by label. */
    static final String MATCHING_CELL_SELECT = "c.cell_id AS mc_cell_id, c.pack_position AS mc_pack_position, "
            + "c.lamination_unit AS mc_lamination_unit, c.laminated_at AS mc_laminated_at, c.dew_point_c AS mc_dew_point_c, "
            + "c.lamination_temperature_c AS mc_lamination_temperature_c, c.lot_id AS mc_lot_id, c.grade AS mc_grade";

    /**
     * The same page, synchronously on a connection the caller owns (tests, bench): one statement ({@link SqlSearch#answer})
     * gives the count, the page, the hits' summaries and the packs' matching cells, so it is one snapshot without a
     * transaction around it.
     */
    public static Page page(Connection c, SqlSearch sql, Filter filter, SortSpec sort, Object[] after, int limit, String fingerprint)
            throws SQLException {
        return page(c, sql, filter, sort, after, limit, () -> fingerprint);
    }

    /** The same, with the cursor's fingerprint computed only when there is a next page. */
    public static Page page(Connection c, SqlSearch sql, Filter filter, SortSpec sort, Object[] after, int limit,
                            java.util.function.Supplier<String> fingerprint) throws SQLException {
        SqlSearch.Sql answer = sql.answer(filter, sort, after, limit, DETAILS, MATCHING_CELL_SELECT);
        if (answer == null) return new Page(List.of(), 0, null);
        boolean withCells = sql.hasChildTerms(filter);
        long count = 0;
        boolean counted = false; // a null count: the statement read every match (SqlSearch.answer), the count is the hits read
        List<String[]> keys = new ArrayList<>();
        List<Object[]> sortKeys = new ArrayList<>();
        List<Map<String, Object>> summaries = new ArrayList<>();
        List<List<MatchingCell>> cells = new ArrayList<>();
        try (PreparedStatement ps = prepare(c, answer)) {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    count = rs.getLong(1);
                    counted = !rs.wasNull();
                    String kind = rs.getString(2);
                    if (kind == null) continue; // the row of an empty page: only the count
                    String id = rs.getString(3);
                    String[] last = keys.isEmpty() ? null : keys.get(keys.size() - 1);
                    if (last == null || !last[0].equals(kind) || !last[1].equals(id)) {
                        keys.add(new String[] {kind, id});
                        Object[] key = new Object[sort.keys().size()];
                        for (int i = 0; i < key.length; i++) key[i] = keyValue(rs, 4 + i, RecallAttributes.SCHEMA.type(sort.keys().get(i).attribute()));
                        sortKeys.add(key);
                        summaries.add(summary(rs, kind));
                        cells.add(withCells && kind.equals(AssetAttributes.PACK) ? new ArrayList<>() : null);
                    }
                    List<MatchingCell> mine = cells.get(cells.size() - 1);
                    if (mine != null && rs.getString("mc_cell_id") != null) mine.add(matchingCell(rs));
                }
            }
        }
        if (!counted) count = keys.size();
        String next = keys.size() > limit ? Cursor.encode(fingerprint.get(), sortKeys.get(limit - 1)) : null;
        int shown = Math.min(keys.size(), limit);
        List<Hit> items = new ArrayList<>(shown);
        for (int i = 0; i < shown; i++) {
            List<MatchingCell> mine = cells.get(i);
            items.add(new Hit(keys.get(i)[0], keys.get(i)[1], summaries.get(i), mine == null ? null : mine.size(),
                    mine == null ? null : mine.subList(0, Math.min(mine.size(), CELLS_LISTED_PER_PACK))));
        }
        return new Page(items, count, next);
    }

    private Page page(Connection c, Filter filter, SortSpec sort, Object[] after, int limit, java.util.function.Supplier<String> fingerprint)
            throws SQLException {
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

    /** The stored summary of the hit's row (labels of {@link #DETAILS}), with the field names of the in-memory summaries. */
    private static Map<String, Object> summary(ResultSet rs, String kind) throws SQLException {
        Map<String, Object> m = new LinkedHashMap<>();
        switch (kind) {
            case AssetAttributes.STATION -> {
                m.put("id", rs.getString("st_station_id"));
                m.put("kind", rs.getString("st_station_kind"));
                m.put("units", rs.getInt("st_units"));
                m.put("state", rs.getString("st_state"));
                m.put("stateReason", rs.getString("st_state_reason"));
                m.put("stateSince", time(rs, "st_state_since"));
                m.put("unitsIn", rs.getLong("st_units_in"));
                m.put("unitsOut", rs.getLong("st_units_out"));
                m.put("scrapTotal", rs.getLong("st_scrap"));
                m.put("revision", rs.getLong("st_revision"));
            }
            case AssetAttributes.CELL -> {
                m.put("id", rs.getString("ce_cell_id"));
                m.put("status", rs.getString("ce_status"));
                m.put("grade", rs.getString("ce_grade"));
                m.put("capacityAh", num(rs, "ce_capacity_ah"));
                m.put("resistanceMilliOhm", num(rs, "ce_resistance_mohm"));
                m.put("laminationTemperatureC", num(rs, "ce_lamination_temperature_c"));
                m.put("dewPointC", num(rs, "ce_dew_point_c"));
                m.put("packId", rs.getString("ce_pack_id"));
                m.put("vehicleId", rs.getString("ce_vehicle_id"));
                m.put("stateOfHealth", num(rs, "ce_soh"));
                m.put("laminationUnit", rs.getString("ce_lamination_unit"));
                m.put("laminatedAt", time(rs, "ce_laminated_at"));
                m.put("lotId", rs.getString("ce_lot_id"));
            }
            default -> {
                m.put("id", rs.getString("pa_pack_id"));
                m.put("status", rs.getString("pa_status"));
                m.put("vehicleModel", rs.getString("pa_vehicle_model"));
                m.put("cellCount", rs.getInt("pa_cell_count"));
                m.put("nominalCapacityKwh", num(rs, "pa_nominal_capacity_kwh"));
                m.put("vehicleId", rs.getString("pa_vehicle_id"));
                m.put("climate", rs.getString("pa_climate"));
                m.put("archetype", rs.getString("pa_archetype"));
                m.put("stateOfHealth", num(rs, "pa_soh_capacity"));
                m.put("relativeResistance", num(rs, "pa_soh_resistance"));
                m.put("equivalentFullCycles", num(rs, "pa_efc"));
                m.put("km", num(rs, "pa_km"));
            }
        }
        return m;
    }

    private static MatchingCell matchingCell(ResultSet rs) throws SQLException {
        int pos = rs.getInt("mc_pack_position");
        Integer position = rs.wasNull() ? null : pos;
        return new MatchingCell(rs.getString("mc_cell_id"), position, rs.getString("mc_lamination_unit"), time(rs, "mc_laminated_at"),
                num(rs, "mc_dew_point_c"), num(rs, "mc_lamination_temperature_c"), rs.getString("mc_lot_id"), rs.getString("mc_grade"));
    }

    // ---------------------------------------------------------------- plumbing

    <T> CompletionStage<T> read(ReadOnlyTransactions.Read<T> body) {
        return transactions.read(body);
    }

    DataSource pool() {
        return pool;
    }
}
