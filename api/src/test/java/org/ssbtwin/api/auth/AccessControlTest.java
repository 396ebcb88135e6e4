package org.ssbtwin.api.auth;

import org.ssbtwin.api.Seed;
import org.ssbtwin.api.TestTwin;
import org.ssbtwin.api.TwinServer;

import static org.junit.jupiter.api.Assertions.*;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.ssbtwin.config.AuthSettings;

/** API keys and roles on a real node with twin.auth.enabled: 401/403 problems, what each role may do, keys never logged. */
class AccessControlTest {
    @TempDir
    static Path dir;
    static TwinServer twin;
    static int port;
    static final String READER = "reader-key-4f8a9c2e71d0";
    static final String OPERATOR = "operator-key-b3e6d1f09a44";
    static final String ENGINEER = "engineer-key-77c1a0e5d2b9";
    static final ListAppender<ILoggingEvent> LOGS = new ListAppender<>();

    @BeforeAll
    static void start() throws Exception {
        LOGS.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(LOGS);
        twin = TestTwin.start(dir, Map.of("twin.simulation.enabled", false, "twin.auth.enabled", true,
                "twin.auth.keys", List.of(
                        Map.of("name", "dashboard", "role", "reader", "key", READER),
                        Map.of("name", "ingest", "role", "operator", "key-sha256", AuthSettings.sha256Hex(OPERATOR)),
                        Map.of("name", "lab", "role", "engineer", "key", ENGINEER))));
        port = twin.port();
        twin.readiness().get();
        new Seed(twin).pack("P-DK1-000001", "VF8", "VF8-000001", "OSLO", Instant.parse("2028-01-02T00:00:00Z"));
        // telemetry is checked against the read side: wait until it knows the pack in service (listed as soon as it
        // is assembled; installed one event later)
        TestTwin.await("read side sees the pack in service", java.time.Duration.ofSeconds(20),
                () -> twin.directory().queries().inServicePacks().toCompletableFuture().join().size() == 1);
    }

    @AfterAll
    static void stop() {
        if (twin != null) twin.close();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(LOGS);
    }

    static TestTwin.Answer call(String method, String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) b.header("Content-Type", path.contains("telemetry") ? "application/x-ndjson" : "application/json");
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return TestTwin.send(port, b);
    }

    static String bearer(String key) {
        return "Bearer " + key;
    }

    static final String TELEMETRY = "{\"recordId\":\"t1\",\"packId\":\"P-DK1-000001\",\"date\":\"2028-01-03\",\"km\":80,\"dischargeKWh\":19.2,\"minSoc\":0.3,\"maxSoc\":0.8,\"meanCellTempC\":20,\"dcFastChargeKWh\":0}\n";

    @Test
    void publicRoutesNeedNoKey() {
        assertEquals(200, call("GET", "/api/v1/health", null).status());
        assertNotEquals(401, call("GET", "/api/v1/ready", null).status());
    }

    @Test
    void noOrUnknownKeyIs401WithAProblemAndChallenge() {
        var none = call("GET", "/api/v1/packs", null);
        assertEquals(401, none.status());
        assertTrue(none.contentType().startsWith("application/problem+json"));
        assertEquals("/problems/unauthorized", none.json().get("type").asText());
        assertEquals(401, none.json().get("status").asInt());
        var unknown = call("GET", "/api/v1/search", null, "Authorization", bearer("not-a-key-at-all-123"));
        assertEquals(401, unknown.status());
        var wrongScheme = call("GET", "/api/v1/packs", null, "Authorization", "Basic " + READER);
        assertEquals(401, wrongScheme.status());
        var raw = TestTwin.send(port, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/packs")).GET());
        assertEquals(401, raw.status());
        assertEquals(401, call("POST", "/api/v1/telemetry", TELEMETRY).status(), "writes without a key: 401 before anything else");
    }

    @Test
    void readerReadsButMayNotWrite() {
        assertEquals(200, call("GET", "/api/v1/packs", null, "Authorization", bearer(READER)).status());
        assertEquals(200, call("GET", "/api/v1/packs/P-DK1-000001", null, "X-Api-Key", READER).status());
        assertEquals(200, call("GET", "/api/v1/search?q=kind%3Dpack", null, "X-Api-Key", READER).status());
        var refused = call("POST", "/api/v1/telemetry", TELEMETRY, "Authorization", bearer(READER));
        assertEquals(403, refused.status(), refused.body());
        assertTrue(refused.contentType().startsWith("application/problem+json"));
        assertTrue(refused.json().get("detail").asText().contains("needs role operator"), refused.body());
        assertFalse(refused.body().contains(READER), "the key is never echoed");
        assertEquals(403, call("PUT", "/api/v1/stations/DK1-LAM-01/setpoints/laminationTemperatureC", "{\"value\":125}", "X-Api-Key", READER).status());
    }

    @Test
    void operatorIngestsButRunsNoStudies() {
        var ok = call("POST", "/api/v1/telemetry", TELEMETRY, "Authorization", bearer(OPERATOR));
        assertEquals(200, ok.status(), ok.body());
        var setpoint = call("PUT", "/api/v1/stations/DK1-LAM-01/setpoints/laminationTemperatureC", "{\"value\":125}", "X-Api-Key", OPERATOR);
        assertNotEquals(401, setpoint.status());
        assertNotEquals(403, setpoint.status());
        var study = call("POST", "/api/v1/studies", "{\"fleet\":\"vinfast-vn\",\"packs\":10,\"years\":1,\"seed\":1}", "X-Api-Key", OPERATOR);
        assertEquals(403, study.status(), study.body());
        assertTrue(study.json().get("detail").asText().contains("needs role engineer"));
    }

    @Test
    void engineerMayDoEverything() {
        assertEquals(200, call("GET", "/api/v1/packs", null, "X-Api-Key", ENGINEER).status());
        var study = call("POST", "/api/v1/studies", "{\"fleet\":\"vinfast-vn\",\"packs\":10,\"years\":1,\"seed\":1,\"colour\":1}", "X-Api-Key", ENGINEER);
        assertEquals(400, study.status(), "passes access control; the route itself refuses the unknown field: " + study.body());
        var telemetry = call("POST", "/api/v1/telemetry", "", "X-Api-Key", ENGINEER);
        assertEquals(400, telemetry.status());
    }

    @Test
    void keysAreNeverLogged() {
        call("GET", "/api/v1/packs", null, "X-Api-Key", "some-unknown-key-0000");
        call("POST", "/api/v1/telemetry", TELEMETRY, "Authorization", bearer(READER));
        var malformed = call("GET", "/api/v1/packs", null, "Authorization", "Bearer not a (valid) token!0000");
        assertEquals(401, malformed.status(), "a key a bearer token cannot hold is an unknown key");
        List<String> messages = LOGS.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertTrue(messages.stream().anyMatch(m -> m.contains("access control is on") && m.contains("dashboard(reader)")), messages.toString());
        for (String key : List.of(READER, OPERATOR, ENGINEER, "some-unknown-key-0000", "(valid) token!0000", AuthSettings.sha256Hex(OPERATOR))) {
            assertTrue(messages.stream().noneMatch(m -> m.contains(key)), "a key appears in the log");
        }
    }
}
