package org.ssbtwin.api.readside;

import static org.junit.jupiter.api.Assertions.*;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.ssbtwin.config.TwinSettings;

/**
 * The read-side schema's start-up migration: a database made by a build before Flyway (fleet_pack created by that
 * build's own DDL, kept under test resources, no Flyway history) is upgraded in place, its rows kept; a new database
 * gets every table; a second start changes nothing. On H2 and on PostgreSQL.
 */
class ReadSideSchemaTest {

    @Test
    void upgradesAPreFlywayH2Database() throws Exception {
        upgradesAPreFlywayDatabase(h2("legacy"), TwinSettings.DatabaseKind.H2, "readside-legacy/h2-fleet-tables.sql");
    }

    @Test
    void createsEverythingOnANewH2Database() throws Exception {
        createsEverythingOnANewDatabase(h2("fresh"), TwinSettings.DatabaseKind.H2);
    }

    @Test
    void upgradesAPreFlywayPostgresDatabaseAndCreatesANewOne() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            try (Connection admin = pg.getPostgresDatabase().getConnection(); Statement st = admin.createStatement()) {
                st.execute("CREATE DATABASE legacy");
                st.execute("CREATE DATABASE fresh");
            }
            upgradesAPreFlywayDatabase(pg.getDatabase("postgres", "legacy"), TwinSettings.DatabaseKind.POSTGRES,
                    "readside-legacy/postgres-fleet-tables.sql");
            createsEverythingOnANewDatabase(pg.getDatabase("postgres", "fresh"), TwinSettings.DatabaseKind.POSTGRES);
            try (Connection admin = pg.getPostgresDatabase().getConnection(); Statement st = admin.createStatement()) {
                st.execute("CREATE DATABASE at_v4");
            }
            upgradesAV4DatabaseKeepingItsRows(pg.getDatabase("postgres", "at_v4"), TwinSettings.DatabaseKind.POSTGRES);
        }
    }

    private static void upgradesAPreFlywayDatabase(DataSource db, TwinSettings.DatabaseKind kind, String legacyDdl) throws Exception {
        try (Connection c = db.getConnection()) {
            runScript(c, legacyDdl); // as the previous build's FleetTables.createSchema did at start
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO fleet_pack (pack_id, vehicle_id, status, cell_count, nominal_capacity_kwh, soh_capacity, soh_resistance, "
                        + "efc, km, usage_records, events, last_seq_nr) VALUES ('P-VF-00000001', 'VF8-00000001', 'IN_SERVICE', 112, 87.7, 0.97, 1.04, "
                        + "12.5, 4200.0, 30, 32, 32)");
                st.execute("INSERT INTO fleet_pack_soh_monthly (pack_id, soh_month, soh, relative_resistance, usage_records, updated_at) "
                        + "VALUES ('P-VF-00000001', '2028-01', 0.97, 1.04, 30, TIMESTAMP WITH TIME ZONE '2028-01-31 00:00:00+00')");
            }
            assertFalse(ReadSideSchema.tableExists(c, "rs_cell"));
        }
        assertEquals("5", ReadSideSchema.migrate(db, kind));
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT vehicle_id, km, last_seq_nr FROM fleet_pack WHERE pack_id = 'P-VF-00000001'")) {
                assertTrue(rs.next(), "the pack row survives the migration");
                assertEquals("VF8-00000001", rs.getString(1));
                assertEquals(4200.0, rs.getDouble(2));
                assertEquals(32, rs.getLong(3));
            }
            assertEquals(1, count(st, "SELECT COUNT(*) FROM fleet_pack_soh_monthly"));
            for (String table : List.of("rs_station", "rs_cell", "rs_cell_roll", "rs_slice_tag_backfill", "rs_serial", "fleet_pack_passport",
                    "rs_station_scrap", "rs_station_reading")) {
                assertEquals(0, count(st, "SELECT COUNT(*) FROM " + table), table + " exists and is empty");
            }
            assertEquals(List.of("1", "2", "3", "4", "5"), versions(st), "baselined at 1, then V2 to V5");
            // the new index on the old table answers the vehicle lookup
            assertEquals(1, count(st, "SELECT COUNT(*) FROM fleet_pack WHERE vehicle_id = 'VF8-00000001'"));
        }
        assertEquals("5", ReadSideSchema.migrate(db, kind), "a second start changes nothing");
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            assertEquals(List.of("1", "2", "3", "4", "5"), versions(st));
            assertEquals(1, count(st, "SELECT COUNT(*) FROM fleet_pack"));
        }
    }

    @Test
    void upgradesAV4H2DatabaseKeepingItsRows() throws Exception {
        upgradesAV4DatabaseKeepingItsRows(h2("at-v4"), TwinSettings.DatabaseKind.H2);
    }

    /**
     * A database at V4 (stations, cells, packs, serials written by the V4 projections) gets V5: every row kept, the
     * station rows marked as not holding their whole life (first_seq_nr 0: the projection folds them again), the
     * new columns empty and the new tables created empty.
     */
    private static void upgradesAV4DatabaseKeepingItsRows(DataSource db, TwinSettings.DatabaseKind kind) throws Exception {
        assertEquals("4", ReadSideSchema.migrate(db, kind, "4"));
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO rs_station (station_id, station_kind, units, state, state_reason, state_since, units_in, units_out, scrap, "
                    + "revision, setpoints, last_seq_nr, updated_at) VALUES ('DK1-LAM-01', 'LAMINATION', 2, 'RUNNING', 'started', "
                    + "TIMESTAMP WITH TIME ZONE '2028-01-02 06:00:00+00', 1200, 1180, 20, 345, 'laminationTemperatureC=120.0', 345, "
                    + "TIMESTAMP WITH TIME ZONE '2028-01-31 00:00:00+00')");
            st.execute("INSERT INTO rs_cell (cell_id, status, grade, last_seq_nr) VALUES ('C-DK1-00000001', 'GRADED', 'A', 3)");
            st.execute("INSERT INTO rs_serial (id_prefix, max_serial) VALUES ('C-DK1', 1)");
            st.execute("INSERT INTO fleet_pack (pack_id, vehicle_id, status, cell_count, nominal_capacity_kwh, soh_capacity, soh_resistance, "
                    + "efc, km, usage_records, events, last_seq_nr) VALUES ('P-VF-00000001', 'VF8-00000001', 'IN_SERVICE', 112, 87.7, 0.97, 1.04, "
                    + "12.5, 4200.0, 30, 32, 32)");
        }
        assertEquals("5", ReadSideSchema.migrate(db, kind));
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT station_kind, units_out, scrap, setpoints, last_seq_nr, first_seq_nr, observed_until, "
                    + "running_ms FROM rs_station WHERE station_id = 'DK1-LAM-01'")) {
                assertTrue(rs.next(), "the station row survives the migration");
                assertEquals("LAMINATION", rs.getString(1));
                assertEquals(1180, rs.getLong(2));
                assertEquals(20, rs.getLong(3));
                assertEquals("laminationTemperatureC=120.0", rs.getString(4));
                assertEquals(345, rs.getLong(5));
                assertEquals(0, rs.getLong(6), "not known to hold the whole life: folded again by the projection");
                assertNull(rs.getObject(7));
                assertNull(rs.getObject(8));
            }
            assertEquals(1, count(st, "SELECT COUNT(*) FROM rs_cell WHERE cell_id = 'C-DK1-00000001' AND grade = 'A'"));
            assertEquals(1, count(st, "SELECT COUNT(*) FROM rs_serial WHERE max_serial = 1"));
            assertEquals(1, count(st, "SELECT COUNT(*) FROM fleet_pack WHERE km = 4200.0"));
            assertEquals(0, count(st, "SELECT COUNT(*) FROM rs_station_scrap"));
            assertEquals(0, count(st, "SELECT COUNT(*) FROM rs_station_reading"));
            assertEquals(List.of("1", "2", "3", "4", "5"), versions(st), "V1 to V4 at the first start, V5 at the upgrade");
        }
        assertEquals("5", ReadSideSchema.migrate(db, kind), "a second start changes nothing");
    }

    private static void createsEverythingOnANewDatabase(DataSource db, TwinSettings.DatabaseKind kind) throws Exception {
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE journal_like (ordering BIGINT PRIMARY KEY)"); // the journal's tables are there first
        }
        assertEquals("5", ReadSideSchema.migrate(db, kind));
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            for (String table : List.of("fleet_pack", "fleet_pack_soh_monthly", "rs_station", "rs_cell", "rs_cell_roll", "rs_slice_tag_backfill", "rs_serial",
                    "fleet_pack_passport", "rs_station_scrap", "rs_station_reading")) {
                assertEquals(0, count(st, "SELECT COUNT(*) FROM " + table), table);
            }
            assertEquals(List.of("0", "1", "2", "3", "4", "5"), versions(st), "baselined at 0: V1 ran");
        }
    }

    private static DataSource h2(String name) {
        org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
        ds.setURL("jdbc:h2:mem:schema-" + name + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        return ds;
    }

    /** The previous build's way of running its DDL: statements split at ';', comment lines dropped. */
    private static void runScript(Connection c, String resource) throws Exception {
        String ddl;
        try (InputStream in = ReadSideSchemaTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Statement st = c.createStatement()) {
            for (String raw : ddl.split(";")) {
                String sql = raw.lines().filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + b + "\n").strip();
                if (!sql.isEmpty()) st.execute(sql);
            }
        }
    }

    private static long count(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> versions(Statement st) throws Exception {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT \"version\" FROM \"" + ReadSideSchema.HISTORY + "\" WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }
}
