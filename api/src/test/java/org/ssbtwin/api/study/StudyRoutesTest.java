package org.ssbtwin.api.study;

import static org.junit.jupiter.api.Assertions.*;
import static org.ssbtwin.api.jobs.JobApiClient.fields;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ssbtwin.api.http.Json;
import org.ssbtwin.api.jobs.JobApiClient.Reply;
import org.ssbtwin.api.jobs.JobResourceContract;

/** Fleet study jobs over real HTTP against a real node (max-concurrent 1, so the 429 path is reachable). */
class StudyRoutesTest extends JobResourceContract {
    StudyRoutesTest() {
        super("/api/v1/studies", "study", "studies", "soh.png");
    }

    @Override
    protected Map<String, Object> twinSettings() {
        return Map.of("twin.simulation.enabled", false, "twin.studies.max-concurrent", 1, "twin.studies.threads", 2);
    }

    @Override
    protected String longJob() {
        return "{\"fleet\": \"vinfast-vn\", \"packs\": 200000, \"years\": 20, \"seed\": 1}";
    }

    @Override
    protected String quickJob() {
        return "{\"fleet\": \"europe\", \"packs\": 10, \"years\": 1, \"seed\": 1}";
    }

    @Test
    void aStudyRunsToDoneAndServesItsResultCsvAndPng() {
        String id = jobs.submitted("{\"fleet\": \"vinfast-vn\", \"packs\": 300, \"years\": 3, \"seed\": 11}");
        JsonNode job = jobs.awaitStatus(id, "DONE");
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

        Reply csv = jobs.call("GET", "/api/v1/studies/" + id + "/result.csv", null);
        assertEquals(200, csv.status());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        List<String> lines = csv.text().lines().toList();
        assertTrue(lines.get(0).startsWith("dimension,cohort,year,packs,alive,soh_p5,soh_p50,soh_p95"), lines.get(0));
        assertEquals(result.get("rows").size(), lines.size() - 1);

        Reply png = jobs.call("GET", "/api/v1/studies/" + id + "/soh.png", null);
        assertEquals(200, png.status());
        assertEquals("image/png", png.contentType());
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, Arrays.copyOf(png.body(), 8));

        JsonNode list = jobs.call("GET", "/api/v1/studies", null).json();
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
        JsonNode a = jobs.awaitStatus(jobs.submitted(body), "DONE");
        JsonNode b = jobs.awaitStatus(jobs.submitted(body), "DONE");
        assertEquals("inline", a.get("fleet").asText());
        assertEquals(250, a.get("packs").asInt(), "the request's packs override the spec's 50000");
        assertEquals(250, a.get("result").get("packs").asInt());
        assertEquals(a.get("result"), b.get("result"));
        assertTrue(a.get("result").get("rows").toString().contains("\"OSLO\""), "the inline europe spec was used");
        String other = Json.MAPPER.writeValueAsString(Map.of("fleetSpec", hocon, "packs", 250, "years", 2, "seed", 6));
        JsonNode c = jobs.awaitStatus(jobs.submitted(other), "DONE");
        assertNotEquals(a.get("result").get("rows"), c.get("result").get("rows"));
    }

    @Test
    void badFieldsAreListedOneByOne() {
        Reply r = jobs.call("POST", "/api/v1/studies", "{\"fleet\": \"mars\", \"packs\": 0, \"years\": 21, \"colour\": \"red\"}");
        assertEquals(400, r.status());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertEquals(Set.of("fleet", "packs", "years", "seed", "colour"), fields(r.json()));
        assertTrue(r.text().contains("packs must be within [1, 200000], was 0"), r.text());
        assertTrue(r.text().contains("years must be within [1, 20], was 21"), r.text());

        Reply tooBig = jobs.call("POST", "/api/v1/studies", "{\"fleet\": \"europe\", \"packs\": 200001, \"years\": 2, \"seed\": 1}");
        assertEquals(Set.of("packs"), fields(tooBig.json()));

        Reply both = jobs.call("POST", "/api/v1/studies", "{\"fleet\": \"europe\", \"fleetSpec\": \"fleet {}\", \"seed\": 1.5}");
        assertEquals(Set.of("fleet", "seed"), fields(both.json()));

        String badSpec = "fleet { packs = 10, years = 2, start-date = \\\"2030-01-01\\\", mix { vehicle-models { VF8 = 1.0 },"
                + " climates { HANOI = 1.4 }, archetypes { COMMUTER = 1.0 }, charging-habits { SOLAR = 1 } } }";
        Reply spec = jobs.call("POST", "/api/v1/studies", "{\"fleetSpec\": \"" + badSpec + "\", \"seed\": 1}");
        assertEquals(400, spec.status(), spec.text());
        assertEquals(Set.of("fleetSpec"), fields(spec.json()));
        assertTrue(spec.text().contains("mix.climates.HANOI must be within [0, 1], was 1.4"), spec.text());
        assertTrue(spec.text().contains("mix.charging-habits.SOLAR is not a known ChargingHabit"), spec.text());
        assertEquals(2, spec.json().get("errors").size(), "one error per problem");

        Reply include = jobs.call("POST", "/api/v1/studies", "{\"fleetSpec\": \"include file(\\\"/etc/hostname\\\")\", \"seed\": 1}");
        assertEquals(400, include.status());
        assertTrue(include.text().contains("include is not allowed"), include.text());

        Reply env = jobs.call("POST", "/api/v1/studies", "{\"fleetSpec\": \"fleet { name = ${HOME} }\", \"seed\": 1}");
        assertEquals(400, env.status());
        assertFalse(env.text().contains(System.getProperty("user.home")), "substitutions do not see the environment");

        Reply notJson = jobs.call("POST", "/api/v1/studies", "{fleet:");
        assertEquals(Set.of("body"), fields(notJson.json()));
        assertEquals(0, jobs.call("GET", "/api/v1/studies", null).json().get("total").asInt() - countOf("DONE") - countOf("CANCELLED"),
                "no bad request became a job");
    }

    private int countOf(String status) {
        int n = 0;
        for (JsonNode j : jobs.call("GET", "/api/v1/studies", null).json().get("items")) if (j.get("status").asText().equals(status)) n++;
        return n;
    }
}
