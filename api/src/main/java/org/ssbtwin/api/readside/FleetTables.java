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
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ssbtwin.fleet.readmodel.FleetPackRow;
import org.ssbtwin.fleet.pack.PackStatus;

/**
 * The fleet read model's tables ({@code fleet_pack}, {@code fleet_pack_soh_monthly}, created by {@link ReadSideSchema})
 * and the row reads and writes of the projection. All methods work on
 * a connection the caller owns (the projection's transaction).
 */
public final class FleetTables {
    public static final String PACK = "fleet_pack";
    public static final String SOH_MONTHLY = "fleet_pack_soh_monthly";

    static final String COLUMNS = "vehicle_id, vehicle_model, climate, archetype, production_week, lamination_band, "
            + "status, cell_count, nominal_capacity_kwh, soh_capacity, soh_resistance, efc, km, usage_records, events, last_seq_nr, updated_at";

    private FleetTables() {}

    public static Optional<FleetPackRow> load(Connection c, String packId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + PACK + " WHERE pack_id = ?")) {
            ps.setString(1, packId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(read(rs, packId));
            }
        }
    }

    /** Most ids in one {@code IN (...)} list of {@link #loadAll}. */
    private static final int LOAD_CHUNK = 200;

    /**
     * Whether the connection is to PostgreSQL: its writes take set-based statements over arrays ({@code unnest}), one
     * statement per table and group instead of one per row. Per row, a statement of a JDBC batch costs PostgreSQL a
     * bind and an execute (~30 us of its CPU for these updates); the set-based form does the same rows in one. The
     * ingest bench measured the read side's two per-row UPDATEs as the largest part of PostgreSQL's CPU per record.
     */
    static boolean isPostgres(Connection c) throws SQLException {
        return "PostgreSQL".equals(c.getMetaData().getDatabaseProductName());
    }

    /** The stored rows of these packs (absent ones are missing from the map): one {@code = ANY} query on PostgreSQL, else {@code IN} lists of up to 200 ids. */
    public static Map<String, FleetPackRow> loadAll(Connection c, Collection<String> packIds) throws SQLException {
        Map<String, FleetPackRow> out = new HashMap<>();
        if (packIds.isEmpty()) return out;
        if (isPostgres(c)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + ", pack_id FROM " + PACK + " WHERE pack_id = ANY (?)")) {
                ps.setArray(1, c.createArrayOf("varchar", packIds.toArray(String[]::new)));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String id = rs.getString(18);
                        out.put(id, read(rs, id));
                    }
                }
            }
            return out;
        }
        List<String> ids = List.copyOf(packIds);
        for (int from = 0; from < ids.size(); from += LOAD_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + LOAD_CHUNK));
            String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + ", pack_id FROM " + PACK + " WHERE pack_id IN (" + marks + ")")) {
                for (int i = 0; i < chunk.size(); i++) ps.setString(i + 1, chunk.get(i));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String id = rs.getString(18);
                        out.put(id, read(rs, id));
                    }
                }
            }
        }
        return out;
    }

    static FleetPackRow read(ResultSet rs, String packId) throws SQLException {
        OffsetDateTime updated = rs.getObject(17, OffsetDateTime.class);
        return new FleetPackRow(packId, rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), PackStatus.valueOf(rs.getString(7)), rs.getInt(8), rs.getDouble(9),
                rs.getDouble(10), rs.getDouble(11), rs.getDouble(12), rs.getDouble(13), rs.getLong(14), rs.getLong(15),
                rs.getLong(16), updated == null ? null : updated.toInstant());
    }

    private static final String UPDATE_PACK = "UPDATE " + PACK + " SET vehicle_id = ?, vehicle_model = ?, climate = ?, archetype = ?, "
            + "production_week = ?, lamination_band = ?, status = ?, cell_count = ?, nominal_capacity_kwh = ?, soh_capacity = ?, "
            + "soh_resistance = ?, efc = ?, km = ?, usage_records = ?, events = ?, last_seq_nr = ?, updated_at = ? WHERE pack_id = ?";
    private static final String INSERT_PACK = "INSERT INTO " + PACK + " (" + COLUMNS + ", pack_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** Writes the row: an INSERT when {@code exists} is false, otherwise an UPDATE (one writer per pack: no race). */
    public static void save(Connection c, FleetPackRow r, boolean exists) throws SQLException {
        saveAll(c, List.of(r), exists);
    }

    /**
     * Writes rows (distinct packs): INSERTs when {@code exist} is false, otherwise UPDATEs; each must hit one row. On
     * PostgreSQL one set-based statement, elsewhere one JDBC batch.
     */
    public static void saveAll(Connection c, List<FleetPackRow> rows, boolean exist) throws SQLException {
        if (rows.isEmpty()) return;
        if (isPostgres(c)) {
            saveAllPostgres(c, rows, exist);
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(exist ? UPDATE_PACK : INSERT_PACK)) {
            for (FleetPackRow r : rows) {
                bind(ps, r);
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] != 1 && counts[i] != Statement.SUCCESS_NO_INFO) {
                    throw new SQLException("fleet_pack row of " + rows.get(i).packId() + " was not " + (exist ? "updated" : "inserted"));
                }
            }
        }
    }

    /** The columns of {@link #COLUMNS} and pack_id, with their PostgreSQL array types, as unnest reads them. */
    private static final String UNNEST_PACK = "unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], "
            + "?::varchar[], ?::int[], ?::float8[], ?::float8[], ?::float8[], ?::float8[], ?::float8[], ?::bigint[], ?::bigint[], "
            + "?::bigint[], ?::timestamptz[], ?::varchar[]) AS u(" + COLUMNS + ", pack_id)";
    private static final String UPDATE_PACK_SET = "UPDATE " + PACK + " AS p SET vehicle_id = u.vehicle_id, vehicle_model = u.vehicle_model, "
            + "climate = u.climate, archetype = u.archetype, production_week = u.production_week, lamination_band = u.lamination_band, "
            + "status = u.status, cell_count = u.cell_count, nominal_capacity_kwh = u.nominal_capacity_kwh, soh_capacity = u.soh_capacity, "
            + "soh_resistance = u.soh_resistance, efc = u.efc, km = u.km, usage_records = u.usage_records, events = u.events, "
            + "last_seq_nr = u.last_seq_nr, updated_at = u.updated_at FROM " + UNNEST_PACK + " WHERE p.pack_id = u.pack_id";
    private static final String INSERT_PACK_SET = "INSERT INTO " + PACK + " (" + COLUMNS + ", pack_id) SELECT * FROM " + UNNEST_PACK;

    private static void saveAllPostgres(Connection c, List<FleetPackRow> rows, boolean exist) throws SQLException {
        int n = rows.size();
        String[][] text = new String[8][n];
        Integer[] cells = new Integer[n];
        Double[][] doubles = new Double[5][n];
        Long[][] longs = new Long[3][n];
        String[] updated = new String[n];
        for (int i = 0; i < n; i++) {
            FleetPackRow r = rows.get(i);
            text[0][i] = r.vehicleId();
            text[1][i] = r.vehicleModel();
            text[2][i] = r.climate();
            text[3][i] = r.archetype();
            text[4][i] = r.productionWeek();
            text[5][i] = r.laminationBand();
            text[6][i] = r.status().name();
            text[7][i] = r.packId();
            cells[i] = r.cellCount();
            doubles[0][i] = r.nominalCapacityKwh();
            doubles[1][i] = r.sohCapacity();
            doubles[2][i] = r.sohResistance();
            doubles[3][i] = r.efc();
            doubles[4][i] = r.km();
            longs[0][i] = r.usageRecords();
            longs[1][i] = r.events();
            longs[2][i] = r.lastSeqNr();
            updated[i] = timestamp(r.updatedAt());
        }
        try (PreparedStatement ps = c.prepareStatement(exist ? UPDATE_PACK_SET : INSERT_PACK_SET)) {
            int p = 1;
            for (int k = 0; k < 7; k++) ps.setArray(p++, c.createArrayOf("varchar", text[k]));
            ps.setArray(p++, c.createArrayOf("int4", cells));
            for (Double[] d : doubles) ps.setArray(p++, c.createArrayOf("float8", d));
            for (Long[] l : longs) ps.setArray(p++, c.createArrayOf("int8", l));
            ps.setArray(p++, c.createArrayOf("varchar", updated));
            ps.setArray(p, c.createArrayOf("varchar", text[7]));
            int count = ps.executeUpdate();
            if (count != n) {
                throw new SQLException(n + " fleet_pack rows to " + (exist ? "update" : "insert") + ", " + count + " were");
            }
        }
    }

    /**
     * An instant as PostgreSQL timestamptz text, rounded to the microsecond half up (as the driver rounds an
     * {@code OffsetDateTime} bound to a timestamptz parameter: both write paths store the same value); null stays null.
     */
    static String timestamp(Instant at) {
        if (at == null) return null;
        Instant micros = at.plusNanos(500).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        return micros.toString();
    }

    private static void bind(PreparedStatement ps, FleetPackRow r) throws SQLException {
        ps.setString(1, r.vehicleId());
        ps.setString(2, r.vehicleModel());
        ps.setString(3, r.climate());
        ps.setString(4, r.archetype());
        ps.setString(5, r.productionWeek());
        ps.setString(6, r.laminationBand());
        ps.setString(7, r.status().name());
        ps.setInt(8, r.cellCount());
        ps.setDouble(9, r.nominalCapacityKwh());
        ps.setDouble(10, r.sohCapacity());
        ps.setDouble(11, r.sohResistance());
        ps.setDouble(12, r.efc());
        ps.setDouble(13, r.km());
        ps.setLong(14, r.usageRecords());
        ps.setLong(15, r.events());
        ps.setLong(16, r.lastSeqNr());
        if (r.updatedAt() == null) ps.setNull(17, Types.TIMESTAMP_WITH_TIMEZONE);
        else ps.setObject(17, r.updatedAt().atOffset(ZoneOffset.UTC));
        ps.setString(18, r.packId());
    }

    /** A pack's latest SoH in a month and how many usage periods to add to the month's count. */
    public record MonthlyRow(String packId, String month, double soh, double resistance, long usageRecords, Instant at) {}

    /**
     * Folds monthly rows in with two JDBC batches: UPDATEs (SoH overwritten, count added), then INSERTs of the rows
     * that did not exist yet (one writer per pack: no race between the two).
     */
    public static void saveMonthlyAll(Connection c, List<MonthlyRow> rows) throws SQLException {
        if (rows.isEmpty()) return;
        if (isPostgres(c)) {
            saveMonthlyAllPostgres(c, rows);
            return;
        }
        int[] counts;
        try (PreparedStatement up = c.prepareStatement("UPDATE " + SOH_MONTHLY
                + " SET soh = ?, relative_resistance = ?, usage_records = usage_records + ?, updated_at = ? WHERE pack_id = ? AND soh_month = ?")) {
            for (MonthlyRow m : rows) {
                up.setDouble(1, m.soh());
                up.setDouble(2, m.resistance());
                up.setLong(3, m.usageRecords());
                up.setObject(4, m.at().atOffset(ZoneOffset.UTC));
                up.setString(5, m.packId());
                up.setString(6, m.month());
                up.addBatch();
            }
            counts = up.executeBatch();
        }
        List<MonthlyRow> missing = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) missing.add(rows.get(i));
            else if (counts[i] != 1) throw new SQLException("monthly row of " + rows.get(i).packId() + " " + rows.get(i).month() + ": update count " + counts[i]);
        }
        if (missing.isEmpty()) return;
        try (PreparedStatement in = c.prepareStatement("INSERT INTO " + SOH_MONTHLY
                + " (pack_id, soh_month, soh, relative_resistance, usage_records, updated_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (MonthlyRow m : missing) {
                in.setString(1, m.packId());
                in.setString(2, m.month());
                in.setDouble(3, m.soh());
                in.setDouble(4, m.resistance());
                in.setLong(5, m.usageRecords());
                in.setObject(6, m.at().atOffset(ZoneOffset.UTC));
                in.addBatch();
            }
            in.executeBatch();
        }
    }

    /**
     * PostgreSQL: all rows (distinct pack and month) in one upsert over arrays: a new row is inserted, an existing one
     * takes the SoH and resistance and adds the count.
     */
    private static void saveMonthlyAllPostgres(Connection c, List<MonthlyRow> rows) throws SQLException {
        int n = rows.size();
        String[] pack = new String[n], month = new String[n], at = new String[n];
        Double[] soh = new Double[n], resistance = new Double[n];
        Long[] usage = new Long[n];
        for (int i = 0; i < n; i++) {
            MonthlyRow m = rows.get(i);
            pack[i] = m.packId();
            month[i] = m.month();
            soh[i] = m.soh();
            resistance[i] = m.resistance();
            usage[i] = m.usageRecords();
            at[i] = timestamp(m.at());
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + SOH_MONTHLY
                + " (pack_id, soh_month, soh, relative_resistance, usage_records, updated_at) SELECT * FROM unnest(?::varchar[], "
                + "?::varchar[], ?::float8[], ?::float8[], ?::bigint[], ?::timestamptz[]) ON CONFLICT (pack_id, soh_month) DO UPDATE SET "
                + "soh = EXCLUDED.soh, relative_resistance = EXCLUDED.relative_resistance, usage_records = "
                + SOH_MONTHLY + ".usage_records + EXCLUDED.usage_records, updated_at = EXCLUDED.updated_at")) {
            ps.setArray(1, c.createArrayOf("varchar", pack));
            ps.setArray(2, c.createArrayOf("varchar", month));
            ps.setArray(3, c.createArrayOf("float8", soh));
            ps.setArray(4, c.createArrayOf("float8", resistance));
            ps.setArray(5, c.createArrayOf("int8", usage));
            ps.setArray(6, c.createArrayOf("varchar", at));
            int count = ps.executeUpdate();
            if (count != n) throw new SQLException(n + " monthly rows to write, " + count + " were");
        }
    }

    /** The pack's latest SoH in a month of use (one row per pack and month, overwritten by later periods). */
    public static void saveMonthly(Connection c, String packId, String month, double soh, double resistance, Instant at) throws SQLException {
        saveMonthlyAll(c, List.of(new MonthlyRow(packId, month, soh, resistance, 1, at)));
    }
}
