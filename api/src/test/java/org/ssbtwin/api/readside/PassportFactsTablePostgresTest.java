package org.ssbtwin.api.readside;

import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link PassportFactsTableTest}'s check on an embedded PostgreSQL (its V4 migration, its timestamptz and NULLs). */
class PassportFactsTablePostgresTest {
    @RegisterExtension
    static final ReadSidePostgres PG = new ReadSidePostgres("passport_facts");

    @Test
    void aPassportFromTheReadSideIsThePassportFromTheJournal() throws Exception {
        try (Connection c = PG.newConnection()) {
            PassportFactsTableTest.readSideEqualsJournal(c);
        }
    }
}
