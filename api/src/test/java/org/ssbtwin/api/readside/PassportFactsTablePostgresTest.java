package org.ssbtwin.api.readside;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ssbtwin.config.TwinSettings;

/** {@link PassportFactsTableTest}'s check on an embedded PostgreSQL (its V4 migration, its timestamptz and NULLs). */
class PassportFactsTablePostgresTest {
    private static EmbeddedPostgres pg;

    @BeforeAll
    static void start() throws Exception {
        pg = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (pg != null) pg.close();
    }

    @Test
    void aPassportFromTheReadSideIsThePassportFromTheJournal() throws Exception {
        try (Connection admin = pg.getPostgresDatabase().getConnection(); Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE passport_facts");
        }
        javax.sql.DataSource db = pg.getDatabase("postgres", "passport_facts");
        ReadSideSchema.migrate(db, TwinSettings.DatabaseKind.POSTGRES);
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            PassportFactsTableTest.readSideEqualsJournal(c);
        }
    }
}
