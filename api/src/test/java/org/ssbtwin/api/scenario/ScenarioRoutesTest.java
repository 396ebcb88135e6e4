package org.ssbtwin.api.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ssbtwin.api.jobs.JobApiClient.fields;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ssbtwin.api.jobs.JobApiClient.Reply;
import org.ssbtwin.api.jobs.JobResourceContract;

/** The what-if REST API against a real twin (real HTTP, real Pekko, H2). */
class ScenarioRoutesTest extends JobResourceContract {
    ScenarioRoutesTest() {
        super("/api/v1/scenarios", "scenario", "scenarios", "chart.png");
    }

    @Override
    protected Map<String, Object> twinSettings() {
        return Map.of("twin.simulation.enabled", false, "twin.scenarios.max-concurrent", 1,
                "twin.scenarios.threads", 2, "twin.scenarios.plant-layout", "plant/dunkirk-small.conf",
                "twin.scenarios.plant-warmup-days", 1, "twin.scenarios.plant-days", 2,
                "twin.scenarios.max-population", 5000, "twin.scenarios.max-horizon-years", 12);
    }

    @Override
    protected String longJob() {
        return "{\"bundled\": \"hot-climate-fast-charging\", \"horizonYears\": 12, \"population\": {\"sampleSize\": 5000}}";
    }

    @Override
    protected String quickJob() {
        return "{\"name\": \"quick\", \"base\": \"bundled:europe\", \"horizonYears\": 1, \"seed\": 2,"
                + " \"population\": {\"sampleSize\": 10}}";
    }

    @Test
    void bundledScenariosAreListed() {
        Reply r = jobs.call("GET", "/api/v1/scenarios/bundled", null);
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
        String id = jobs.submitted("{\"bundled\": \"lamination-window-shift\", \"seed\": 5, \"horizonYears\": 8,"
                + " \"population\": {\"sampleSize\": 60}}");
        JsonNode job = jobs.awaitStatus(id, "DONE");
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

        Reply csv = jobs.call("GET", "/api/v1/scenarios/" + id + "/result.csv", null);
        assertEquals(200, csv.status());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        assertTrue(csv.text().startsWith("section,metric,year,baseline,scenario,delta\n"), csv.text());
        assertTrue(csv.text().contains("fleet,soh_p50,8,"), csv.text());
        Reply png = jobs.call("GET", "/api/v1/scenarios/" + id + "/chart.png", null);
        assertEquals(200, png.status());
        assertEquals("image/png", png.contentType());
        assertEquals((byte) 0x89, png.body()[0]);
        assertEquals('P', png.body()[1]);

        // the same scenario and seed give the same result over the API too
        String again = jobs.submitted("{\"bundled\": \"lamination-window-shift\", \"seed\": 5, \"horizonYears\": 8,"
                + " \"population\": {\"sampleSize\": 60}}");
        assertEquals(result, jobs.awaitStatus(again, "DONE").get("result"));
    }

    @Test
    void aFullScenarioWithoutChangesGivesZeroDifference() {
        String id = jobs.submitted("{\"name\": \"same\", \"base\": \"bundled:europe\", \"horizonYears\": 2, \"seed\": 3,"
                + " \"population\": {\"sampleSize\": 40, \"climate\": \"OSLO\"}}");
        JsonNode r = jobs.awaitStatus(id, "DONE").get("result");
        assertEquals(0.0, r.get("plant").get("delta").get("gwhPerYear").asDouble());
        for (JsonNode y : r.get("fleet").get("years")) {
            assertEquals(y.get("baseline"), y.get("scenario"), y.toString());
        }
    }

    @Test
    void badFieldsAndLimitsAreNamed() {
        Reply r = jobs.call("POST", "/api/v1/scenarios", "{\"name\": \"x\", \"seed\": 1, \"horizonYears\": 40,"
                + " \"population\": {\"sampleSize\": 999999}, \"plant\": {\"laminationTemperatureC\": \"hot\"},"
                + " \"fleet\": {\"taxiShare\": 2}, \"colour\": 1}");
        assertEquals(400, r.status(), r.text());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertEquals(Set.of("plant.laminationTemperatureC", "colour"), fields(r.json()), r.text());

        r = jobs.call("POST", "/api/v1/scenarios", "{\"name\": \"x\", \"seed\": 1, \"horizonYears\": 40,"
                + " \"population\": {\"sampleSize\": 999999}, \"fleet\": {\"taxiShare\": 2}}");
        assertEquals(400, r.status(), r.text());
        assertEquals(Set.of("horizonYears", "population.sampleSize", "fleet.taxiShare"), fields(r.json()), r.text());
        assertTrue(r.text().contains("max-population") && r.text().contains("5000"), r.text());
        assertTrue(r.text().contains("max-horizon-years"), r.text());

        r = jobs.call("POST", "/api/v1/scenarios", "{\"bundled\": \"no-such\"}");
        assertEquals(400, r.status());
        assertEquals(Set.of("bundled"), fields(r.json()));
        r = jobs.call("POST", "/api/v1/scenarios", "{\"base\": \"bundled:mars\", \"seed\": 1}");
        assertEquals(Set.of("base"), fields(r.json()), r.text());
        r = jobs.call("POST", "/api/v1/scenarios", "not json");
        assertEquals(400, r.status());
        assertEquals(404, jobs.call("GET", "/api/v1/scenarios/nope", null).status());
    }
}
