package org.ssbtwin.api.ingest;

import org.ssbtwin.api.*;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19.6: {@code POST /telemetry} answers 503 {@code entity-timeout} (as documented, and as setpoints do) when
 * the packs do not answer in time, not 500. Made deterministic: the pack is recorded by a first node, then a node of
 * the "api" role only (no node hosts entities, so every ask waits for a shard that never comes) knows the pack from
 * the read-side table and asks it with a short timeout. With a server request timeout shorter than the ask's, the
 * answer is a 503 problem too ({@code request-timeout}).
 */
class TelemetryTimeoutTest {
    /** The proxy's buffered ask has no region to go to: its graceful hand-off at close would wait 20 s for nothing. */
    static final String SHORT_HAND_OFF = "pekko.coordinated-shutdown.phases.cluster-sharding-shutdown-region.timeout";
    @TempDir
    Path dir;

    @Test
    void telemetryToPacksThatDoNotAnswerIs503() {
        try (TwinServer first = TestTwin.start(dir, Map.of("twin.simulation.enabled", false))) {
            first.readiness().join();
            new Seed(first).pack("P-DK1-000001", "VF8", "VF8-000001", "OSLO", Instant.parse("2028-01-02T00:00:00Z"));
            // the api-only node below runs no projection: the pack must be in the read-side table before this node stops
            TestTwin.await("the read side knows the pack", Duration.ofSeconds(20),
                    () -> TestTwin.get(first.port(), "/api/v1/packs?state=in_service").json().get("total").asInt() == 1);
        }
        try (TwinServer apiOnly = TestTwin.start(dir, Map.of("twin.simulation.enabled", false,
                "twin.cluster.roles", List.of("api"), "twin.ask-timeout-millis", 500, SHORT_HAND_OFF, "2s"))) {
            apiOnly.readiness().join();
            int port = apiOnly.port();
            TestTwin.await("the api-only node reads the pack from the read-side table", Duration.ofSeconds(20),
                    () -> TestTwin.get(port, "/api/v1/packs?state=in_service").json().get("total").asInt() == 1);
            String line = "{\"recordId\":\"t1\",\"packId\":\"P-DK1-000001\",\"date\":\"2028-01-03\",\"km\":80,\"dischargeKWh\":19.2,"
                    + "\"minSoc\":0.3,\"maxSoc\":0.8,\"meanCellTempC\":20,\"dcFastChargeKWh\":0}\n";
            var a = TestTwin.send(port, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/telemetry"))
                    .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(line)));
            assertEquals(503, a.status(), a.body());
            assertTrue(a.contentType().startsWith("application/problem+json"), a.contentType());
            assertEquals("/problems/entity-timeout", a.json().get("type").asText(), a.body());
        }
        // the server's own request timeout, shorter than the ask's: a problem too (Pekko's default is plain text)
        try (TwinServer apiOnly = TestTwin.start(dir, Map.of("twin.simulation.enabled", false, "twin.cluster.roles", List.of("api"),
                "twin.ask-timeout-millis", 20_000, "pekko.http.server.request-timeout", "1s", SHORT_HAND_OFF, "2s"))) {
            apiOnly.readiness().join();
            int port = apiOnly.port();
            var a = TestTwin.get(port, "/api/v1/packs/P-DK1-000001");
            assertEquals(503, a.status(), a.body());
            assertTrue(a.contentType().startsWith("application/problem+json"), a.contentType() + " " + a.body());
            assertEquals("/problems/request-timeout", a.json().get("type").asText(), a.body());
        }
    }
}
