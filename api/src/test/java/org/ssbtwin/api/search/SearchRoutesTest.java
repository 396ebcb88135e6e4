package org.ssbtwin.api.search;

import org.ssbtwin.api.Seed;
import org.ssbtwin.api.TestTwin;
import org.ssbtwin.api.TwinServer;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssbtwin.plant.station.StationEvent;
import org.ssbtwin.plant.station.StationState;

/** GET /api/v1/search against a real node: filter language, counts, sorting, cursor paging, 400 with positions. */
class SearchRoutesTest {
    @TempDir
    static Path dir;
    static TwinServer twin;
    static int port;
    static final Instant T0 = Instant.parse("2028-01-02T00:00:00Z");

    @BeforeAll
    static void start() throws Exception {
        twin = TestTwin.start(dir, Map.of("twin.simulation.enabled", false));
        port = twin.port();
        twin.readiness().get();
        Seed seed = new Seed(twin);
        seed.commission("DK1-LAM-01", "LAMINATION", T0);
        seed.commission("DK1-LAM-02", "LAMINATION", T0);
        seed.commission("DK1-STK-01", "STACKING", T0);
        seed.station("DK1-LAM-02", new StationEvent.StateChanged(StationState.DOWN, "breakdown", T0.plusSeconds(60)));
        seed.cell("C-DK1-00000001", "DK1-LAM-01", T0);
        seed.cell("C-DK1-00000002", "DK1-LAM-01", T0);
        String[] climates = {"HO_CHI_MINH_CITY", "HO_CHI_MINH_CITY", "OSLO", "HO_CHI_MINH_CITY", "HANOI", "HO_CHI_MINH_CITY", "HO_CHI_MINH_CITY"};
        double[] soh = {0.75, 0.79, 0.70, 0.85, 0.78, 0.79, 0.62};
        for (int i = 0; i < climates.length; i++) {
            String id = String.format("P-DK1-%06d", i + 1);
            seed.pack(id, i % 2 == 0 ? "VF8" : "VF9", String.format("VF8-%06d", i + 1), climates[i], T0);
            seed.usage(id, "u" + i, T0.plus(Duration.ofDays(2)), soh[i]);
        }
        TestTwin.await("read side sees every asset", Duration.ofSeconds(20),
                () -> TestTwin.get(port, "/api/v1/search?limit=1").json().get("count").asInt() == 12
                        && TestTwin.get(port, "/api/v1/search?q=" + enc("kind=pack and soh<0.99")).json().get("count").asInt() == 7);
    }

    @AfterAll
    static void stop() {
        if (twin != null) twin.close();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static TestTwin.Answer search(String q, String extra) {
        return TestTwin.get(port, "/api/v1/search?q=" + enc(q) + extra);
    }

    static List<String> ids(JsonNode result) {
        List<String> out = new ArrayList<>();
        result.get("items").forEach(i -> out.add(i.get("id").asText()));
        return out;
    }

    @Test
    void filtersCountsAndSorts() {
        var r = search("kind=pack and soh<0.8 and climate=HO_CHI_MINH_CITY", "&sort=-soh,id");
        assertEquals(200, r.status(), r.body());
        assertEquals(4, r.json().get("count").asInt());
        assertEquals(List.of("P-DK1-000002", "P-DK1-000006", "P-DK1-000001", "P-DK1-000007"), ids(r.json()));
        assertTrue(r.json().get("nextCursor").isNull());
        JsonNode first = r.json().get("items").get(0);
        assertEquals("pack", first.get("kind").asText());
        assertEquals(0.79, first.get("summary").get("stateOfHealth").asDouble(), 1e-12);
        assertEquals("VF9", first.get("summary").get("vehicleModel").asText());

        var down = search("kind=station and state=down", "");
        assertEquals(List.of("DK1-LAM-02"), ids(down.json()));
        assertEquals("station", down.json().get("items").get(0).get("kind").asText());
        assertEquals(List.of("DK1-LAM-01", "DK1-LAM-02"), ids(search("stationKind = lamination", "").json()));
        assertEquals(List.of("C-DK1-00000001", "C-DK1-00000002"), ids(search("kind=cell", "").json()));
        assertEquals(4, search("vehicleModel=VF9 or id ~ DK1-STK", "").json().get("count").asInt());
        assertEquals(List.of("P-DK1-000003", "P-DK1-000005"), ids(search("climate in (OSLO, hanoi)", "").json()));
        assertEquals(12, TestTwin.get(port, "/api/v1/search").json().get("count").asInt(), "no q: everything");
        assertEquals(List.of("P-DK1-000004"), ids(search("kind = pack and not soh < 0.8", "").json()));
        // default order: kind, then id
        var all = TestTwin.get(port, "/api/v1/search?limit=3").json();
        assertEquals(List.of("C-DK1-00000001", "C-DK1-00000002", "P-DK1-000001"), ids(all));
    }

    @Test
    void cursorPagingVisitsEveryMatchOnceInOrder() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var r = search("kind=pack", "&sort=-soh&limit=3" + (cursor == null ? "" : "&cursor=" + cursor));
            assertEquals(200, r.status(), r.body());
            assertEquals(7, r.json().get("count").asInt(), "count is the total, not the page");
            seen.addAll(ids(r.json()));
            cursor = r.json().get("nextCursor").isNull() ? null : r.json().get("nextCursor").asText();
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(3, pages);
        assertEquals(List.of("P-DK1-000004", "P-DK1-000002", "P-DK1-000006", "P-DK1-000005", "P-DK1-000001", "P-DK1-000003",
                "P-DK1-000007"), seen);
        var first = search("kind=pack", "&sort=-soh&limit=3").json().get("nextCursor").asText();
        var other = search("kind=cell", "&sort=-soh&limit=3&cursor=" + first);
        assertEquals(400, other.status(), other.body());
        assertEquals("cursor", other.json().get("errors").get(0).get("field").asText());
        assertEquals(400, search("kind=pack", "&cursor=garbage!").status());
    }

    @Test
    void badFiltersAre400WithThePosition() {
        var r = search("kind=pack and soh<", "");
        assertEquals(400, r.status(), r.body());
        assertTrue(r.contentType().startsWith("application/problem+json"));
        JsonNode e = r.json().get("errors").get(0);
        assertEquals("q", e.get("field").asText());
        assertEquals(18, e.get("position").asInt());
        assertTrue(e.get("expected").asText().contains("number"), e.toString());

        var unknown = search("kind=pack and colour=red", "");
        assertEquals(400, unknown.status());
        assertEquals(14, unknown.json().get("errors").get(0).get("position").asInt());
        assertEquals("'colour'", unknown.json().get("errors").get(0).get("found").asText());

        var sort = search("kind=pack", "&sort=-soh,colour");
        assertEquals(400, sort.status());
        assertEquals("sort", sort.json().get("errors").get(0).get("field").asText());
        assertEquals(5, sort.json().get("errors").get(0).get("position").asInt());

        assertEquals(400, search("kind=pack", "&limit=0").status());
        assertEquals(400, search("kind=pack", "&limit=5000").status());
        var param = search("kind=pack", "&colour=red");
        assertEquals(400, param.status());
        assertEquals("colour", param.json().get("errors").get(0).get("field").asText());
    }
}
