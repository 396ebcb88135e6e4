package org.ssbtwin.api.cluster;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssbtwin.api.SimulatedSource;
import org.ssbtwin.api.TestTwin;
import org.ssbtwin.api.TwinServer;
import org.ssbtwin.api.metrics.MetricsCatalogueTest;

/**
 * Issue 22 item 4, the simulation rides out a failover and loses nothing: two twin nodes of one cluster over one
 * embedded PostgreSQL, both hosting entities. The simulation (the small live line) runs on one of them, in this JVM,
 * so that its counters can be read; the other is a forked JVM ({@link ForkedTwinNodes}, without simulation) and is
 * killed with SIGKILL once it hosts stations, cells or packs the simulation writes to. The simulation's writes to
 * the killed node's shards go unanswered until the survivor has downed it and recovered those entities from the
 * journal; the simulation retries them (back-pressure holds the feed meanwhile) and goes on. Once stopped, the twin
 * is consistent: nothing refused, cell and pack ids contiguous from 1 (none skipped, none twice), every pack holds
 * its design's cells and every cell in a pack is listed by it, station counters never went back.
 */
class SimulationFailoverTest {
    private static final int CELLS_PER_PACK = 6; // plant/dunkirk-small.conf
    private static final String EOL = "DK1-EOL-01";
    /** Virtual time the simulation must run on after the failover (the small line makes a pack every ~1.5 h). */
    private static final Duration RUN_ON = Duration.ofHours(12);

    @TempDir
    Path dir;

    @Test
    void theSimulationRidesOutTheKillOfANodeHostingItsEntitiesAndLosesNothing() throws Exception {
        long t0 = System.nanoTime();
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
             ForkedTwinNodes nodes = new ForkedTwinNodes(dir, pg.getJdbcUrl("postgres", "postgres"), 2)) {
            // Split Brain Resolver, keep-majority on a tie keeps the lowest address: the survivor has the lower port
            int sv = nodes.artery[0] < nodes.artery[1] ? 0 : 1;
            int v = 1 - sv;
            nodes.start(v); // entities and API, no simulation
            try (TwinServer survivor = TestTwin.start(dir.resolve("survivor"), survivorSettings(nodes, sv))) {
                try {
                    run(nodes, v, survivor, t0);
                } catch (Throwable t) {
                    nodes.printLogs();
                    throw t;
                }
            }
        }
    }

    private void run(ForkedTwinNodes nodes, int v, TwinServer survivor, long t0) throws Exception {
        SimulatedSource simulation = survivor.simulation();
        int port = survivor.port();
        nodes.awaitReady(v, Duration.ofSeconds(90));
        TestTwin.await("survivor ready", Duration.ofSeconds(90), survivor::ready);
        TestTwin.await("the simulation runs", Duration.ofSeconds(60), () -> simulation.recorded() > 0);
        TestTwin.await("the node to be killed hosts stations, cells and packs the simulation writes to", Duration.ofSeconds(60),
                () -> hostedEntities(nodes.management[v], "Station") > 0 && hostedEntities(nodes.management[v], "Cell") > 0
                        && hostedEntities(nodes.management[v], "Pack") > 0);
        Map<String, JsonNode> stationsBefore = stations(port);
        long recordedBeforeKill = simulation.recorded();
        System.out.printf(Locale.ROOT, "before the kill: %d facts recorded, the node to be killed hosts %d stations, %d cells, %d packs%n",
                recordedBeforeKill, hostedEntities(nodes.management[v], "Station"), hostedEntities(nodes.management[v], "Cell"),
                hostedEntities(nodes.management[v], "Pack"));

        nodes.kill(v); // SIGKILL while the simulation writes
        assertFalse(nodes.process(v).isAlive(), "the killed node is dead");
        TestTwin.await("the survivor downed the killed node", Duration.ofSeconds(60),
                () -> nodes.membersUp(1 - v).equals(Set.of(nodes.address(1 - v))));
        Instant tookOverAt = simulation.simulatedUntil();
        long recordedAtTakeOver = simulation.recorded();
        TestTwin.await("the simulation went on " + RUN_ON.toHours() + " virtual hours after the failover", Duration.ofSeconds(60),
                () -> simulation.simulatedUntil().isAfter(tookOverAt.plus(RUN_ON)));
        simulation.stop().toCompletableFuture().get(60, TimeUnit.SECONDS); // the step under way when stopped recorded

        // nothing refused, nothing dropped; the failover was felt (writes retried) and ridden out
        System.out.printf(Locale.ROOT, "simulation: %d facts recorded (%d before the kill, %d at the take-over), %d writes retried, "
                        + "%d refused; virtual time %s -> %s%n", simulation.recorded(), recordedBeforeKill, recordedAtTakeOver,
                simulation.retried(), simulation.rejected(), tookOverAt, simulation.simulatedUntil());
        assertEquals(0, simulation.rejected(), "no simulated fact refused or dropped");
        assertTrue(simulation.retried() > 0, "writes to the killed node's entities were retried until the survivor had them");
        assertTrue(simulation.recorded() > recordedAtTakeOver, "the simulation recorded facts after the failover");
        String metrics = MetricsCatalogueTest.get(port, "/metrics"); // the same counters for Prometheus
        assertEquals(0, MetricsCatalogueTest.value(metrics, "twin_simulation_facts_total", Map.of("outcome", "rejected")), 0.0);
        assertEquals(simulation.retried(), MetricsCatalogueTest.value(metrics, "twin_simulation_facts_total", Map.of("outcome", "retried")), 0.0);

        // station counters never went back over the failover
        Map<String, JsonNode> stationsAfter = stations(port);
        assertEquals(stationsBefore.keySet(), stationsAfter.keySet());
        for (var e : stationsBefore.entrySet()) {
            JsonNode before = e.getValue();
            JsonNode after = stationsAfter.get(e.getKey());
            for (String counter : List.of("unitsIn", "unitsOut", "revision")) {
                assertTrue(after.get(counter).asLong() >= before.get(counter).asLong(),
                        e.getKey() + " " + counter + " " + before.get(counter) + " -> " + after.get(counter));
            }
        }

        // every cell that passed the end-of-line test (the EOL station's count, recorded as station facts) is a cell
        // of the twin, once: a lost cell fact or a lost or doubled station fact would break the equality
        long passedEol = stationsAfter.get(EOL).get("unitsOut").asLong();
        assertTrue(passedEol > 2 * CELLS_PER_PACK, "cells passed the end-of-line test: " + passedEol);
        TestTwin.await("the read side lists the " + passedEol + " cells that passed the end-of-line test", Duration.ofSeconds(60),
                () -> TestTwin.get(port, "/api/v1/cells?size=1").json().get("total").asLong() == passedEol);
        List<String> cellIds = ids(port, "/api/v1/cells");
        assertEquals(passedEol, cellIds.size(), "cells listed");
        assertEquals(cellIds.size(), new TreeSet<>(cellIds).size(), "no cell id twice");
        Map<String, String> packOfCell = new HashMap<>();
        for (String id : cellIds) {
            TestTwin.Answer a = TestTwin.get(port, "/api/v1/cells/" + id);
            assertEquals(200, a.status(), "cell " + id + ": " + a.body());
            JsonNode pack = a.json().get("packId");
            if (pack != null && !pack.isNull()) packOfCell.put(id, pack.asText());
        }

        // every pack holds its design's cells, each of them pointing back at it; every cell in a pack is listed by it
        long packsOfCells = new TreeSet<>(packOfCell.values()).size();
        TestTwin.await("the read side lists the " + packsOfCells + " packs the cells are in", Duration.ofSeconds(60),
                () -> TestTwin.get(port, "/api/v1/packs?size=1").json().get("total").asLong() == packsOfCells);
        List<String> packIds = ids(port, "/api/v1/packs");
        assertFalse(packIds.isEmpty(), "packs assembled");
        assertEquals(packIds.size(), new TreeSet<>(packIds).size(), "no pack id twice");
        Map<String, String> listedIn = new HashMap<>();
        for (String id : packIds) {
            TestTwin.Answer a = TestTwin.get(port, "/api/v1/packs/" + id);
            assertEquals(200, a.status(), "pack " + id + ": " + a.body());
            List<String> listed = new ArrayList<>();
            a.json().get("cells").forEach(c -> listed.add(c.asText()));
            assertEquals(CELLS_PER_PACK, listed.size(), id + " holds its design's cells: " + listed);
            for (String c : listed) {
                assertNull(listedIn.put(c, id), c + " is listed by one pack only");
                assertEquals(id, packOfCell.get(c), "cell " + c + " listed by " + id + " belongs to it");
            }
        }
        assertEquals(listedIn, packOfCell, "every cell in a pack is listed by that pack");
        System.out.printf(Locale.ROOT, "after the failover: %d cells (= passed EOL), %d packs of %d cells, %d stations; %.1f s%n",
                cellIds.size(), packIds.size(), CELLS_PER_PACK, stationsAfter.size(), (System.nanoTime() - t0) / 1e9);
    }

    /** Every id of a read-side list (pages of 1000). */
    private static List<String> ids(int port, String list) {
        List<String> out = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode items = TestTwin.get(port, list + "?size=1000&page=" + page).json().get("items");
            items.forEach(i -> out.add(i.get("id").asText()));
            if (items.size() < 1000) return out;
        }
    }

    /** The survivor: entities and API, the small live line simulated, in this JVM on its own fixed ports. */
    private static Map<String, Object> survivorSettings(ForkedTwinNodes nodes, int sv) {
        List<String> seeds = new ArrayList<>();
        for (int p : nodes.artery) seeds.add("pekko://ssb-twin@127.0.0.1:" + p);
        Map<String, Object> o = new HashMap<>(TestTwin.smallLiveLine(Map.of("twin.clock.speed-up", 3_600, "twin.simulation.tick-millis", 200)));
        o.putAll(Map.of("twin.database.kind", "postgres", "twin.database.postgres.url", nodes.pgUrl, "twin.database.postgres.user", "postgres",
                "twin.cluster.roles", "api,entities", "twin.cluster.management", "on",
                "pekko.management.http.hostname", "127.0.0.1", "pekko.management.http.port", nodes.management[sv],
                "pekko.remote.artery.canonical.port", nodes.artery[sv], "pekko.cluster.seed-nodes", seeds,
                "twin.http.port", nodes.http[sv]));
        return o;
    }

    /** Entities of this type the node with this management port hosts (Pekko Management /cluster/shards). */
    private static int hostedEntities(int managementPort, String type) {
        int n = 0;
        for (JsonNode r : TestTwin.get(managementPort, "/cluster/shards/" + type).json().get("regions")) n += r.get("numEntities").asInt();
        return n;
    }

    /** Every station of the line as its entity answers. */
    private static Map<String, JsonNode> stations(int port) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode s : TestTwin.get(port, "/api/v1/stations?size=100").json().get("items")) {
            String id = s.get("id").asText();
            TestTwin.Answer a = TestTwin.get(port, "/api/v1/stations/" + id);
            assertEquals(200, a.status(), id + ": " + a.body());
            out.put(id, a.json());
        }
        return out;
    }
}
