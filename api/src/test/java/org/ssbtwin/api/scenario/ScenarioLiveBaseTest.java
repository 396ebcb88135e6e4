package org.ssbtwin.api.scenario;

import org.ssbtwin.api.TestTwin;
import org.ssbtwin.api.TwinServer;
import org.ssbtwin.api.jobs.JobApiClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssbtwin.fleet.pack.PackStatus;

/** Base "live": the population comes from the running twin's packs (read side + read-only entity asks). */
class ScenarioLiveBaseTest {
    @TempDir
    static Path dir;
    static TwinServer twin;

    @BeforeAll
    static void start() throws Exception {
        twin = TestTwin.start(dir, TestTwin.smallLiveLine(Map.of("twin.simulation.enabled", true,
                "twin.scenarios.plant-layout", "plant/dunkirk-small.conf",
                "twin.scenarios.plant-warmup-days", 1, "twin.scenarios.plant-days", 1)));
        twin.readiness().get();
    }

    @AfterAll
    static void stop() {
        if (twin != null) twin.close();
    }

    static long inService() {
        return twin.directory().queries().inServicePacks().toCompletableFuture().join().size();
    }

    @Test
    void aLiveScenarioAgesTheLivePacksFromTheirCurrentState() {
        TestTwin.await("packs in service", Duration.ofSeconds(60), () -> inService() >= 3);
        JobApiClient scenarios = new JobApiClient(twin.port(), "/api/v1/scenarios", "scenario", Duration.ofSeconds(60));
        String id = scenarios.submitted("{\"name\": \"live-hot\", \"base\": \"live\", \"horizonYears\": 3,"
                + " \"seed\": 4, \"population\": {\"sampleSize\": 20}, \"fleet\": {\"climateShiftC\": 6}}");
        JsonNode job = scenarios.awaitStatus(id, "DONE");
        JsonNode r = job.get("result");
        int packs = r.get("fleet").get("packs").asInt();
        assertTrue(packs >= 3 && packs <= 20, r.toString());
        assertEquals("live", r.get("base").asText());
        JsonNode y3 = r.get("fleet").get("years").get(2);
        assertTrue(y3.get("scenario").get("meanSoh").asDouble() < y3.get("baseline").get("meanSoh").asDouble(), y3.toString());
        assertEquals("new-production", r.get("fieldEffect").get("cohort").asText());
        assertTrue(r.get("fieldEffect").get("packs").asInt() >= 1);

        // a filter no live pack matches is a FAILED job naming the population, not a silent empty result
        String none = scenarios.submitted("{\"base\": \"live\", \"seed\": 1, \"horizonYears\": 1,"
                + " \"population\": {\"sampleSize\": 5, \"productionFrom\": \"2099-01-01\"}}");
        JsonNode failed = scenarios.awaitStatus(none, "FAILED");
        assertTrue(failed.get("error").asText().contains("matches no live pack"), failed.toString());
    }
}
