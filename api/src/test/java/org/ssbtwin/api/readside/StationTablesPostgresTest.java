package org.ssbtwin.api.readside;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ssbtwin.config.TwinSettings;

/**
 * {@link StationTablesTest} on a real PostgreSQL (embedded): the station rows with their scrap by cause and readings
 * (upserted with {@code ON CONFLICT} here, {@code MERGE} on H2) equal the heap fold for any split into groups, across
 * replays and a rolled-back group; the list and the KPI rows answer from them; a V4 row is folded again once.
 */
class StationTablesPostgresTest {
    private static EmbeddedPostgres pg;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        pg = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (pg != null) pg.close();
    }

    /** A new, empty database. */
    private static DataSource database() throws Exception {
        String name = "stations" + DATABASES.incrementAndGet();
        try (Connection admin = pg.getPostgresDatabase().getConnection(); Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        return pg.getDatabase("postgres", name);
    }

    private static Connection db(String ignored) throws Exception {
        DataSource ds = database();
        ReadSideSchema.migrate(ds, TwinSettings.DatabaseKind.POSTGRES);
        Connection c = ds.getConnection();
        c.setAutoCommit(false);
        return c;
    }

    @Test
    void anySplitIntoGroupsStoresWhatTheHeapFolded() throws Exception {
        StationTablesTest.anySplitIntoGroupsStoresWhatTheHeapFolded(StationTablesPostgresTest::db);
    }

    @Test
    void aRestartFromAnOlderOffsetOrARolledBackGroupAppliesEveryEventOnce() throws Exception {
        StationTablesTest.aRestartFromAnOlderOffsetOrARolledBackGroupAppliesEveryEventOnce(db("restart"));
    }

    @Test
    void theListAndTheKpiRowsAnswerFromTheTable() throws Exception {
        StationTablesTest.theListAndTheKpiRowsAnswerFromTheTable(database(), TwinSettings.DatabaseKind.POSTGRES);
    }

    @Test
    void aRowWrittenUnderV4IsFoldedAgainFromTheJournalOnce() throws Exception {
        StationTablesTest.aRowWrittenUnderV4IsFoldedAgainFromTheJournalOnce(database(), TwinSettings.DatabaseKind.POSTGRES);
    }
}
