package org.ssbtwin.api.persistence;

import org.ssbtwin.api.TestTwin;
import org.ssbtwin.api.TwinServer;

import static org.junit.jupiter.api.Assertions.*;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssbtwin.core.id.StationId;
import org.ssbtwin.plant.station.StationEvent;
import org.ssbtwin.plant.entity.StationEntity;

/** The `postgres` configuration against a real PostgreSQL started by the test: write, restart, read back. */
class PostgresPersistenceTest {
    @TempDir
    Path dir;

    @Test
    void eventsRoundTripThroughPostgresAcrossARestart() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            Map<String, Object> postgres = Map.of(
                    "twin.database.kind", "postgres",
                    "twin.database.postgres.url", pg.getJdbcUrl("postgres", "postgres"),
                    "twin.database.postgres.user", "postgres",
                    "twin.simulation.enabled", false,
                    "twin.persistence.snapshot-every", 5);
            StationId id = StationId.of("DK1-DRY-01");
            Instant t0 = Instant.parse("2028-01-02T00:00:00Z"); // before the virtual clock start, so the PUT (stamped "now") comes later
            try (TwinServer first = TestTwin.start(dir, postgres)) {
                first.readiness().get();
                var ref = ClusterSharding.get(first.system()).entityRefFor(StationEntity.TYPE_KEY, id.value());
                var reply = ref.<StationEntity.Reply>ask(r -> new StationEntity.Record(
                        new StationEvent.Commissioned(id, "CORE_ASSEMBLY", 3, Map.of("dewPointC", -45.0), t0), r), Duration.ofSeconds(10))
                        .toCompletableFuture().get();
                assertNull(reply.rejection());
                for (int i = 1; i <= 12; i++) {
                    int n = i;
                    assertNull(ref.<StationEntity.Reply>ask(r -> new StationEntity.Record(
                            new StationEvent.ReadingsRecorded(Map.of("dewPointC", -45.0 + n * 0.5), t0.plusSeconds(60L * n)), r),
                            Duration.ofSeconds(10)).toCompletableFuture().get().rejection());
                }
                var put = TestTwin.put(first.port(), "/api/v1/stations/DK1-DRY-01/setpoints/dewPointC", "{\"value\": -50}");
                assertEquals(200, put.status(), put.body());
            }
            try (Connection c = pg.getPostgresDatabase().getConnection();
                 ResultSet rs = c.createStatement().executeQuery(
                         "select count(*), (select count(*) from snapshot where persistence_id = 'Station|DK1-DRY-01') from event_journal where persistence_id = 'Station|DK1-DRY-01'")) {
                assertTrue(rs.next());
                assertEquals(14, rs.getLong(1), "every acknowledged event is in PostgreSQL");
                assertTrue(rs.getLong(2) >= 1, "snapshots are written every 5 events");
            }
            try (TwinServer second = TestTwin.start(dir, postgres)) {
                second.readiness().get();
                var s = TestTwin.get(second.port(), "/api/v1/stations/DK1-DRY-01");
                assertEquals(200, s.status(), s.body());
                assertEquals(-50.0, s.json().get("setpoints").get("dewPointC").asDouble());
                assertEquals(-39.0, s.json().get("readings").get("dewPointC").asDouble());
                assertEquals(14, s.json().get("revision").asInt());
                // the list is the read side's table: the station projection resumes from its offset after the start
                // and may still be folding the first node's last events (the answer carries Read-Side-Lag-Seconds)
                TestTwin.await("the station list holds the station with all 14 events", Duration.ofSeconds(30),
                        () -> TestTwin.get(second.port(), "/api/v1/stations?kind=CORE_ASSEMBLY").json().get("items").path(0).path("revision").asInt() == 14);
                var list = TestTwin.get(second.port(), "/api/v1/stations?kind=CORE_ASSEMBLY").json();
                assertEquals(1, list.get("total").asInt());
                assertEquals("DK1-DRY-01", list.get("items").get(0).get("id").asText());
                assertEquals(-50.0, list.get("items").get(0).get("setpoints").get("dewPointC").asDouble(), "the list's row holds the setpoint");
            }
        }
    }
}
