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
                OffsetDateTime updated = rs.getObject(17, OffsetDateTime.class);
                return Optional.of(new FleetPackRow(packId, rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), PackStatus.valueOf(rs.getString(7)), rs.getInt(8), rs.getDouble(9),
                        rs.getDouble(10), rs.getDouble(11), rs.getDouble(12), rs.getDouble(13), rs.getLong(14), rs.getLong(15),
                        rs.getLong(16), updated == null ? null : updated.toInstant()));
            }
        }
    }

    /** Writes the row: an INSERT when {@code exists} is false, otherwise an UPDATE (one writer per pack: no race). */
    public static void save(Connection c, FleetPackRow r, boolean exists) throws SQLException {
        String sql = exists
                ? "UPDATE " + PACK + " SET vehicle_id = ?, vehicle_model = ?, climate = ?, archetype = ?, production_week = ?, "
                        + "lamination_band = ?, status = ?, cell_count = ?, nominal_capacity_kwh = ?, soh_capacity = ?, soh_resistance = ?, "
                        + "efc = ?, km = ?, usage_records = ?, events = ?, last_seq_nr = ?, updated_at = ? WHERE pack_id = ?"
                : "INSERT INTO " + PACK + " (" + COLUMNS + ", pack_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
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
            if (ps.executeUpdate() != 1) throw new SQLException("fleet_pack row of " + r.packId() + " was not " + (exists ? "updated" : "inserted"));
        }
    }

    /** The pack's latest SoH in a month of use (one row per pack and month, overwritten by later periods). */
    public static void saveMonthly(Connection c, String packId, String month, double soh, double resistance, Instant at) throws SQLException {
        OffsetDateTime ts = at.atOffset(ZoneOffset.UTC);
        try (PreparedStatement up = c.prepareStatement("UPDATE " + SOH_MONTHLY
                + " SET soh = ?, relative_resistance = ?, usage_records = usage_records + 1, updated_at = ? WHERE pack_id = ? AND soh_month = ?")) {
            up.setDouble(1, soh);
            up.setDouble(2, resistance);
            up.setObject(3, ts);
            up.setString(4, packId);
            up.setString(5, month);
            if (up.executeUpdate() == 1) return;
        }
        try (PreparedStatement in = c.prepareStatement("INSERT INTO " + SOH_MONTHLY
                + " (pack_id, soh_month, soh, relative_resistance, usage_records, updated_at) VALUES (?, ?, ?, ?, 1, ?)")) {
            in.setString(1, packId);
            in.setString(2, month);
            in.setDouble(3, soh);
            in.setDouble(4, resistance);
            in.setObject(5, ts);
            in.executeUpdate();
        }
    }
}
