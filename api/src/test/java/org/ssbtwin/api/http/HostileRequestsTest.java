package org.ssbtwin.api.http;

import org.ssbtwin.api.*;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssbtwin.api.http.Json;
import org.ssbtwin.core.id.StationId;
import org.ssbtwin.plant.station.StationEvent;

/** Regression tests of issue 19's defects 1 to 5, each against a real node over real HTTP. */
class HostileRequestsTest {
    static final String PACK = "P-DK1-000001";

    @TempDir
    static Path dir;
    static TwinServer twin;
    static int port;

    @BeforeAll
    static void start() {
        twin = TestTwin.start(dir, Map.of("twin.simulation.enabled", false));
        port = twin.port();
        twin.readiness().join();
        Instant t0 = Instant.parse("2028-01-02T00:00:00Z");
        Seed seed = new Seed(twin);
        seed.station("DK1-LAM-01", new StationEvent.Commissioned(StationId.of("DK1-LAM-01"), "LAMINATION", 4,
                Map.of("laminationTemperatureC", 120.0), t0));
        seed.pack(PACK, "VF8", "VF8-000001", "OSLO", t0);
        TestTwin.await("read side sees the pack", Duration.ofSeconds(20),
                () -> TestTwin.get(port, "/api/v1/packs?state=in_service").json().get("total").asInt() == 1);
    }

    @AfterAll
    static void stop() {
        if (twin != null) twin.close();
    }

    static TestTwin.Answer send(String method, String path, String contentType, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) b.header("Content-Type", contentType);
        return TestTwin.send(port, b);
    }

    static void assertProblem(int status, TestTwin.Answer a) {
        assertEquals(status, a.status(), a.body());
        assertTrue(a.contentType().startsWith("application/problem+json"), a.contentType() + " " + a.body());
        assertEquals(status, a.json().get("status").asInt(), a.body());
        assertFalse(a.body().contains("java."), "no Java class names: " + a.body());
    }

    static String day(String id, String date) {
        return "{\"recordId\":\"" + id + "\",\"packId\":\"" + PACK + "\",\"date\":\"" + date + "\",\"km\":80,\"dischargeKWh\":19.2,"
                + "\"minSoc\":0.3,\"maxSoc\":0.8,\"meanCellTempC\":20,\"dcFastChargeKWh\":0}";
    }

    /** 19.1: the 530-byte study request that stopped a node is a 400 naming the rule; the node stays up. */
    @Test
    void aSubstitutionBombIsRefused() {
        StringBuilder hocon = new StringBuilder("l0 = \"xxxxxxxxxx\"\n");
        for (int level = 1; level <= 7; level++) {
            hocon.append('l').append(level).append(" = \"\"");
            for (int i = 0; i < 10; i++) hocon.append("${l").append(level - 1).append('}');
            hocon.append('\n');
        }
        hocon.append("fleet { name = ${l7} }");
        String body = "{\"fleetSpec\": " + new String(Json.bytes(hocon.toString()), StandardCharsets.UTF_8) + ", \"packs\": 10, \"years\": 1, \"seed\": 1}";
        var a = send("POST", "/api/v1/studies", "application/json", body);
        assertProblem(400, a);
        assertTrue(a.body().contains("substitutions"), a.body());
        assertEquals(200, TestTwin.get(port, "/api/v1/health").status());
    }

    /** 19.2: dates far beyond the twin's clock are refused at once; the pack is not aged. */
    @Test
    void farFutureTelemetryDatesAreRefused() {
        double soh = TestTwin.get(port, "/api/v1/packs/" + PACK).json().get("stateOfHealth").asDouble();
        for (String date : new String[] {"+999999999-12-31", "9999-12-31", "2030-01-05"}) {
            var a = send("POST", "/api/v1/telemetry", "application/x-ndjson", day("far-" + date, date));
            assertProblem(400, a);
            assertEquals("date", a.json().get("errors").get(0).get("field").asText(), a.body());
            assertTrue(a.body().contains("the twin's today plus 366 days"), a.body());
        }
        assertEquals(soh, TestTwin.get(port, "/api/v1/packs/" + PACK).json().get("stateOfHealth").asDouble(), 0.0);
        assertEquals(200, send("POST", "/api/v1/telemetry", "application/x-ndjson", day("near", "2028-02-01")).status());
    }

    /** 19.3: a null MES body, non-string ids, and no Java class names in the messages. */
    @Test
    void mesRecordsAreTypedAndNullSafe() {
        assertProblem(400, send("POST", "/api/v1/plant/mes-records", "application/json", "null"));
        var bool = send("POST", "/api/v1/plant/mes-records", "application/json",
                "{\"records\":[{\"recordId\":true,\"type\":\"reading\",\"station\":\"DK1-LAM-01\",\"at\":\"2028-01-03T07:00:00Z\",\"readings\":{\"laminationTemperatureC\":121}}]}");
        assertProblem(400, bool);
        assertTrue(bool.body().contains("records[0].recordId must be a string"), bool.body());
        var number = send("POST", "/api/v1/plant/mes-records", "application/json", "{\"records\":[{\"recordId\":\"m1\",\"station\":7}]}");
        assertProblem(400, number);
        var map = send("POST", "/api/v1/plant/mes-records", "application/json", "{\"records\":[{\"recordId\":\"m1\",\"readings\":5}]}");
        assertProblem(400, map);
        assertTrue(map.body().contains("records[0].readings must be an object"), map.body());
    }

    /** 19.4: one JSON value per body (per line for telemetry), and only the declared content types. */
    @Test
    void trailingGarbageAndWrongContentTypesAreRefused() {
        String setpoint = "/api/v1/stations/DK1-LAM-01/setpoints/laminationTemperatureC";
        assertProblem(400, send("PUT", setpoint, "application/json", "{\"value\":121} xyz"));
        assertProblem(400, send("POST", "/api/v1/studies", "application/json", "{\"fleet\":\"europe\",\"packs\":10,\"years\":1,\"seed\":1} xyz"));
        assertProblem(400, send("POST", "/api/v1/scenarios", "application/json", "{\"bundled\":\"dry-room-excursion\"} {}"));
        assertProblem(400, send("POST", "/api/v1/telemetry", "application/x-ndjson", day("g1", "2028-01-20") + " xyz"));
        for (String type : new String[] {"text/plain", "image/png", "application/x-www-form-urlencoded"}) {
            var a = send("PUT", setpoint, type, "{\"value\":121}");
            assertProblem(415, a);
            assertEquals("/problems/unsupported-media-type", a.json().get("type").asText());
            assertProblem(415, send("POST", "/api/v1/telemetry", type, day("t-" + type.length(), "2028-01-21")));
            assertProblem(415, send("POST", "/api/v1/plant/mes-records", type, "{\"records\":[]}"));
            assertProblem(415, send("POST", "/api/v1/studies", type, "{\"fleet\":\"europe\",\"packs\":10,\"years\":1,\"seed\":1}"));
            assertProblem(415, send("POST", "/api/v1/scenarios", type, "{\"bundled\":\"dry-room-excursion\"}"));
        }
        assertEquals(200, send("PUT", setpoint, "application/json; charset=utf-8", "{\"value\":121}").status(), "a charset is fine");
    }

    /** 19.5: errors of the HTTP engine, before any route, are problems too. */
    @Test
    void errorsBeforeRoutingAreProblems() throws IOException {
        String host = "Host: 127.0.0.1\r\n";
        assertRawProblem(414, "GET /api/v1/packs/" + "A".repeat(10_000) + " HTTP/1.1\r\n" + host + "\r\n");
        assertRawProblem(431, "GET /api/v1/packs HTTP/1.1\r\n" + host + "X-Big: " + "b".repeat(20_000) + "\r\n\r\n");
        StringBuilder many = new StringBuilder("GET /api/v1/packs HTTP/1.1\r\n" + host);
        for (int i = 0; i < 100; i++) many.append("X-H").append(i).append(": v\r\n");
        assertRawProblem(400, many.append("\r\n").toString());
        assertRawProblem(400, "GET /api/v1/packs/%zz HTTP/1.1\r\n" + host + "\r\n");
        assertRawProblem(501, "FOO /api/v1/packs HTTP/1.1\r\n" + host + "\r\n");
    }

    static void assertRawProblem(int status, String request) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[4096];
            int n;
            while ((n = in.read(buf)) > 0) {
                got.write(buf, 0, n);
                String text = got.toString(StandardCharsets.UTF_8);
                int end = text.indexOf("\r\n\r\n");
                if (end >= 0 && text.endsWith("}")) break;
            }
            String answer = got.toString(StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 " + status + " "), answer);
            assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), answer);
            var problem = Json.MAPPER.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
            assertEquals(status, problem.get("status").asInt(), answer);
            assertTrue(problem.get("type").asText().startsWith("/problems/"), answer);
        }
    }
}
