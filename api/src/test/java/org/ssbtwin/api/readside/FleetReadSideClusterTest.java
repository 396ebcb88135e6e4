package org.ssbtwin.api.readside;

import org.ssbtwin.api.ClusterTestSupport;
import org.ssbtwin.api.FleetFixtures;
import org.ssbtwin.api.TestTwin;
import org.ssbtwin.api.TwinServer;

import static org.junit.jupiter.api.Assertions.*;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.Address;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.projection.ProjectionBehavior;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.ssbtwin.plant.cell.CellEvent;
import org.ssbtwin.plant.cell.InlayRecord;
import org.ssbtwin.core.id.CellId;
import org.ssbtwin.core.id.InlayId;
import org.ssbtwin.core.id.RollId;
import org.ssbtwin.core.id.StationId;
import org.ssbtwin.fleet.entity.PackEntity;
import org.ssbtwin.plant.entity.CellEntity;

/**
 * Three nodes in one JVM sharing an embedded PostgreSQL, one role each: an "entities" node that hosts the packs, a
 * "read-side" node that runs every projection instance ({@code twin.read-side.projection-role = read-side}), and an
 * "api" node that hosts neither. Telemetry enters through the api node, is written by the pack entities on the
 * entities node, projected on the read-side node, and the api node answers the fleet summary from the read-side tables
 * without asking any entity.
 */
class FleetReadSideClusterTest {
    @TempDir
    Path dir;

    @Test
    void apiNodeAnswersFleetQueriesFromTheReadSide() throws Exception {
        List<FleetFixtures.PackSpec> packs = List.of(
                FleetFixtures.pack(31, "VF8", "HOT", "COMMUTER", 120),
                FleetFixtures.pack(32, "VF8", "TEMPERATE", "COMMUTER", 122),
                FleetFixtures.pack(33, "VF9", "TEMPERATE", "RIDE_HAIL", 124),
                FleetFixtures.pack(34, "VF9", "HOT", "RIDE_HAIL", 126));
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            int[] artery = ClusterTestSupport.freePorts(3);
            String seed = "pekko://ssb-twin@127.0.0.1:" + artery[0];
            TwinServer entities = null;
            TwinServer readSide = null;
            TwinServer api = null;
            try {
                entities = TestTwin.start(dir.resolve("entities"), node(pg, artery[0], seed, "entities"));
                readSide = TestTwin.start(dir.resolve("read-side"), node(pg, artery[1], seed, "read-side"));
                api = TestTwin.start(dir.resolve("api"), node(pg, artery[2], seed, "api"));
                TwinServer e = entities;
                TwinServer r2 = readSide;
                TwinServer a = api;
                TestTwin.await("three members up", Duration.ofSeconds(60),
                        () -> ClusterTestSupport.membersUp(e.system()) == 3 && ClusterTestSupport.membersUp(a.system()) == 3
                                && ClusterTestSupport.membersUp(r2.system()) == 3);
                e.readiness().get(30, TimeUnit.SECONDS);
                r2.readiness().get(30, TimeUnit.SECONDS);
                a.readiness().get(30, TimeUnit.SECONDS);
                assertEquals(-1, e.port(), "the entities node serves no HTTP");
                assertEquals(-1, r2.port(), "the read-side node serves no HTTP");

                for (int i = 0; i < packs.size(); i++) FleetFixtures.assembleAndInstall(a.system(), packs.get(i), i + 1);
                TestTwin.await("packs in service on the api node", Duration.ofSeconds(20),
                        () -> TestTwin.get(a.port(), "/api/v1/packs?state=in_service").json().get("total").asInt() == packs.size());
                var r = FleetFixtures.postTelemetry(a.port(), FleetFixtures.days(packs, LocalDate.parse("2028-03-01"), 6, 110));
                assertEquals(200, r.status(), r.body());

                try (Connection c = pg.getPostgresDatabase().getConnection()) {
                    assertEquals(packs.size() * (2 + 6), FleetFixtures.journalPackEvents(c));
                    TestTwin.await("projection caught up", Duration.ofSeconds(30), () -> {
                        try {
                            return FleetFixtures.projectedEvents(c) == packs.size() * (2 + 6);
                        } catch (Exception ex) {
                            throw new IllegalStateException(ex);
                        }
                    });
                }
                var s = TestTwin.get(a.port(), "/api/v1/fleet/summary");
                assertEquals(200, s.status(), s.body());
                assertEquals(packs.size(), s.json().get("packs").asInt());
                assertEquals(packs.size(), s.json().get("byStatus").get("IN_SERVICE").asInt());
                assertEquals(2, s.json().get("byModel").get("VF9").asInt());
                assertTrue(s.json().get("soh").get("p95").asDouble() < 1.0, "six days of use aged every pack");
                var hot = TestTwin.get(a.port(), "/api/v1/fleet/cohorts?by=climate").json().get("cohorts").get(0);
                assertEquals("HOT", hot.get("key").asText());
                assertEquals(2, hot.get("packs").asInt());

                // the packs live on the entities node only, every projection instance on the read-side node only
                Address entitiesAddress = e.system().address();
                Address readSideAddress = r2.system().address();
                Map<Address, Integer> packRegions = ClusterTestSupport.entitiesPerRegion(e.system(), PackEntity.TYPE_KEY);
                assertEquals(Map.of(entitiesAddress, packs.size()), packRegions);
                EntityTypeKey<ProjectionBehavior.Command> daemon = EntityTypeKey.create(ProjectionBehavior.Command.class,
                        "sharded-daemon-process-fleet-pack");
                TestTwin.await("both projection instances running", Duration.ofSeconds(20),
                        () -> ClusterTestSupport.entitiesPerRegion(r2.system(), daemon).getOrDefault(readSideAddress, 0) == 2);
                assertEquals(Map.of(readSideAddress, 2), ClusterTestSupport.entitiesPerRegion(r2.system(), daemon));

                // only the api node follows the cell tag (its change feed); no node folds cells or packs into its heap:
                // every node's lists read the read-side tables
                assertTrue(a.directory().holdsCells());
                assertFalse(e.directory().holdsCells());
                assertFalse(r2.directory().holdsCells());
                assertEquals(Map.of(), a.directory().cellMap());
                assertEquals(Map.of(), e.directory().packMap());
                assertEquals(packs.size(), e.directory().queries().inServicePacks().toCompletableFuture().get(10, TimeUnit.SECONDS).size(),
                        "the entities node reads the packs from fleet_pack");
                java.time.Instant t = java.time.Instant.parse("2028-03-10T06:00:00Z");
                CellId cell = CellId.of("C-DK1-00000901");
                CellEntity.Reply laminated = ClusterSharding.get(a.system()).entityRefFor(CellEntity.TYPE_KEY, cell.value())
                        .<CellEntity.Reply>ask(replyTo -> new CellEntity.Record(new CellEvent.InlaysLaminated(cell, List.of(
                                new InlayRecord(InlayId.of("I-DK1-00000901"), List.of(RollId.of("R-CAT-000901"), RollId.of("R-ANO-000902")),
                                        StationId.of("DK1-LAM-02"), t, 121.5, -46, 10.6, 2.1)), t), replyTo), Duration.ofSeconds(10))
                        .toCompletableFuture().get(15, TimeUnit.SECONDS);
                assertNull(laminated.rejection());
                var later = FleetFixtures.postTelemetry(a.port(), FleetFixtures.days(packs, LocalDate.parse("2028-03-07"), 1, 90));
                assertEquals(200, later.status(), later.body());
                long packEvents = packs.size() * (2 + 6 + 1);
                TestTwin.await("the api node lists the new cell from rs_cell", Duration.ofSeconds(20), () -> {
                    var cells = TestTwin.get(a.port(), "/api/v1/cells?state=in_production").json().get("items");
                    for (var c : cells) if (cell.value().equals(c.get("id").asText())) return c.get("dewPointC").asDouble() == -46;
                    return false;
                });
                TestTwin.await("the later pack events in fleet_pack", Duration.ofSeconds(20),
                        () -> TestTwin.get(a.port(), "/api/v1/fleet/summary").json().get("packs").asInt() == packs.size());
                assertEquals(packEvents, packs.size() * 9L);
            } finally {
                if (api != null) api.close();
                if (readSide != null) readSide.close();
                if (entities != null) entities.close();
            }
        }
    }

    private static Map<String, Object> node(EmbeddedPostgres pg, int arteryPort, String seed, String role) {
        Map<String, Object> o = new HashMap<>();
        o.put("twin.database.kind", "postgres");
        o.put("twin.database.postgres.url", pg.getJdbcUrl("postgres", "postgres"));
        o.put("twin.database.postgres.user", "postgres");
        o.put("twin.simulation.enabled", false);
        o.put("twin.cluster.roles", List.of(role));
        o.put("twin.read-side.projection-role", "read-side"); // the same on every node
        o.put("pekko.remote.artery.canonical.port", arteryPort);
        o.put("pekko.cluster.seed-nodes", List.of(seed));
        o.put("pekko.cluster.jmx.multi-mbeans-in-same-jvm", "on");
        // two nodes starting at once on a busy 2-core CI machine: the read journal's 1 s default for its max-ordering
        // query made the asset directory's startup replay fail once; give it room
        o.put("jdbc-read-journal.journal-sequence-retrieval.ask-timeout", "10s");
        return o;
    }
}
