package org.ssbtwin.api.readside;

import org.ssbtwin.api.FleetFixtures;
import org.ssbtwin.api.TestTwin;
import org.ssbtwin.api.TwinServer;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly once across restarts (H2): the node is stopped right after a telemetry batch while the projection is still
 * working through it, restarted, fed more; then restarted with a different number of projection instances (new
 * projection keys replay the journal from the start). Every time the rows hold each journal event exactly once and
 * the stored offsets are exactly the journal position of each slice's last event.
 */
class FleetProjectionExactlyOnceTest {
    @TempDir
    Path dir;

    static final List<FleetFixtures.PackSpec> PACKS = List.of(
            FleetFixtures.pack(11, "VF8", "HOT", "COMMUTER", 120),
            FleetFixtures.pack(12, "VF8", "HOT", "RIDE_HAIL", 121),
            FleetFixtures.pack(13, "VF9", "TEMPERATE", "COMMUTER", 122),
            FleetFixtures.pack(14, "VF9", "TEMPERATE", "COMMUTER", 123),
            FleetFixtures.pack(15, "VF8", "TEMPERATE", "RIDE_HAIL", 124),
            FleetFixtures.pack(16, "VF9", "HOT", "RIDE_HAIL", 125));

    private TwinServer start(int instances) throws Exception {
        TwinServer t = TestTwin.start(dir, Map.of("twin.simulation.enabled", false, "twin.read-side.projection-instances", instances));
        t.readiness().get();
        return t;
    }

    @Test
    void restartsNeverCountAnEventTwice() throws Exception {
        long projectedAtStop;
        try (TwinServer first = start(2)) {
            for (int i = 0; i < PACKS.size(); i++) FleetFixtures.assembleAndInstall(first.system(), PACKS.get(i), i + 1);
            TestTwin.await("packs in service", Duration.ofSeconds(20),
                    () -> TestTwin.get(first.port(), "/api/v1/packs?state=in_service").json().get("total").asInt() == PACKS.size());
            var r = FleetFixtures.postTelemetry(first.port(), FleetFixtures.days(PACKS, LocalDate.parse("2028-01-20"), 20, 90));
            assertEquals(200, r.status(), r.body());
            try (Connection c = FleetFixtures.connect(first.settings().database())) {
                projectedAtStop = FleetFixtures.projectedEvents(c);
                System.out.printf("stopping the node with %d of %d pack events projected%n", projectedAtStop, FleetFixtures.journalPackEvents(c));
            }
        } // stopped mid-stream (or just after): whatever was committed stays, the rest must follow after the restart

        try (TwinServer second = start(2)) {
            var r = FleetFixtures.postTelemetry(second.port(), FleetFixtures.days(PACKS, LocalDate.parse("2028-02-09"), 5, 90));
            assertEquals(200, r.status(), r.body());
            try (Connection c = FleetFixtures.connect(second.settings().database())) {
                long journal = FleetFixtures.journalPackEvents(c);
                assertEquals(PACKS.size() * (2 + 20 + 5), journal);
                awaitOffsets(c, 2);
                assertExactlyOnce(c, journal);
                assertEquals(PACKS.size() * 2L, FleetFixtures.number(c, "SELECT COUNT(*) FROM fleet_pack_soh_monthly"), "January and February per pack");
            }
            assertEquals(PACKS.size(), TestTwin.get(second.port(), "/api/v1/fleet/summary").json().get("packs").asInt());
        }

        try (TwinServer third = start(3)) {
            try (Connection c = FleetFixtures.connect(third.settings().database())) {
                double km = FleetFixtures.number(c, "SELECT SUM(km) FROM fleet_pack");
                awaitOffsets(c, 3); // three new projection keys have read the whole journal again
                assertExactlyOnce(c, FleetFixtures.journalPackEvents(c));
                assertEquals(km, FleetFixtures.number(c, "SELECT SUM(km) FROM fleet_pack"), 0.0, "the replay changed nothing");
                assertEquals(PACKS.size() * 25.0 * 90, km, 1e-6);
            }
        }
    }

    /** Waits until every slice of this instance count has stored the offset of its last journal event. */
    private static void awaitOffsets(Connection c, int instances) {
        TestTwin.await("offsets of " + instances + " slices at the end of the journal", Duration.ofSeconds(45), () -> {
            try {
                Map<String, Long> expected = FleetFixtures.expectedOffsets(c, instances);
                Map<String, Long> stored = FleetFixtures.offsets(c).entrySet().stream()
                        .filter(e -> e.getKey().endsWith("-of-" + instances))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
                return stored.equals(expected);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void assertExactlyOnce(Connection c, long journal) throws Exception {
        assertEquals(journal, FleetFixtures.projectedEvents(c), "every journal event folded in exactly once");
        List<String> mismatches = new ArrayList<>();
        FleetFixtures.perPack(c).forEach((pack, v) -> {
            if (v[0] != v[2] || v[1] != v[3]) mismatches.add(pack + ": journal " + v[0] + " events up to seq " + v[1] + ", row " + v[2] + " up to " + v[3]);
        });
        assertEquals(List.of(), mismatches);
        long usage = journal - 2L * PACKS.size();
        assertEquals(usage, FleetFixtures.number(c, "SELECT SUM(usage_records) FROM fleet_pack"));
        assertEquals(usage, FleetFixtures.number(c, "SELECT SUM(usage_records) FROM fleet_pack_soh_monthly"), "monthly rows count each period once");
    }
}
