package org.ssbtwin.api.readside;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorSelection;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.pattern.Patterns;
import org.apache.pekko.persistence.jdbc.query.JournalSequenceActor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssbtwin.api.FleetFixtures;
import org.ssbtwin.api.Seed;
import org.ssbtwin.api.TestTwin;
import org.ssbtwin.api.TwinServer;

/**
 * A node is ready without waiting for the read journal's ordering scan (issue 17, docs/read-side.md "Start"). The
 * journal holds a gap in its orderings between two runs (as a transaction rolled back, or an H2 identity cache lost in
 * a crash, leaves one); the plugin's sequence actor waits {@code max-tries x query-delay} (here 30 s) at a gap before
 * it lets events-by-tag queries read past it. The node must be ready while that scan still holds at the gap, with the
 * virtual time of the events after it (read from the tables), and the projection must fold those events once the scan
 * passes the gap: ready does not mean the read side is current, and it becomes current on its own.
 */
class ReadinessBeforeOrderingScanTest {
    static final Instant T0 = Instant.parse("2028-01-02T00:00:00Z");
    static final Instant T1 = Instant.parse("2028-03-04T00:00:00Z");
    /** Orderings skipped between the two runs. */
    static final long GAP = 1_000;

    @TempDir
    Path dir;

    private TwinServer start(Map<String, Object> extra) throws Exception {
        Map<String, Object> o = new HashMap<>(Map.of("twin.simulation.enabled", false));
        o.putAll(extra);
        TwinServer t = TestTwin.start(dir, o);
        return t;
    }

    @Test
    void readyWhileTheOrderingScanHoldsAtAGapThenTheProjectionCatchesUp() throws Exception {
        try (TwinServer first = start(Map.of())) {
            first.readiness().get(60, TimeUnit.SECONDS);
            new Seed(first).pack("P-DK1-000001", "VF8", "VF8-000001", "OSLO", T0);
            TestTwin.await("the first pack in the read side", Duration.ofSeconds(30),
                    () -> TestTwin.get(first.port(), "/api/v1/packs?state=in_service").json().get("total").asInt() == 1);
            try (Connection c = FleetFixtures.connect(first.settings().database()); Statement st = c.createStatement()) {
                long max = FleetFixtures.number(c, "SELECT MAX(\"ordering\") FROM \"event_journal\"");
                st.execute("ALTER TABLE \"event_journal\" ALTER COLUMN \"ordering\" RESTART WITH " + (max + 1 + GAP));
            }
        }
        // the second run writes after the gap, with no projection running: its events are for the next node to fold
        long afterGap;
        try (TwinServer second = start(Map.of("twin.read-side.enabled", false))) {
            second.readiness().get(60, TimeUnit.SECONDS);
            new Seed(second).pack("P-DK1-000002", "VF8", "VF8-000002", "OSLO", T1);
            try (Connection c = FleetFixtures.connect(second.settings().database())) {
                afterGap = FleetFixtures.number(c, "SELECT MIN(\"ordering\") FROM \"event_journal\" WHERE \"persistence_id\" = 'Pack|P-DK1-000002'");
                long beforeGap = FleetFixtures.number(c, "SELECT MAX(\"ordering\") FROM \"event_journal\" WHERE \"ordering\" < " + afterGap);
                assertTrue(afterGap - beforeGap > GAP, "a gap of " + GAP + " orderings before the second run's events: " + beforeGap + " -> " + afterGap);
            }
        }
        try (TwinServer third = start(Map.of("jdbc-read-journal.journal-sequence-retrieval.max-tries", 30,
                "jdbc-read-journal.journal-sequence-retrieval.query-delay", "1s"))) {
            third.readiness().get(60, TimeUnit.SECONDS);
            long checked = orderingCheckedByTheScan(third);
            assertTrue(checked < afterGap, "ready while the ordering scan still holds at the gap (checked up to " + checked
                    + ", the events after the gap start at " + afterGap + "): readiness must not wait for it");
            Instant latest = third.directory().latestEventAt().orElseThrow();
            assertTrue(!latest.isBefore(T1), "virtual time resumes from the events after the gap (read from the tables), was " + latest);
            assertEquals(1, TestTwin.get(third.port(), "/api/v1/packs?state=in_service").json().get("total").asInt(),
                    "the projection cannot have read past the gap yet");
            // telemetry for the pack installed after the gap: in service in the journal, not yet in fleet_pack
            TestTwin.Answer early = telemetry(third, "P-DK1-000002", "e1");
            assertEquals(503, early.status(), "a pack the read side has not folded yet is not called unknown: " + early.body());
            assertEquals("/problems/read-side-catching-up", early.json().get("type").asText(), early.body());
            TestTwin.await("the projection folds the events after the gap once the scan gives the gap up", Duration.ofSeconds(90),
                    () -> TestTwin.get(third.port(), "/api/v1/packs?state=in_service").json().get("total").asInt() == 2);
            assertTrue(orderingCheckedByTheScan(third) >= afterGap);
            TestTwin.await("telemetry of the pack after the gap is recorded once the read side holds the journal of the start",
                    Duration.ofSeconds(30), () -> telemetry(third, "P-DK1-000002", "e1").status() == 200);
            // the lag probe (every 2 s) then sees every slice past the journal of the start: a pack in no table is unknown
            TestTwin.await("a pack in no table is then unknown (400), no longer 503", Duration.ofSeconds(30),
                    () -> telemetry(third, "P-DK1-999999", "u1").status() == 400);
        }
    }

    private static TestTwin.Answer telemetry(TwinServer twin, String pack, String recordId) {
        String line = "{\"recordId\":\"" + recordId + "\",\"packId\":\"" + pack + "\",\"date\":\"2028-03-05\",\"km\":80,"
                + "\"dischargeKWh\":19.2,\"minSoc\":0.3,\"maxSoc\":0.8,\"meanCellTempC\":20,\"dcFastChargeKWh\":0}\n";
        return TestTwin.send(twin.port(), java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + twin.port() + "/api/v1/telemetry"))
                .header("Content-Type", "application/x-ndjson").POST(java.net.http.HttpRequest.BodyPublishers.ofString(line)));
    }

    /** The highest ordering the read journal's sequence actor has checked (what events-by-tag queries may read up to). */
    private static long orderingCheckedByTheScan(TwinServer twin) throws Exception {
        ActorSelection actor = Adapter.toClassic(twin.system())
                .actorSelection("/system/jdbc-read-journal.pekko-persistence-jdbc-journal-sequence-actor");
        Object answer = Patterns.ask(actor, JournalSequenceActor.GetMaxOrderingId$.MODULE$, Duration.ofSeconds(10))
                .toCompletableFuture().get(15, TimeUnit.SECONDS);
        return ((JournalSequenceActor.MaxOrderingId) answer).maxOrdering();
    }
}
