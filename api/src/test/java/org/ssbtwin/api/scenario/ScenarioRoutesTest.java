package org.ssbtwin.api.scenario;

import org.ssbtwin.api.TestTwin;
import org.ssbtwin.api.TwinServer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssbtwin.api.http.Json;

/** The what-if REST API against a real twin (real HTTP, real Pekko, H2). */
class ScenarioRoutesTest {
    @TempDir
    static Path dir;
    static TwinServer twin;
    static int port;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final Duration MAX_WAIT = Duration.ofSeconds(60);

    record Reply(int status, String contentType, Map<String, List<String>> headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + text(), e);
            }
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    @BeforeAll
    static void start() throws Exception {
        twin = TestTwin.start(dir, Map.of("twin.simulation.enabled", false, "twin.scenarios.max-concurrent", 1,
                "twin.scenarios.threads", 2, "twin.scenarios.plant-layout", "plant/dunkirk-small.conf",
                "twin.scenarios.plant-warmup-days", 1, "twin.scenarios.plant-days", 2,
                "twin.scenarios.max-population", 5000, "twin.scenarios.max-horizon-years", 12));
        port = twin.port();
        twin.readiness().get();
    }

    @AfterAll
    static void stop() {
        if (twin != null) twin.close();
    }

    @AfterEach
    void cancelLeftovers() {
        for (JsonNode job : call("GET", "/api/v1/scenarios", null).json().get("items")) {
            String s = job.get("status").asText();
            if (s.equals("QUEUED") || s.equals("RUNNING")) {
                call("DELETE", "/api/v1/scenarios/" + job.get("id").asText(), null);
                awaitStatus(job.get("id").asText(), "CANCELLED");
            }
        }
    }

    static Reply call(String method, String path, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(20));
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException("HTTP call failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String submitted(String body) {
        Reply r = call("POST", "/api/v1/scenarios", body);
        assertEquals(202, r.status(), r.text());
        String id = r.json().get("id").asText();
        assertEquals("/api/v1/scenarios/" + id, r.header("Location"));
        assertTrue(Set.of("QUEUED", "RUNNING").contains(r.json().get("status").asText()), r.text());
        return id;
    }

    static JsonNode awaitStatus(String id, String status) {
        JsonNode[] last = new JsonNode[1];
        TestTwin.await("scenario " + id + " to be " + status, MAX_WAIT, () -> {
            last[0] = call("GET", "/api/v1/scenarios/" + id, null).json();
            String s = last[0].get("status").asText();
            if (!s.equals(status) && !Set.of("QUEUED", "RUNNING").contains(s)) {
                fail("scenario " + id + " ended " + s + " instead of " + status + ": " + last[0]);
            }
            return s.equals(status);
        });
        return last[0];
    }

    static Set<String> fields(JsonNode problem) {
        Set<String> f = new HashSet<>();
        problem.get("errors").forEach(e -> f.add(e.get("field").asText()));
        return f;
    }

    @Test
    void bundledScenariosAreListed() {
        Reply r = call("GET", "/api/v1/scenarios/bundled", null);
        assertEquals(200, r.status(), r.text());
        Set<String> names = new HashSet<>();
        r.json().forEach(s -> {
            names.add(s.get("name").asText());
            assertTrue(s.get("description").asText().length() > 10, s.toString());
        });
        assertEquals(Set.of("hot-climate-fast-charging", "dry-room-excursion", "lamination-window-shift"), names);
    }

    @Test
    void aBundledScenarioRunsToDoneWithProgressResultCsvAndChart() {
        String id = submitted("{\"bundled\": \"lamination-window-shift\", \"seed\": 5, \"horizonYears\": 8,"
                + " \"population\": {\"sampleSize\": 60}}");
        JsonNode job = awaitStatus(id, "DONE");
        assertEquals(1.0, job.get("progress").asDouble());
        assertEquals(5, job.get("scenario").get("seed").asLong());
        assertEquals(60, job.get("scenario").get("population").get("sampleSize").asInt());
        JsonNode result = job.get("result");
        assertNotNull(result, job.toString());
        JsonNode plant = result.get("plant");
        for (String arm : List.of("baseline", "scenario")) {
            assertTrue(plant.get(arm).get("gwhPerYear").asDouble() > 0, plant.toString());
            assertTrue(plant.get(arm).get("firstPassYield").asDouble() > 0.5, plant.toString());
            assertTrue(plant.get(arm).get("scrapByCause").isObject(), plant.toString());
            assertTrue(plant.get(arm).get("bottleneck").isTextual(), plant.toString());
        }
        assertTrue(plant.get("delta").has("firstPassYield"), plant.toString());
        JsonNode years = result.get("fleet").get("years");
        assertEquals(8, years.size());
        JsonNode y8 = years.get(7);
        assertEquals(8, y8.get("year").asInt());
        for (String k : List.of("p5", "p50", "p95", "below80", "below70")) {
            assertTrue(y8.get("baseline").has(k) && y8.get("scenario").has(k), k + " in " + y8);
        }
        assertTrue(result.get("fleet").get("warrantyClaims").has("baseline"), result.toString());
        JsonNode effect = result.get("fieldEffect");
        assertTrue(effect.get("sohAtYear8").get("baseline").asDouble() > 0.5, effect.toString());
        assertTrue(effect.get("sohAtYear8").has("scenario"), effect.toString());

        Reply csv = call("GET", "/api/v1/scenarios/" + id + "/result.csv", null);
        assertEquals(200, csv.status());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        assertTrue(csv.text().startsWith("section,metric,year,baseline,scenario,delta\n"), csv.text());
        assertTrue(csv.text().contains("fleet,soh_p50,8,"), csv.text());
        Reply png = call("GET", "/api/v1/scenarios/" + id + "/chart.png", null);
        assertEquals(200, png.status());
        assertEquals("image/png", png.contentType());
        assertEquals((byte) 0x89, png.body()[0]);
        assertEquals('P', png.body()[1]);

        // the same scenario and seed give the same result over the API too
        String again = submitted("{\"bundled\": \"lamination-window-shift\", \"seed\": 5, \"horizonYears\": 8,"
                + " \"population\": {\"sampleSize\": 60}}");
        assertEquals(result, awaitStatus(again, "DONE").get("result"));
    }

    @Test
    void aFullScenarioWithoutChangesGivesZeroDifference() {
        String id = submitted("{\"name\": \"same\", \"base\": \"bundled:europe\", \"horizonYears\": 2, \"seed\": 3,"
                + " \"population\": {\"sampleSize\": 40, \"climate\": \"OSLO\"}}");
        JsonNode r = awaitStatus(id, "DONE").get("result");
        assertEquals(0.0, r.get("plant").get("delta").get("gwhPerYear").asDouble());
        for (JsonNode y : r.get("fleet").get("years")) {
            assertEquals(y.get("baseline"), y.get("scenario"), y.toString());
        }
    }

    @Test
    void badFieldsAndLimitsAreNamed() {
        Reply r = call("POST", "/api/v1/scenarios", "{\"name\": \"x\", \"seed\": 1, \"horizonYears\": 40,"
                + " \"population\": {\"sampleSize\": 999999}, \"plant\": {\"laminationTemperatureC\": \"hot\"},"
                + " \"fleet\": {\"taxiShare\": 2}, \"colour\": 1}");
        assertEquals(400, r.status(), r.text());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertEquals(Set.of("plant.laminationTemperatureC", "colour"), fields(r.json()), r.text());

        r = call("POST", "/api/v1/scenarios", "{\"name\": \"x\", \"seed\": 1, \"horizonYears\": 40,"
                + " \"population\": {\"sampleSize\": 999999}, \"fleet\": {\"taxiShare\": 2}}");
        assertEquals(400, r.status(), r.text());
        assertEquals(Set.of("horizonYears", "population.sampleSize", "fleet.taxiShare"), fields(r.json()), r.text());
        assertTrue(r.text().contains("max-population") && r.text().contains("5000"), r.text());
        assertTrue(r.text().contains("max-horizon-years"), r.text());

        r = call("POST", "/api/v1/scenarios", "{\"bundled\": \"no-such\"}");
        assertEquals(400, r.status());
        assertEquals(Set.of("bundled"), fields(r.json()));
        r = call("POST", "/api/v1/scenarios", "{\"base\": \"bundled:mars\", \"seed\": 1}");
        assertEquals(Set.of("base"), fields(r.json()), r.text());
        r = call("POST", "/api/v1/scenarios", "not json");
        assertEquals(400, r.status());
        assertEquals(404, call("GET", "/api/v1/scenarios/nope", null).status());
    }

    @Test
    void pastMaxConcurrentIs429WithRetryAfterAndDeleteCancels() {
        String id = submitted("{\"bundled\": \"hot-climate-fast-charging\", \"horizonYears\": 12,"
                + " \"population\": {\"sampleSize\": 5000}}");
        Reply busy = call("POST", "/api/v1/scenarios", "{\"bundled\": \"dry-room-excursion\"}");
        assertEquals(429, busy.status(), busy.text());
        assertTrue(Long.parseLong(busy.header("Retry-After")) >= 1, busy.headers().toString());
        assertTrue(busy.contentType().startsWith("application/problem+json"));

        Reply del = call("DELETE", "/api/v1/scenarios/" + id, null);
        assertEquals(202, del.status(), del.text());
        JsonNode job = awaitStatus(id, "CANCELLED");
        assertTrue(job.get("progress").asDouble() < 1.0, job.toString());
        assertEquals(409, call("DELETE", "/api/v1/scenarios/" + id, null).status());
        assertEquals(409, call("GET", "/api/v1/scenarios/" + id + "/result.csv", null).status());
    }
}
