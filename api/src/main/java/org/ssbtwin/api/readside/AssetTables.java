package org.ssbtwin.api.readside;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ssbtwin.core.id.StationId;
import org.ssbtwin.plant.cell.CellRow;
import org.ssbtwin.plant.cell.CellStatus;
import org.ssbtwin.plant.station.Station;
import org.ssbtwin.plant.station.StationRow;
import org.ssbtwin.plant.station.StationState;

/**
 * Row reads and writes of the plant's read-side tables ({@code rs_station} with {@code rs_station_scrap} and
 * {@code rs_station_reading}, {@code rs_cell}, {@code rs_cell_roll}, created by {@link ReadSideSchema}) on a connection the caller owns (the projection's transaction), and the mapping
 * of a row back to the value lists show.
 */
public final class AssetTables {
    public static final String STATION = "rs_station";
    public static final String CELL = "rs_cell";
    public static final String CELL_ROLL = "rs_cell_roll";

    static final String STATION_COLUMNS = "station_kind, units, state, state_reason, state_since, units_in, units_out, scrap, "
            + "revision, setpoints, last_seq_nr, updated_at, observed_until, first_seq_nr, idle_ms, running_ms, starved_ms, "
            + "blocked_ms, down_ms, station_id";
    /** Scrapped units per cause of each station (V5). */
    public static final String STATION_SCRAP = "rs_station_scrap";
    /** The latest value of each quantity a station reported (V5). */
    public static final String STATION_READING = "rs_station_reading";
    /** Time in state columns of {@code rs_station}, in the order of {@link StationState} (V5). */
    private static final StationState[] TIMED = {StationState.IDLE, StationState.RUNNING, StationState.STARVED, StationState.BLOCKED, StationState.DOWN};
    /** Longest scrap cause or reading quantity name kept (the columns' width; longer names are cut). */
    static final int NAME_MAX = 200;
    static final String CELL_COLUMNS = "status, grade, capacity_ah, resistance_mohm, lamination_unit, laminated_at, "
            + "lamination_temperature_c, dew_point_c, lot_id, shipped_at, destination, pack_id, pack_position, vehicle_id, soh, "
            + "last_seq_nr, updated_at, cell_id";
    private static final int LOAD_CHUNK = 200;

    private AssetTables() {}

    // ---- stations ----

    public static Map<String, StationRow> loadStations(Connection c, Collection<String> ids) throws SQLException {
        Map<String, StationRow> out = new HashMap<>();
        forChunks(c, "SELECT " + STATION_COLUMNS + " FROM " + STATION + " WHERE station_id IN ", ids, rs -> {
            StationRow r = station(rs);
            out.put(r.station().id().value(), r);
        });
        return withDetails(c, out);
    }

    /**
     * Every station row (tens in a plant) in id order, commissioned or not, with scrap by cause and readings: three
     * queries, whatever the number of stations.
     */
    public static List<StationRow> allStations(Connection c) throws SQLException {
        Map<String, StationRow> rows = new java.util.TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + STATION_COLUMNS + " FROM " + STATION);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                StationRow r = station(rs);
                rows.put(r.station().id().value(), r);
            }
        }
        Map<String, Map<String, Long>> scrap = new HashMap<>();
        Map<String, Map<String, Double>> readings = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT station_id, cause, units FROM " + STATION_SCRAP); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) scrap.computeIfAbsent(rs.getString(1), k -> new java.util.TreeMap<>()).put(rs.getString(2), rs.getLong(3));
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT station_id, quantity, reading FROM " + STATION_READING); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) readings.computeIfAbsent(rs.getString(1), k -> new java.util.TreeMap<>()).put(rs.getString(2), rs.getDouble(3));
        }
        List<StationRow> out = new ArrayList<>(rows.size());
        for (StationRow r : rows.values()) out.add(withDetails(r, scrap, readings));
        return out;
    }

    /** Ids of the station rows written before V5 that hold events (first sequence number 0): to be folded again. */
    static List<String> stationsWithoutFirstSeqNr(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT station_id FROM " + STATION + " WHERE first_seq_nr = 0 AND last_seq_nr > 0");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    /** The rows with their scrap by cause and readings (two queries per chunk of ids). */
    private static Map<String, StationRow> withDetails(Connection c, Map<String, StationRow> rows) throws SQLException {
        if (rows.isEmpty()) return rows;
        Map<String, Map<String, Long>> scrap = new HashMap<>();
        Map<String, Map<String, Double>> readings = new HashMap<>();
        forChunks(c, "SELECT station_id, cause, units FROM " + STATION_SCRAP + " WHERE station_id IN ", rows.keySet(),
                rs -> scrap.computeIfAbsent(rs.getString(1), k -> new java.util.TreeMap<>()).put(rs.getString(2), rs.getLong(3)));
        forChunks(c, "SELECT station_id, quantity, reading FROM " + STATION_READING + " WHERE station_id IN ", rows.keySet(),
                rs -> readings.computeIfAbsent(rs.getString(1), k -> new java.util.TreeMap<>()).put(rs.getString(2), rs.getDouble(3)));
        Map<String, StationRow> out = new HashMap<>();
        rows.forEach((id, r) -> out.put(id, withDetails(r, scrap, readings)));
        return out;
    }

    private static StationRow withDetails(StationRow r, Map<String, Map<String, Long>> scrap, Map<String, Map<String, Double>> readings) {
        Station s = r.station();
        String id = s.id().value();
        Station full = new Station(s.id(), s.kind(), s.units(), s.setpoints(), s.state(), s.stateReason(), s.stateSince(), s.unitsIn(),
                s.unitsOut(), scrap.getOrDefault(id, Map.of()), readings.getOrDefault(id, Map.of()), s.lastEventAt(), s.observedUntil(),
                s.revision(), List.of());
        return new StationRow(full, r.time(), r.firstSeqNr(), r.lastSeqNr());
    }

    /** A station row without its scrap by cause and readings (they are in their own tables). */
    static StationRow station(ResultSet rs) throws SQLException {
        StationId id = StationId.of(rs.getString(20));
        String kind = rs.getString(1);
        // a row written under V4 (first_seq_nr 0, until the projection completes it) kept no observed_until: its last
        // event's time, as V4 answered it (a restarted simulation resumes from the line's last observation)
        Instant observed = rs.getObject(13) == null && rs.getLong(14) == 0 ? instant(rs, 12) : instant(rs, 13);
        // a station is commissioned from its first event on (Commissioned sets state_since); kind "unknown" stands
        // for none before that (NOT NULL column)
        Station s = new Station(id, rs.getString(5) == null ? null : kind, rs.getInt(2),
                StationRow.setpoints(rs.getString(10)),
                rs.getString(3) == null ? StationState.IDLE : StationState.valueOf(rs.getString(3)), rs.getString(4), instant(rs, 5),
                rs.getLong(6), rs.getLong(7), Map.of(), Map.of(), instant(rs, 12), observed, rs.getLong(9), List.of());
        Map<StationState, Long> millis = new java.util.EnumMap<>(StationState.class);
        for (int i = 0; i < TIMED.length; i++) {
            long ms = rs.getLong(15 + i);
            if (!rs.wasNull()) millis.put(TIMED[i], ms);
        }
        return StationRow.stored(s, millis, rs.getLong(14), rs.getLong(11));
    }

    /**
     * Writes the rows (updates of stored ones or inserts of new ones) and their scrap by cause and readings: only the
     * causes and quantities whose value differs from {@code before} (the stored rows; empty for inserts), upserted.
     */
    public static void saveStations(Connection c, List<StationRow> rows, boolean exist, Map<String, StationRow> before) throws SQLException {
        if (rows.isEmpty()) return;
        String sql = exist
                ? "UPDATE " + STATION + " SET station_kind = ?, units = ?, state = ?, state_reason = ?, state_since = ?, units_in = ?, "
                  + "units_out = ?, scrap = ?, revision = ?, setpoints = ?, last_seq_nr = ?, updated_at = ?, observed_until = ?, "
                  + "first_seq_nr = ?, idle_ms = ?, running_ms = ?, starved_ms = ?, blocked_ms = ?, down_ms = ? WHERE station_id = ?"
                : "INSERT INTO " + STATION + " (" + STATION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        List<Object[]> scrap = new ArrayList<>();
        List<Object[]> readings = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (StationRow r : rows) {
                Station s = r.station();
                ps.setString(1, s.kind() == null ? "unknown" : s.kind());
                ps.setInt(2, s.units());
                ps.setString(3, s.state() == null ? null : s.state().name());
                ps.setString(4, truncate(s.stateReason(), 200));
                setInstant(ps, 5, s.stateSince());
                ps.setLong(6, s.unitsIn());
                ps.setLong(7, s.unitsOut());
                ps.setLong(8, s.scrapTotal());
                ps.setLong(9, s.revision());
                ps.setString(10, truncate(r.setpointsText(), 2000));
                ps.setLong(11, r.lastSeqNr());
                setInstant(ps, 12, s.lastEventAt());
                setInstant(ps, 13, s.observedUntil());
                ps.setLong(14, r.firstSeqNr());
                for (int i = 0; i < TIMED.length; i++) {
                    Long ms = r.time().millisInState().get(TIMED[i]);
                    if (ms == null) ps.setNull(15 + i, Types.BIGINT);
                    else ps.setLong(15 + i, ms);
                }
                ps.setString(20, s.id().value());
                ps.addBatch();
                StationRow old = before.get(s.id().value());
                Map<String, Long> oldScrap = old == null ? Map.of() : old.station().scrapByCause();
                Map<String, Double> oldReadings = old == null ? Map.of() : old.station().readings();
                s.scrapByCause().forEach((cause, n) -> {
                    if (!n.equals(oldScrap.get(cause))) scrap.add(new Object[] {s.id().value(), truncate(cause, NAME_MAX), n});
                });
                s.readings().forEach((quantity, v) -> {
                    if (!v.equals(oldReadings.get(quantity))) readings.add(new Object[] {s.id().value(), truncate(quantity, NAME_MAX), v});
                });
            }
            check(ps.executeBatch(), rows.size(), STATION);
        }
        upsert(c, STATION_SCRAP, "cause", "units", scrap);
        upsert(c, STATION_READING, "quantity", "reading", readings);
    }

    /** Inserts or replaces (station_id, key) -> value rows. */
    private static void upsert(Connection c, String table, String key, String value, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) return;
        String sql = FleetTables.isPostgres(c)
                ? "INSERT INTO " + table + " (station_id, " + key + ", " + value + ") VALUES (?, ?, ?) "
                  + "ON CONFLICT (station_id, " + key + ") DO UPDATE SET " + value + " = EXCLUDED." + value
                : "MERGE INTO " + table + " (station_id, " + key + ", " + value + ") KEY (station_id, " + key + ") VALUES (?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Object[] r : rows) {
                ps.setString(1, (String) r[0]);
                ps.setString(2, (String) r[1]);
                ps.setObject(3, r[2]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    // ---- cells ----

    public static Map<String, CellRow> loadCells(Connection c, Collection<String> ids) throws SQLException {
        Map<String, CellRow> out = new HashMap<>();
        forChunks(c, "SELECT " + CELL_COLUMNS + " FROM " + CELL + " WHERE cell_id IN ", ids, rs -> {
            CellRow r = cell(rs);
            out.put(r.cellId(), r);
        });
        return out;
    }

    static CellRow cell(ResultSet rs) throws SQLException {
        return new CellRow(rs.getString(18), CellStatus.valueOf(rs.getString(1)), rs.getString(2), orZero(rs, 3), orZero(rs, 4),
                rs.getString(5), instant(rs, 6), orNaN(rs, 7), orNaN(rs, 8), rs.getString(9), instant(rs, 10), rs.getString(11),
                rs.getString(12), intOrNull(rs, 13), rs.getString(14), orNull(rs, 15),
                rs.getLong(16), instant(rs, 17));
    }

    public static void saveCells(Connection c, List<CellRow> rows, boolean exist) throws SQLException {
        if (rows.isEmpty()) return;
        String sql = exist
                ? "UPDATE " + CELL + " SET status = ?, grade = ?, capacity_ah = ?, resistance_mohm = ?, lamination_unit = ?, laminated_at = ?, "
                  + "lamination_temperature_c = ?, dew_point_c = ?, lot_id = ?, shipped_at = ?, destination = ?, pack_id = ?, "
                  + "pack_position = ?, vehicle_id = ?, soh = ?, last_seq_nr = ?, updated_at = ? WHERE cell_id = ?"
                : "INSERT INTO " + CELL + " (" + CELL_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (CellRow r : rows) {
                ps.setString(1, r.status().name());
                ps.setString(2, r.grade());
                ps.setDouble(3, r.capacityAh());
                ps.setDouble(4, r.resistanceMilliOhm());
                ps.setString(5, r.laminationUnit());
                setInstant(ps, 6, r.laminatedAt());
                setDouble(ps, 7, r.laminationTemperatureC());
                setDouble(ps, 8, r.dewPointC());
                ps.setString(9, r.lotId());
                setInstant(ps, 10, r.shippedAt());
                ps.setString(11, r.destination());
                ps.setString(12, r.packId());
                if (r.packPosition() == null) ps.setNull(13, Types.INTEGER);
                else ps.setInt(13, r.packPosition());
                ps.setString(14, r.vehicleId());
                setDouble(ps, 15, r.stateOfHealth() == null ? Double.NaN : r.stateOfHealth());
                ps.setLong(16, r.lastSeqNr());
                setInstant(ps, 17, r.updatedAt());
                ps.setString(18, r.cellId());
                ps.addBatch();
            }
            check(ps.executeBatch(), rows.size(), CELL);
        }
    }

    /** One row per (roll, cell); a pair already stored is left alone. */
    public static void saveRolls(Connection c, List<String[]> rollAndCell) throws SQLException {
        if (rollAndCell.isEmpty()) return;
        String sql = FleetTables.isPostgres(c)
                ? "INSERT INTO " + CELL_ROLL + " (roll_id, cell_id) VALUES (?, ?) ON CONFLICT DO NOTHING"
                : "MERGE INTO " + CELL_ROLL + " KEY (roll_id, cell_id) VALUES (?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (String[] rc : rollAndCell) {
                ps.setString(1, rc[0]);
                ps.setString(2, rc[1]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    // ---- plumbing ----

    interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private static void forChunks(Connection c, String selectIn, Collection<String> ids, RowReader reader) throws SQLException {
        List<String> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += LOAD_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + LOAD_CHUNK));
            try (PreparedStatement ps = c.prepareStatement(selectIn + "(" + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")")) {
                for (int i = 0; i < chunk.size(); i++) ps.setString(i + 1, chunk.get(i));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) reader.read(rs);
                }
            }
        }
    }

    private static void check(int[] counts, int n, String table) throws SQLException {
        for (int count : counts) {
            if (count != 1 && count != Statement.SUCCESS_NO_INFO) throw new SQLException(table + ": a row of the batch of " + n + " was not written");
        }
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static void setInstant(PreparedStatement ps, int column, Instant at) throws SQLException {
        if (at == null) ps.setNull(column, Types.TIMESTAMP_WITH_TIMEZONE);
        else ps.setObject(column, at.atOffset(ZoneOffset.UTC));
    }

    private static void setDouble(PreparedStatement ps, int column, double v) throws SQLException {
        if (Double.isNaN(v)) ps.setNull(column, Types.DOUBLE);
        else ps.setDouble(column, v);
    }

    private static double orNaN(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }

    private static Integer intOrNull(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static double orZero(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? 0 : v;
    }

    private static Double orNull(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
