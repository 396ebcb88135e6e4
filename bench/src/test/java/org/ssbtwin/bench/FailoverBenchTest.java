package org.ssbtwin.bench;

import static org.junit.jupiter.api.Assertions.*;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The failover bench on a real embedded PostgreSQL with three forked nodes: figures printed, nothing lost, no 5xx but 503. */
class FailoverBenchTest {
    @Test
    @Tag("bench")
    @Timeout(600)
    void killMinus9OfTheOldestNodeLosesNoAcknowledgedWriteAndAnswersOnly503MeanwhileAndItsStationsComeBack() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            StringWriter log = new StringWriter();
            FailoverBench.Report r = FailoverBench.run(new FailoverBench.Options(3, 24, Duration.ofSeconds(40),
                    pg.getJdbcUrl("postgres", "postgres"), "postgres", ""), new PrintWriter(log, true));
            System.out.print(log);
            assertTrue(r.victimStations() > 0, log.toString());
            assertEquals(0, r.notBack(), "every station of the killed node answers again: " + log);
            assertEquals(r.stations(), r.found(), "acknowledged = found: " + log);
            assertTrue(Set.of(200, 503).containsAll(r.answers().keySet()), "clients see 200 or 503 only: " + log);
        }
    }
}
