package org.ssbtwin.api.readside;

import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ssbtwin.config.TwinSettings;

/**
 * {@link StationTablesTest} on a real PostgreSQL (embedded): the station rows with their scrap by cause and readings
 * (upserted with {@code ON CONFLICT} here, {@code MERGE} on H2) equal the heap fold for any split into groups, across
 * replays and a rolled-back group; the list and the KPI rows answer from them; a V4 row is folded again once.
 */
class StationTablesPostgresTest {
    @RegisterExtension
    static final ReadSidePostgres PG = new ReadSidePostgres("stations");

    private static Connection db(String ignored) throws Exception {
        return PG.newConnection();
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
        StationTablesTest.theListAndTheKpiRowsAnswerFromTheTable(PG.newEmptyDatabase(), TwinSettings.DatabaseKind.POSTGRES);
    }

    @Test
    void aRowWrittenUnderV4IsFoldedAgainFromTheJournalOnce() throws Exception {
        StationTablesTest.aRowWrittenUnderV4IsFoldedAgainFromTheJournalOnce(PG.newEmptyDatabase(), TwinSettings.DatabaseKind.POSTGRES);
    }
}
