package org.ssbtwin.api.readside;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code rs_serial}: the highest serial in use per id prefix ({@code C-DK1-00000042} -> {@code C-DK1}, 42), raised by
 * the cell and pack projections inside their transactions (never lowered, so a replay changes nothing). Rows are
 * written in prefix order, so two projection instances never wait on each other in opposite orders.
 */
final class SerialTable {
    static final String TABLE = "rs_serial";

    private SerialTable() {}

    /** Notes an id ({@code PREFIX-serial}) in {@code serials}; an id without a numeric serial is ignored. */
    static void note(Map<String, Long> serials, String id) {
        if (id == null) return;
        int dash = id.lastIndexOf('-');
        if (dash <= 0 || dash == id.length() - 1) return;
        try {
            serials.merge(id.substring(0, dash), Long.parseLong(id.substring(dash + 1)), Math::max);
        } catch (NumberFormatException e) {
            // not a serial id (ids from an external MES may be anything): nothing to continue
        }
    }

    /** Raises the stored maxima to these serials. */
    static void raise(Connection c, Map<String, Long> serials) throws SQLException {
        if (serials.isEmpty()) return;
        boolean postgres = FleetTables.isPostgres(c);
        String sql = postgres
                ? "INSERT INTO " + TABLE + " (id_prefix, max_serial) VALUES (?, ?) ON CONFLICT (id_prefix) DO UPDATE SET "
                  + "max_serial = GREATEST(" + TABLE + ".max_serial, EXCLUDED.max_serial)"
                : "MERGE INTO " + TABLE + " t USING (VALUES (CAST(? AS VARCHAR(32)), CAST(? AS BIGINT))) AS s(id_prefix, max_serial) "
                  + "ON t.id_prefix = s.id_prefix WHEN MATCHED THEN UPDATE SET max_serial = GREATEST(t.max_serial, s.max_serial) "
                  + "WHEN NOT MATCHED THEN INSERT (id_prefix, max_serial) VALUES (s.id_prefix, s.max_serial)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Map.Entry<String, Long> e : new TreeMap<>(serials).entrySet()) {
                ps.setString(1, e.getKey());
                ps.setLong(2, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static Map<String, Long> all(Connection c) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id_prefix, max_serial FROM " + TABLE); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.put(rs.getString(1), rs.getLong(2));
        }
        return out;
    }
}
