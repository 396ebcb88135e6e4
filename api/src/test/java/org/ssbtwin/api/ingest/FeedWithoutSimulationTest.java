package org.ssbtwin.api.ingest;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssbtwin.api.TestTwin;
import org.ssbtwin.api.TwinServer;
import org.ssbtwin.api.http.Json;
import org.ssbtwin.config.fleet.FleetSpecLoader;
import org.ssbtwin.config.plant.PlantLayoutLoader;
import org.ssbtwin.feed.AssetBatch;
import org.ssbtwin.feed.mes.MesDocuments;
import org.ssbtwin.feed.mes.MesRecord;
import org.ssbtwin.feed.simulation.IdShift;
import org.ssbtwin.feed.simulation.SimulatedLifecycleFeed;

/**
 * Issue 22 item 6: the twin fed without its simulation. Twin A records two weeks of the simulated small line and fleet
 * the way the simulation does (each fact through its entity); twin B, started without simulation, gets the same facts
 * only as documents over HTTP (MES batches, then NDJSON telemetry; the last MES batch and the telemetry sent twice, as a
 * client that lost an answer would). Every station's
 * counters, every cell's genealogy and every pack (cells, kWh, vehicle, health after telemetry) are the same.
 */
class FeedWithoutSimulationTest {
    static final Instant START = Instant.parse("2028-01-03T06:00:00Z");
    static final int DAYS = 14;
    static final int RECORDS_PER_POST = 4_000;

    @TempDir
    Path dirA;
    @TempDir
    Path dirB;

    @Test
    void theSameFactsThroughTheApiOnlyGiveTheSameTwin() throws Exception {
        Map<String, Object> noSimulation = Map.of("twin.simulation.enabled", false);
        try (TwinServer a = TestTwin.start(dirA, noSimulation); TwinServer b = TestTwin.start(dirB, noSimulation)) {
            TestTwin.await("both ready", Duration.ofSeconds(60), () ->
                    TestTwin.get(a.port(), "/api/v1/ready").status() == 200 && TestTwin.get(b.port(), "/api/v1/ready").status() == 200);
            var feed = new SimulatedLifecycleFeed(PlantLayoutLoader.loadResource(PlantLayoutLoader.DUNKIRK_SMALL),
                    FleetSpecLoader.loadResource(FleetSpecLoader.VINFAST_VN).mix(), 42, START, IdShift.NONE,
                    Set.of(), List.of(), Map.of(), 20);
            var recorderA = new AssetRecorder(a.system(), ClusterSharding.get(a.system()), Duration.ofSeconds(10), a.clock()::now);
            List<MesRecord> records = new ArrayList<>();
            List<String> telemetry = new ArrayList<>();
            Set<String> stations = new LinkedHashSet<>();
            Set<String> cells = new LinkedHashSet<>();
            Set<String> packs = new LinkedHashSet<>();
            for (int hour = 1; hour <= 24 * DAYS; hour++) {
                List<AssetBatch> batches = feed.advanceTo(START.plus(Duration.ofHours(hour)));
                for (AssetBatch batch : batches) {
                    // as the simulation records: one batch after the other, each acknowledged
                    var outcome = recorderA.record(batch).toCompletableFuture().get(20, TimeUnit.SECONDS);
                    assertNull(outcome.rejection(), () -> batch.entityId() + ": " + outcome.rejection());
                    if (batch instanceof AssetBatch.ForStation) stations.add(batch.entityId());
                    else if (batch instanceof AssetBatch.ForCell) cells.add(batch.entityId());
                    else packs.add(batch.entityId());
                }
                MesDocuments.Documents docs = MesDocuments.render(batches);
                records.addAll(docs.records());
                telemetry.addAll(docs.telemetry());
            }
            assertTrue(!packs.isEmpty() && !telemetry.isEmpty(), "two weeks make packs that drive");

            List<MesRecord> last = List.of();
            long t0 = System.nanoTime();
            for (int from = 0; from < records.size(); from += RECORDS_PER_POST) {
                last = records.subList(from, Math.min(records.size(), from + RECORDS_PER_POST));
                var answer = post(b.port(), "/api/v1/plant/mes-records", "application/json", Json.MAPPER.writeValueAsString(Map.of("records", last)));
                assertEquals(200, answer.status(), answer.body());
                assertEquals(0, answer.json().get("duplicates").asInt(), answer.body());
            }
            long mesMillis = (System.nanoTime() - t0) / 1_000_000;
            // a client that lost the answer to its last batch sends it again: recognised record by record
            var again = post(b.port(), "/api/v1/plant/mes-records", "application/json", Json.MAPPER.writeValueAsString(Map.of("records", last)));
            assertEquals(200, again.status(), again.body());
            assertEquals(last.size(), again.json().get("duplicates").asInt(), again.body());
            TestTwin.await("B's read side knows the packs in service", Duration.ofSeconds(60), () ->
                    TestTwin.get(b.port(), "/api/v1/packs?state=in_service").json().get("total").asInt()
                            == TestTwin.get(a.port(), "/api/v1/packs?state=in_service").json().get("total").asInt());
            for (int round = 0; round < 2; round++) {
                var answer = post(b.port(), "/api/v1/telemetry", "application/x-ndjson", String.join("\n", telemetry));
                assertEquals(200, answer.status(), answer.body());
            }

            // both read sides catch up asynchronously: compare until they agree (bounded), then show any difference
            Map<String, JsonNode> simulated = snapshot(a.port(), stations, cells, packs);
            Map<String, JsonNode> fed = snapshot(b.port(), stations, cells, packs);
            for (long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos(); !simulated.equals(fed) && System.nanoTime() < deadline; ) {
                Thread.sleep(500);
                simulated = snapshot(a.port(), stations, cells, packs);
                fed = snapshot(b.port(), stations, cells, packs);
            }
            assertEquals(simulated, fed);
            Map<String, JsonNode> twin = fed;
            System.out.printf("fed without simulation: %d MES records in %d ms (%d per POST), %d telemetry lines; %d stations, %d cells, %d packs equal%n",
                    records.size(), mesMillis, RECORDS_PER_POST, telemetry.size(), stations.size(), cells.size(), packs.size());
            assertTrue(twin.values().stream().anyMatch(n -> n.has("stateOfHealth") && n.get("stateOfHealth").asDouble() < 1.0),
                    "packs aged from the telemetry");
            assertTrue(fed.get("station:DK1-LAM-01").get("unitsOut").asLong() > 0);

            // a pack from a cell already in a car: 409 naming that cell, nothing written
            String packedCell = fed.get("pack:" + packs.iterator().next()).get("cells").get(0).asText();
            var conflict = post(b.port(), "/api/v1/plant/mes-records", "application/json", """
                    {"records": [{"recordId": "x-1", "type": "pack-assembled", "pack": "P-DK1-999999", "at": "2028-02-01T00:00:00Z",
                                  "vehicleModel": "VF8", "cells": ["%s"]}]}""".formatted(packedCell));
            assertEquals(409, conflict.status(), conflict.body());
            assertEquals(packedCell, conflict.json().get("errors").get(0).get("asset").asText(), conflict.body());
            assertEquals(404, TestTwin.get(b.port(), "/api/v1/packs/P-DK1-999999").status());
            // a second pack for a vehicle that has one: 409 naming the vehicle
            JsonNode installed = fed.get("pack:" + packs.iterator().next());
            String spare = cells.stream().filter(c -> twin.get("cell:" + c).get("status").asText().equals("GRADED")).findFirst().orElseThrow();
            var secondPack = post(b.port(), "/api/v1/plant/mes-records", "application/json", """
                    {"records": [{"recordId": "x-4", "type": "pack-assembled", "pack": "P-DK1-999997", "at": "2028-02-01T00:00:00Z",
                                  "vehicleModel": "VF8", "cells": ["%s"]},
                                 {"recordId": "x-5", "type": "pack-installed", "pack": "P-DK1-999997", "at": "2028-02-01T00:00:00Z",
                                  "vehicle": "%s", "climate": "HANOI", "archetype": "COMMUTER"}]}""".formatted(spare, installed.get("vehicleId").asText()));
            assertEquals(409, secondPack.status(), secondPack.body());
            assertEquals(installed.get("vehicleId").asText(), secondPack.json().get("errors").get(0).get("asset").asText(), secondPack.body());
            // a lamination without its dew point, an unknown vehicle model: 400 naming each field
            var bad = post(b.port(), "/api/v1/plant/mes-records", "application/json", """
                    {"records": [{"recordId": "x-2", "type": "cell-laminated", "cell": "C-DK1-09999999", "at": "2028-02-01T00:00:00Z",
                                  "inlays": [{"inlay": "I-DK1-09999999", "rolls": ["R-CAT-000001"], "laminationUnit": "DK1-LAM-01",
                                              "laminatedAt": "2028-02-01T00:00:00Z", "laminationTemperatureC": 120, "capacityAh": 26, "resistanceMilliOhm": 4}]},
                                 {"recordId": "x-3", "type": "pack-assembled", "pack": "P-DK1-999998", "at": "2028-02-01T00:00:00Z",
                                  "vehicleModel": "VF99", "cells": ["C-DK1-09999999"]}]}""");
            assertEquals(400, bad.status(), bad.body());
            List<String> fields = new ArrayList<>();
            bad.json().get("errors").forEach(e -> fields.add(e.get("recordId").asText() + ":" + e.get("field").asText()));
            assertEquals(List.of("x-2:inlays[0].dewPointC", "x-3:vehicleModel", "x-3:cells[0]"), fields, bad.body());
        }
    }

    static TestTwin.Answer post(int port, String path, String type, String body) {
        return TestTwin.send(port, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** What the API says about every asset (only the fields that do not depend on the twin's clock). */
    static Map<String, JsonNode> snapshot(int port, Set<String> stations, Set<String> cells, Set<String> packs) {
        Map<String, JsonNode> out = new TreeMap<>();
        for (String s : stations) {
            out.put("station:" + s, pick(TestTwin.get(port, "/api/v1/stations/" + s).json(),
                    "kind", "units", "state", "stateReason", "unitsIn", "unitsOut", "scrapByCause", "readings", "setpoints"));
        }
        for (String c : cells) out.put("cell:" + c, TestTwin.get(port, "/api/v1/cells/" + c + "/genealogy").json());
        for (String p : packs) {
            out.put("pack:" + p, pick(TestTwin.get(port, "/api/v1/packs/" + p).json(), "status", "vehicleModel", "cells",
                    "nominalCapacityKwh", "vehicleId", "climate", "archetype", "stateOfHealth", "relativeResistance", "km",
                    "equivalentFullCycles"));
        }
        return out;
    }

    static JsonNode pick(JsonNode n, String... fields) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        if (n == null) return o;
        for (String f : fields) o.set(f, n.get(f));
        return o;
    }
}
