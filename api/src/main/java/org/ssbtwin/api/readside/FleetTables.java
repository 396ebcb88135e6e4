package org.ssbtwin.api.readside;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
import org.ssbtwin.config.TwinSettings;
import org.ssbtwin.core.fleet.readmodel.FleetPackRow;
import org.ssbtwin.core.pack.PackStatus;

/**
 * The fleet read model's tables ({@code fleet_pack}, {@code fleet_pack_soh_monthly}): their DDL for H2 and
 * PostgreSQL (created at startup, re-runnable) and the row reads and writes of the projection. All methods work on
 * a connection the caller owns (the projection's transaction).
 */
public final class FleetTables {
    public static final String PACK = "fleet_pack";
    public static final String SOH_MONTHLY = "fleet_pack_soh_monthly";

    private static final String COLUMNS = "vehicle_id, vehicle_model, climate, archetype, production_week, lamination_band, "
            + "status, cell_count, nominal_capacity_kwh, soh_capacity, soh_resistance, efc, km, usage_records, events, last_seq_nr, updated_at";

    private FleetTables() {}

    /** Creates the read-model tables if missing; safe at every start and on every node. */
    public static void createSchema(Connection c, TwinSettings.DatabaseKind kind) throws SQLException {
        String resource = kind == TwinSettings.DatabaseKind.H2 ? "readside/h2/fleet-tables.sql" : "readside/postgres/fleet-tables.sql";
        String ddl;
        try (InputStream in = FleetTables.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("fleet read-side DDL not found: " + resource);
            ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Statement st = c.createStatement()) {
            for (String raw : ddl.split(";")) {
                String sql = raw.lines().filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + b + "\n").strip();
                if (!sql.isEmpty()) st.execute(sql);
            }
        }
    }

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

    /** The stored rows of these packs (absent ones are missing from the map), in {@code IN} lists of up to 200 ids. */
    public static Map<String, FleetPackRow> loadAll(Connection c, Collection<String> packIds) throws SQLException {
        Map<String, FleetPackRow> out = new HashMap<>();
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

    private static FleetPackRow read(ResultSet rs, String packId) throws SQLException {
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

    /** Writes rows as one JDBC batch: INSERTs when {@code exist} is false, otherwise UPDATEs; each must hit one row. */
    public static void saveAll(Connection c, List<FleetPackRow> rows, boolean exist) throws SQLException {
        if (rows.isEmpty()) return;
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

    /** The pack's latest SoH in a month of use (one row per pack and month, overwritten by later periods). */
    public static void saveMonthly(Connection c, String packId, String month, double soh, double resistance, Instant at) throws SQLException {
        saveMonthlyAll(c, List.of(new MonthlyRow(packId, month, soh, resistance, 1, at)));
    }
}
