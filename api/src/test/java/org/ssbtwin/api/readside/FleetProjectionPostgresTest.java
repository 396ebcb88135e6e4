package org.ssbtwin.api.readside;

import org.ssbtwin.api.FleetFixtures;
import org.ssbtwin.api.TestTwin;
import org.ssbtwin.api.TwinServer;

import static org.junit.jupiter.api.Assertions.*;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fleet projection on a real PostgreSQL: its DDL, the offset store, the rows and the fleet endpoints. */
class FleetProjectionPostgresTest {
    @TempDir
    Path dir;

    @Test
    void projectsPackEventsIntoPostgres() throws Exception {
        List<FleetFixtures.PackSpec> packs = List.of(
                FleetFixtures.pack(21, "VF8", "HOT", "COMMUTER", 119),
                FleetFixtures.pack(22, "VF9", "TEMPERATE", "COMMUTER", 121),
                FleetFixtures.pack(23, "VF9", "HOT", "RIDE_HAIL", 126));
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            Map<String, Object> postgres = Map.of(
                    "twin.database.kind", "postgres",
                    "twin.database.postgres.url", pg.getJdbcUrl("postgres", "postgres"),
                    "twin.database.postgres.user", "postgres",
                    "twin.simulation.enabled", false);
            try (TwinServer twin = TestTwin.start(dir, postgres)) {
                twin.readiness().get();
                for (int i = 0; i < packs.size(); i++) FleetFixtures.assembleAndInstall(twin.system(), packs.get(i), i + 1);
                TestTwin.await("packs in service", Duration.ofSeconds(20),
                        () -> TestTwin.get(twin.port(), "/api/v1/packs?state=in_service").json().get("total").asInt() == packs.size());
                var r = FleetFixtures.postTelemetry(twin.port(), FleetFixtures.days(packs, LocalDate.parse("2028-01-30"), 4, 150));
                assertEquals(200, r.status(), r.body());
                try (Connection c = pg.getPostgresDatabase().getConnection()) {
                    long journal = FleetFixtures.journalPackEvents(c);
                    assertEquals(packs.size() * (2 + 4), journal);
                    TestTwin.await("offsets at the end of the journal", Duration.ofSeconds(30), () -> {
                        try {
                            return FleetFixtures.offsets(c).equals(FleetFixtures.expectedOffsets(c, 2));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    assertEquals(journal, FleetFixtures.projectedEvents(c));
                    FleetFixtures.perPack(c).forEach((pack, v) -> assertArrayEquals(new long[] {v[0], v[1]}, new long[] {v[2], v[3]}, pack));
                    // 30 and 31 January, then 1 and 2 February: two months per pack
                    assertEquals(packs.size() * 2L, FleetFixtures.number(c, "SELECT COUNT(*) FROM fleet_pack_soh_monthly"));
                    assertEquals(1, FleetFixtures.number(c, "SELECT COUNT(*) FROM fleet_pack WHERE lamination_band = '115-120'"));
                }
                var summary = TestTwin.get(twin.port(), "/api/v1/fleet/summary");
                assertEquals(200, summary.status(), summary.body());
                assertEquals(packs.size(), summary.json().get("packs").asInt());
                assertTrue(summary.json().get("soh").get("p50").asDouble() < 1.0);
                var months = TestTwin.get(twin.port(), "/api/v1/fleet/soh-distribution?by=month").json().get("points");
                assertEquals(2, months.size());
                assertEquals("2028-02", months.get(1).get("period").asText());
                var cohorts = TestTwin.get(twin.port(), "/api/v1/fleet/cohorts?by=vehicleModel").json().get("cohorts");
                assertEquals("VF9", cohorts.get(1).get("key").asText());
                assertEquals(2, cohorts.get(1).get("packs").asInt());
            }
        }
    }
}
