package org.ssbtwin.api.search;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssbtwin.api.TestTwin;
import org.ssbtwin.api.TwinServer;
import org.ssbtwin.config.TwinSettings;

/**
 * GET /api/v1/search with recall attributes and GET /api/v1/search/recall.csv on a real node whose read-side tables
 * hold the hand-written genealogy of {@link RecallGenealogy}; 400 problems for bad filters.
 */
class RecallRoutesTest {
    @TempDir
    static Path dir;
    static TwinServer twin;
    static int port;
    static final String RECALL = "kind=pack and cell.laminationUnit=DK1-LAM-03 and cell.laminatedAt>=2029-03-01 and soh<0.85";

    @BeforeAll
    static void start() throws Exception {
        twin = TestTwin.start(dir, Map.of("twin.simulation.enabled", false));
        port = twin.port();
        twin.readiness().get();
        fillReadSide(twin);
    }

    /** Creates the read-side tables of the node's database (a no-op where the node migrated them) and the genealogy. */
    static void fillReadSide(TwinServer twin) throws Exception {
        TwinSettings.Database db = twin.settings().database();
        Flyway.configure().dataSource(db.url(), db.user(), db.password()).table("rs_schema_history").baselineOnMigrate(true)
                .baselineVersion("1").locations("classpath:db/readside/" + (db.kind() == TwinSettings.DatabaseKind.H2 ? "h2" : "postgresql"))
                .load().migrate();
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            RecallGenealogy.insert(c);
        }
    }

    @AfterAll
    static void stop() {
        if (twin != null) twin.close();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void searchListsAffectedPacksWithTheirMatchingCells() {
        var r = TestTwin.get(port, "/api/v1/search?q=" + enc(RECALL) + "&sort=-soh");
        assertEquals(200, r.status(), r.body());
        JsonNode items = r.json().get("items");
        assertEquals(2, r.json().get("count").asInt(), r.body());
        assertEquals("P-DK1-000001", items.get(0).get("id").asText());
        assertEquals("pack", items.get(0).get("kind").asText());
        assertEquals(0.80, items.get(0).get("summary").get("stateOfHealth").asDouble(), 1e-12);
        assertEquals("VF8-000001", items.get(0).get("summary").get("vehicleId").asText());
        assertEquals(1, items.get(0).get("matchingCells").asInt());
        JsonNode c1 = items.get(0).get("cells").get(0);
        assertEquals("C-DK1-00000001", c1.get("id").asText());
        assertEquals("DK1-LAM-03", c1.get("laminationUnit").asText());
        assertEquals("2029-03-02T10:00:00Z", c1.get("laminatedAt").asText());
        assertEquals(-40.0, c1.get("dewPointC").asDouble(), 1e-12);
        List<String> p3 = new ArrayList<>();
        items.get(1).get("cells").forEach(c -> p3.add(c.get("id").asText()));
        assertEquals(List.of("C-DK1-00000005", "C-DK1-00000006"), p3);
        assertNull(r.json().get("nextCursor").textValue());
    }

    @Test
    void pagesThroughARecallWithCursors() {
        var first = TestTwin.get(port, "/api/v1/search?limit=1&q=" + enc("cell.roll=R-CAT-0001"));
        assertEquals(200, first.status(), first.body());
        assertEquals(2, first.json().get("count").asInt());
        assertEquals("P-DK1-000001", first.json().get("items").get(0).get("id").asText());
        String cursor = first.json().get("nextCursor").asText();
        var second = TestTwin.get(port, "/api/v1/search?limit=1&q=" + enc("cell.roll=R-CAT-0001") + "&cursor=" + cursor);
        assertEquals("P-DK1-000003", second.json().get("items").get(0).get("id").asText(), second.body());
        assertTrue(second.json().get("nextCursor").isNull());
        var foreign = TestTwin.get(port, "/api/v1/search?limit=1&q=" + enc("cell.roll=R-CAT-0002") + "&cursor=" + cursor);
        assertEquals(400, foreign.status(), foreign.body());
    }

    @Test
    void campaignCsvIsStreamedAsTextCsv() {
        var r = csv("/api/v1/search/recall.csv?q=" + enc(RECALL));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"), r.headers().toString());
        assertTrue(r.headers().firstValue("Content-Disposition").orElse("").contains("recall.csv"));
        assertEquals(List.of(RecallRoutes.HEADER,
                "P-DK1-000001,VF8-000001,VF8,IN_SERVICE,0.8000,HANOI,1,C-DK1-00000001",
                "P-DK1-000003,VF8-000003,VF8,IN_SERVICE,0.7000,HO_CHI_MINH_CITY,2,C-DK1-00000005 C-DK1-00000006"),
                List.of(r.body().split("\n")));
        var bounded = csv("/api/v1/search/recall.csv?limit=1&q=" + enc(RECALL));
        assertEquals(2, bounded.body().split("\n").length, bounded.body());
    }

    static java.net.http.HttpResponse<String> csv(String path) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + path)).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void badRecallFiltersAre400Problems() {
        String[][] cases = {
                {"/api/v1/search?q=" + enc("kind=pack and cell.colour=red"), "q", "14"},
                {"/api/v1/search?q=" + enc("cell.laminatedAt>=2029-13-01"), "q", "18"},
                {"/api/v1/search?q=" + enc("cell.laminatedAt~2029-03"), "q", "16"},
                {"/api/v1/search?q=" + enc("cell.dewPointC>warm"), "q", "15"},
                {"/api/v1/search?q=kind%3Dpack&sort=cell.roll", "sort", "0"},
                {"/api/v1/search/recall.csv?q=" + enc("cell.laminationUnit="), "q", "20"},
        };
        for (String[] c : cases) {
            var r = TestTwin.get(port, c[0]);
            assertEquals(400, r.status(), c[0] + " -> " + r.body());
            assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
            assertEquals(c[1], r.json().get("errors").get(0).get("field").asText(), r.body());
            assertEquals(Integer.parseInt(c[2]), r.json().get("errors").get(0).get("position").asInt(), c[0] + " -> " + r.body());
        }
        var limit = TestTwin.get(port, "/api/v1/search/recall.csv?limit=0&q=kind%3Dpack");
        assertEquals(400, limit.status(), limit.body());
        assertTrue(limit.contentType().startsWith("application/problem+json"));
    }
}
