package org.ssbtwin.api.passport;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssbtwin.api.TestTwin;
import org.ssbtwin.api.TwinServer;
import org.ssbtwin.api.http.Json;
import org.ssbtwin.api.readside.PassportFactsTableTest;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.fleet.entity.PackEntity;
import org.ssbtwin.fleet.pack.PackEvent;
import org.ssbtwin.fleet.usage.VehicleModel;

/**
 * The NDJSON export of a real node reads the fleet read side page by page (pages of 2 packs here): every pack's
 * passport exactly once, in pack id order, each the document the pack entity's journal gives
 * ({@code GET /packs/{id}/passport}), negative events included.
 */
class PassportExportTest {
    @TempDir
    static Path dir;
    static TwinServer twin;
    static final Map<PackId, List<PackEvent>> LIVES = new LinkedHashMap<>();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        twin = TestTwin.start(dir, Map.of("twin.simulation.enabled", false, "twin.passport.export-page-size", 2));
        twin.readiness().get();
        LIVES.put(PackId.of("P-DK1-000301"), SamplePackLife.events(PackId.of("P-DK1-000301"), VehicleModel.VF3, LocalDate.of(2029, 5, 1), 1, 2, 1));
        LIVES.put(PackId.of("P-DK1-000302"), PassportFactsTableTest.stressedLife(PackId.of("P-DK1-000302")));
        LIVES.put(PackId.of("P-DK1-000303"), SamplePackLife.events(PackId.of("P-DK1-000303"), VehicleModel.VF5, LocalDate.of(2030, 1, 7), 0, 0, 3));
        LIVES.put(PackId.of("P-DK1-000304"), SamplePackLife.events(PackId.of("P-DK1-000304"), VehicleModel.VF8, LocalDate.of(2029, 9, 1), 1, 0, 4));
        LIVES.put(PackId.of("P-DK1-000305"), SamplePackLife.events(PackId.of("P-DK1-000305"), VehicleModel.VF6, LocalDate.of(2029, 2, 1), 1, 5, 5));
        ClusterSharding sharding = ClusterSharding.get(twin.system());
        for (var life : LIVES.entrySet()) {
            List<PackEvent> events = life.getValue();
            for (int from = 0; from < events.size(); from += 300) {
                List<PackEvent> batch = events.subList(from, Math.min(events.size(), from + 300));
                assertNull(sharding.entityRefFor(PackEntity.TYPE_KEY, life.getKey().value()).<PackEntity.Reply>ask(r -> new PackEntity.RecordAll(batch, r),
                        Duration.ofSeconds(30)).toCompletableFuture().get().rejection());
            }
        }
    }

    @AfterAll
    static void stop() {
        if (twin != null) twin.close();
    }

    static HttpResponse<String> export() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + twin.port() + "/api/v1/passports")).GET()
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<JsonNode> lines(HttpResponse<String> r) {
        List<JsonNode> out = new ArrayList<>();
        for (String line : r.body().split("\n")) {
            if (line.isBlank()) continue;
            try {
                out.add(Json.MAPPER.readTree(line));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    @Test
    void everyPackOnceEachTheJournalsPassport() throws Exception {
        // the read side folds the events asynchronously: wait until it has every pack's last event
        TestTwin.await("the read side holds every pack's last event", Duration.ofSeconds(90), () -> {
            List<JsonNode> docs = lines(export());
            if (docs.size() != LIVES.size()) return false;
            int i = 0;
            for (List<PackEvent> life : LIVES.values()) {
                if (docs.get(i++).at("/twin/revision").asLong() != life.size()) return false;
            }
            return true;
        });
        HttpResponse<String> r = export();
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/x-ndjson"));
        assertEquals(Integer.toString(LIVES.size()), r.headers().firstValue("X-Total-Count").orElse(""));
        List<JsonNode> docs = lines(r);
        assertEquals(LIVES.keySet().stream().map(PackId::value).toList(), docs.stream().map(d -> d.at("/identification/idDmc").asText()).toList(),
                "each pack once, in id order, across pages of 2");
        for (JsonNode d : docs) {
            String id = d.at("/identification/idDmc").asText();
            TestTwin.Answer fromEntity = TestTwin.get(twin.port(), "/api/v1/packs/" + id + "/passport");
            assertEquals(200, fromEntity.status(), fromEntity.body());
            assertEquals(fromEntity.json(), d, id + ": the read side's passport is the journal's");
        }
        JsonNode stressed = docs.get(1).at("/performance/dynamic/negativeEvents");
        assertEquals("Deep discharge", stressed.get(1).get("header").asText());
        assertFalse(stressed.get(1).get("content").asText().startsWith("0 "), stressed.toString());
        assertTrue(stressed.get(1).get("content").asText().contains("last ending 20"), stressed.toString());
        assertEquals(List.of(), PublishedSchemas.errors(PublishedSchemas.BATTERY_PASS, docs.get(1).toString()));
    }
}
