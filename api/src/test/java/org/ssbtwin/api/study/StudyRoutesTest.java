package org.ssbtwin.api.study;

import org.ssbtwin.api.TestTwin;
import org.ssbtwin.api.TwinServer;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
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

/** Fleet study jobs over real HTTP against a real node (max-concurrent 1, so the 429 path is reachable). */
class StudyRoutesTest {
    @TempDir
    static Path dir;
    static TwinServer twin;
    static int port;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final Duration MAX_WAIT = Duration.ofSeconds(40);

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
        twin = TestTwin.start(dir, Map.of("twin.simulation.enabled", false, "twin.studies.max-concurrent", 1,
                "twin.studies.threads", 2));
        port = twin.port();
        twin.readiness().get();
    }

    @AfterAll
    static void stop() {
        if (twin != null) twin.close();
    }

    /** A failed test must not leave a job holding the only slot. */
    @AfterEach
    void cancelLeftovers() {
        for (JsonNode job : call("GET", "/api/v1/studies", null).json().get("items")) {
            String s = job.get("status").asText();
            if (s.equals("QUEUED") || s.equals("RUNNING")) {
                call("DELETE", "/api/v1/studies/" + job.get("id").asText(), null);
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
        Reply r = call("POST", "/api/v1/studies", body);
        assertEquals(202, r.status(), r.text());
        String id = r.json().get("id").asText();
        assertEquals("/api/v1/studies/" + id, r.header("Location"));
        assertTrue(Set.of("QUEUED", "RUNNING").contains(r.json().get("status").asText()), r.text());
        return id;
    }

    static JsonNode awaitStatus(String id, String status) {
        JsonNode[] last = new JsonNode[1];
        TestTwin.await("study " + id + " to be " + status, MAX_WAIT, () -> {
            last[0] = call("GET", "/api/v1/studies/" + id, null).json();
            String s = last[0].get("status").asText();
            if (!s.equals(status) && !Set.of("QUEUED", "RUNNING").contains(s)) {
                fail("study " + id + " ended " + s + " instead of " + status + ": " + last[0]);
            }
            return s.equals(status);
        });
        return last[0];
    }

    @Test
    void aStudyRunsToDoneAndServesItsResultCsvAndPng() {
        String id = submitted("{\"fleet\": \"vinfast-vn\", \"packs\": 300, \"years\": 3, \"seed\": 11}");
        JsonNode job = awaitStatus(id, "DONE");
        assertEquals(1.0, job.get("progress").asDouble());
        assertEquals("vinfast-vn", job.get("fleet").asText());
        assertEquals(300, job.get("packs").asInt());
        assertEquals(3, job.get("years").asInt());
        assertEquals(11, job.get("seed").asLong());
        assertTrue(job.hasNonNull("startedAt") && job.hasNonNull("finishedAt"), job.toString());
        JsonNode result = job.get("result");
        assertEquals(300, result.get("packs").asInt());
        assertEquals(300L * 3 * 365, result.get("packDays").asLong());
        JsonNode fleetYear3 = null;
        for (JsonNode row : result.get("rows")) {
            if (row.get("dimension").asText().equals("ALL") && row.get("year").asInt() == 3) fleetYear3 = row;
        }
        assertNotNull(fleetYear3, result.toString());
        double p5 = fleetYear3.get("sohP5").asDouble();
        double p50 = fleetYear3.get("sohP50").asDouble();
        double p95 = fleetYear3.get("sohP95").asDouble();
        assertTrue(p5 <= p50 && p50 <= p95 && p50 > 0.8 && p95 <= 1.05, fleetYear3.toString());
        assertEquals("/api/v1/studies/" + id + "/result.csv", job.get("links").get("csv").asText());

        Reply csv = call("GET", "/api/v1/studies/" + id + "/result.csv", null);
        assertEquals(200, csv.status());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        List<String> lines = csv.text().lines().toList();
        assertTrue(lines.get(0).startsWith("dimension,cohort,year,packs,alive,soh_p5,soh_p50,soh_p95"), lines.get(0));
        assertEquals(result.get("rows").size(), lines.size() - 1);

        Reply png = call("GET", "/api/v1/studies/" + id + "/soh.png", null);
        assertEquals(200, png.status());
        assertEquals("image/png", png.contentType());
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, Arrays.copyOf(png.body(), 8));

        JsonNode list = call("GET", "/api/v1/studies", null).json();
        JsonNode listed = null;
        for (JsonNode j : list.get("items")) if (j.get("id").asText().equals(id)) listed = j;
        assertNotNull(listed, list.toString());
        assertEquals("DONE", listed.get("status").asText());
        assertFalse(listed.has("result"), "the list stays small: no results in it");
    }

    @Test
    void theSameInlineSpecAndSeedGiveTheSameResultAndAnotherSeedDoesNot() throws IOException {
        String hocon;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("fleet/europe.conf")) {
            hocon = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String body = Json.MAPPER.writeValueAsString(Map.of("fleetSpec", hocon, "packs", 250, "years", 2, "seed", 5));
        JsonNode a = awaitStatus(submitted(body), "DONE");
        JsonNode b = awaitStatus(submitted(body), "DONE");
        assertEquals("inline", a.get("fleet").asText());
        assertEquals(250, a.get("packs").asInt(), "the request's packs override the spec's 50000");
        assertEquals(250, a.get("result").get("packs").asInt());
        assertEquals(a.get("result"), b.get("result"));
        assertTrue(a.get("result").get("rows").toString().contains("\"OSLO\""), "the inline europe spec was used");
        String other = Json.MAPPER.writeValueAsString(Map.of("fleetSpec", hocon, "packs", 250, "years", 2, "seed", 6));
        JsonNode c = awaitStatus(submitted(other), "DONE");
        assertNotEquals(a.get("result").get("rows"), c.get("result").get("rows"));
    }

    @Test
    void badFieldsAreListedOneByOne() {
        Reply r = call("POST", "/api/v1/studies", "{\"fleet\": \"mars\", \"packs\": 0, \"years\": 21, \"colour\": \"red\"}");
        assertEquals(400, r.status());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertEquals(Set.of("fleet", "packs", "years", "seed", "colour"), fields(r.json()));
        assertTrue(r.text().contains("packs must be within [1, 200000], was 0"), r.text());
        assertTrue(r.text().contains("years must be within [1, 20], was 21"), r.text());

        Reply tooBig = call("POST", "/api/v1/studies", "{\"fleet\": \"europe\", \"packs\": 200001, \"years\": 2, \"seed\": 1}");
        assertEquals(Set.of("packs"), fields(tooBig.json()));

        Reply both = call("POST", "/api/v1/studies", "{\"fleet\": \"europe\", \"fleetSpec\": \"fleet {}\", \"seed\": 1.5}");
        assertEquals(Set.of("fleet", "seed"), fields(both.json()));

        String badSpec = "fleet { packs = 10, years = 2, start-date = \\\"2030-01-01\\\", mix { vehicle-models { VF8 = 1.0 },"
                + " climates { HANOI = 1.4 }, archetypes { COMMUTER = 1.0 }, charging-habits { SOLAR = 1 } } }";
        Reply spec = call("POST", "/api/v1/studies", "{\"fleetSpec\": \"" + badSpec + "\", \"seed\": 1}");
        assertEquals(400, spec.status(), spec.text());
        assertEquals(Set.of("fleetSpec"), fields(spec.json()));
        assertTrue(spec.text().contains("mix.climates.HANOI must be within [0, 1], was 1.4"), spec.text());
        assertTrue(spec.text().contains("mix.charging-habits.SOLAR is not a known ChargingHabit"), spec.text());
        assertEquals(2, spec.json().get("errors").size(), "one error per problem");

        Reply include = call("POST", "/api/v1/studies", "{\"fleetSpec\": \"include file(\\\"/etc/hostname\\\")\", \"seed\": 1}");
        assertEquals(400, include.status());
        assertTrue(include.text().contains("include is not allowed"), include.text());

        Reply env = call("POST", "/api/v1/studies", "{\"fleetSpec\": \"fleet { name = ${HOME} }\", \"seed\": 1}");
        assertEquals(400, env.status());
        assertFalse(env.text().contains(System.getProperty("user.home")), "substitutions do not see the environment");

        Reply notJson = call("POST", "/api/v1/studies", "{fleet:");
        assertEquals(Set.of("body"), fields(notJson.json()));
        assertEquals(0, call("GET", "/api/v1/studies", null).json().get("total").asInt() - countOf("DONE") - countOf("CANCELLED"),
                "no bad request became a job");
    }

    @Test
    void overTheConcurrencyLimitIs429AndDeleteCancels() {
        String long_ = submitted("{\"fleet\": \"vinfast-vn\", \"packs\": 200000, \"years\": 20, \"seed\": 1}");
        Reply refused = call("POST", "/api/v1/studies", "{\"fleet\": \"europe\", \"packs\": 10, \"years\": 1, \"seed\": 1}");
        assertEquals(429, refused.status(), refused.text());
        assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
        assertEquals("/problems/too-many-studies", refused.json().get("type").asText());
        assertTrue(Long.parseLong(refused.header("Retry-After")) >= 1, refused.header("Retry-After"));

        Reply cancel = call("DELETE", "/api/v1/studies/" + long_, null);
        assertEquals(202, cancel.status(), cancel.text());
        JsonNode cancelled = awaitStatus(long_, "CANCELLED");
        assertTrue(cancelled.get("progress").asDouble() < 1.0, cancelled.toString());
        assertFalse(cancelled.has("result"));
        assertEquals(409, call("GET", "/api/v1/studies/" + long_ + "/result.csv", null).status());
        assertEquals(409, call("DELETE", "/api/v1/studies/" + long_, null).status(), "a finished job cannot be cancelled");

        String next = submitted("{\"fleet\": \"europe\", \"packs\": 10, \"years\": 1, \"seed\": 1}");
        awaitStatus(next, "DONE");
    }

    @Test
    void unknownStudiesAre404() {
        for (String path : List.of("/api/v1/studies/no-such-study", "/api/v1/studies/no-such-study/result.csv",
                "/api/v1/studies/no-such-study/soh.png")) {
            Reply r = call("GET", path, null);
            assertEquals(404, r.status(), path);
            assertEquals("/problems/not-found", r.json().get("type").asText());
        }
        assertEquals(404, call("DELETE", "/api/v1/studies/no-such-study", null).status());
    }

    private static Set<String> fields(JsonNode problem) {
        Set<String> out = new HashSet<>();
        problem.get("errors").forEach(e -> out.add(e.get("field").asText()));
        return out;
    }

    private static int countOf(String status) {
        int n = 0;
        for (JsonNode j : call("GET", "/api/v1/studies", null).json().get("items")) if (j.get("status").asText().equals(status)) n++;
        return n;
    }
}
