package org.ssbtwin.api.readside;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ssbtwin.config.TwinSettings;

/**
 * The read side's tables, migrated with Flyway at every start (on every node; Flyway locks its history table, so
 * concurrent starts apply each migration once): {@code classpath:db/readside/h2} or {@code db/readside/postgresql},
 * history in {@value #HISTORY}.
 *
 * <p>Builds before Flyway created {@code fleet_pack} and {@code fleet_pack_soh_monthly} with {@code CREATE TABLE IF
 * NOT EXISTS} and kept no history: such a database is baselined at version 1 (V1 is exactly those tables) and
 * migrated from V2 on, its rows untouched. A database without {@code fleet_pack} (new, or holding only the journal)
 * is baselined at version 0, so V1 creates the tables. The journal's own tables are not Flyway's business.
 */
public final class ReadSideSchema {
    private static final Logger log = LoggerFactory.getLogger(ReadSideSchema.class);
    /** Flyway's history table of the read side (not the default name: the journal's database may hold others). */
    public static final String HISTORY = "rs_schema_history";

    private ReadSideSchema() {}

    /** Migrates the read side's tables to the latest version; returns the version it is at. */
    public static String migrate(DataSource db, TwinSettings.DatabaseKind kind) {
        return migrate(db, kind, "latest");
    }

    /** Migrates the read side's tables up to {@code target} (a version, or "latest"): tests of an upgrade from an older version. */
    static String migrate(DataSource db, TwinSettings.DatabaseKind kind, String target) {
        boolean legacy;
        try (Connection c = db.getConnection()) {
            legacy = tableExists(c, FleetTables.PACK) && !tableExists(c, HISTORY);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the read-side schema: " + e.getMessage(), e);
        }
        String location = kind == TwinSettings.DatabaseKind.H2 ? "classpath:db/readside/h2" : "classpath:db/readside/postgresql";
        Flyway flyway = Flyway.configure(ReadSideSchema.class.getClassLoader())
                .dataSource(db)
                .locations(location)
                .table(HISTORY)
                .baselineOnMigrate(true) // the schema already holds the journal: never "empty" to Flyway
                .baselineVersion(legacy ? "1" : "0")
                .baselineDescription(legacy ? "fleet_pack as created before Flyway" : "read side not created yet")
                .target(target)
                .load();
        MigrateResult result = flyway.migrate();
        String version = flyway.info().current() == null ? "none" : flyway.info().current().getVersion().getVersion();
        if (result.migrationsExecuted > 0 || legacy) {
            log.info("read-side schema at version {} ({} migration(s) applied{})", version, result.migrationsExecuted,
                    legacy ? ", baselined from a database made before Flyway" : "");
        }
        return version;
    }

    static boolean tableExists(Connection c, String name) throws SQLException {
        var meta = c.getMetaData();
        for (String n : new String[] {name, name.toUpperCase(java.util.Locale.ROOT)}) {
            try (ResultSet rs = meta.getTables(c.getCatalog(), null, n, new String[] {"TABLE"})) {
                if (rs.next()) return true;
            }
        }
        return false;
    }
}
