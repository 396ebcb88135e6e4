package org.ssbtwin.api.http;

import org.ssbtwin.api.TestTwin;
import org.ssbtwin.api.TwinServer;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.ssbtwin.api.http.Json;
import org.ssbtwin.plant.cell.CellEvent;
import org.ssbtwin.plant.cell.InlayRecord;
import org.ssbtwin.core.id.CellId;
import org.ssbtwin.core.id.InlayId;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.core.id.RollId;
import org.ssbtwin.core.id.StationId;
import org.ssbtwin.core.id.VehicleId;
import org.ssbtwin.fleet.pack.PackEvent;
import org.ssbtwin.core.quality.ManufacturingFactors;
import org.ssbtwin.plant.station.StationEvent;
import org.ssbtwin.plant.station.StationState;
import org.ssbtwin.fleet.entity.PackEntity;
import org.ssbtwin.plant.entity.CellEntity;
import org.ssbtwin.plant.entity.StationEntity;

/**
 * The OpenAPI document served by a real twin (real H2, sharding, read side; a few recorded assets) against the twin's real routes:
 * it is structurally valid OpenAPI 3.0; every documented operation, called with the examples of the document, is a
 * real route and answers one of its documented status codes (and 2xx JSON bodies fit their schema); every method a
 * documented path does not list is no route; and every real route probed below is documented. Fragments added to
 * {@code openapi/} by other features are covered without changing this test.
 */
class OpenApiContractTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern TEMPLATE_PARAM = Pattern.compile("\\{([^}/]+)}");
    private static final Set<String> NO_ROUTE_TYPES = Set.of("/problems/no-such-route", "/problems/method-not-allowed");

    @TempDir
    static Path dir;
    static TwinServer twin;
    static int port;
    static JsonNode spec;

    @BeforeAll
    static void start() throws Exception {
        // no simulation (fast, quiet): the assets named by the document's examples are recorded through the entities
        twin = TestTwin.start(dir, Map.of("twin.simulation.enabled", false));
        port = twin.port();
        twin.readiness().get();
        seedExampleAssets();
        TestTwin.await("read side to see the examples", Duration.ofSeconds(20),
                () -> TestTwin.get(port, "/api/v1/packs").json().get("total").asInt() == 1
                        && TestTwin.get(port, "/api/v1/cells").json().get("total").asInt() == 1);
        TestTwin.Answer a = TestTwin.get(port, "/api/v1/openapi.json");
        assertEquals(200, a.status(), a.body());
        assertTrue(a.contentType().startsWith("application/json"), a.contentType());
        spec = a.json();
    }

    /** DK1-LAM-01, cell C-DK1-00000001 in pack P-DK1-000001 in vehicle VF5-000001: the examples of the document. */
    private static void seedExampleAssets() throws Exception {
        Instant t0 = Instant.parse("2028-01-03T06:00:00Z");
        ClusterSharding sharding = ClusterSharding.get(twin.system());
        Duration t = Duration.ofSeconds(20);
        StationId lam = StationId.of("DK1-LAM-01");
        assertNull(sharding.entityRefFor(StationEntity.TYPE_KEY, lam.value()).<StationEntity.Reply>ask(r -> new StationEntity.RecordAll(List.of(
                new StationEvent.Commissioned(lam, "LAMINATION", 4, Map.of("laminationTemperatureC", 120.0), t0),
                new StationEvent.StateChanged(StationState.RUNNING, "shift start", t0)), r), t).toCompletableFuture().get().rejection());
        CellId cell = CellId.of("C-DK1-00000001");
        PackId pack = PackId.of("P-DK1-000001");
        VehicleId vin = VehicleId.of("VF5-000001");
        var inlay = new InlayRecord(InlayId.of("I-DK1-00000001"), List.of(RollId.of("R-CAT-000001")), lam, t0, 121.5, -46, 53.1, 1.2);
        var factors = new ManufacturingFactors(1.02, 0.0, 0.0, 121.5, -46);
        assertNull(sharding.entityRefFor(CellEntity.TYPE_KEY, cell.value()).<CellEntity.Reply>ask(r -> new CellEntity.RecordAll(List.of(
                new CellEvent.InlaysLaminated(cell, List.of(inlay), t0),
                new CellEvent.Graded("A", 53, 2.5, 1.1, factors, t0.plusSeconds(120)),
                new CellEvent.Packed(pack, 0, t0.plusSeconds(180)),
                new CellEvent.Installed(vin, t0.plusSeconds(240))), r), t).toCompletableFuture().get().rejection());
        assertNull(sharding.entityRefFor(PackEntity.TYPE_KEY, pack.value()).<PackEntity.Reply>ask(r -> new PackEntity.RecordAll(List.of(
                new PackEvent.Assembled(pack, "VF5", List.of(cell), List.of(factors), 37.2, t0.plusSeconds(180)),
                new PackEvent.Installed(vin, "HO_CHI_MINH_CITY", "COMMUTER", t0.plusSeconds(240))), r), t).toCompletableFuture().get().rejection());
    }

    @AfterAll
    static void stop() {
        if (twin != null) twin.close();
    }

    @Test
    void theDocumentIsStructurallyValidOpenApi3() {
        assertEquals(List.of(), OpenApiChecks.validate(spec));
        assertEquals("/problems/invalid-request", spec.at("/components/schemas/Problem/properties/type/example").asText(),
                "the RFC 7807 problem is described");
    }

    record Answer(int status, String contentType, String body) {
        String problemType() {
            if (body == null || !contentType.startsWith("application/problem+json")) return null;
            try {
                return Json.MAPPER.readTree(body).path("type").asText(null);
            } catch (IOException e) {
                return null;
            }
        }

        boolean noSuchRoute() {
            return (status == 404 || status == 405) && NO_ROUTE_TYPES.contains(problemType());
        }
    }

    @Test
    void everyDocumentedOperationIsARealRouteAnsweringADocumentedStatus() {
        List<String> failures = new ArrayList<>();
        int probed = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> p = paths.next();
            for (String method : List.of("get", "put", "post", "delete", "patch")) {
                JsonNode op = p.getValue().get(method);
                if (op == null) continue;
                String op1 = method.toUpperCase() + " " + p.getKey();
                String url;
                try {
                    url = concretePath(p.getKey(), p.getValue(), op);
                } catch (IllegalStateException e) {
                    failures.add(op1 + ": " + e.getMessage());
                    continue;
                }
                String[] body = requestBody(op);
                Answer a = send(method.toUpperCase(), url, body[0], body[1]);
                probed++;
                if (a.noSuchRoute()) {
                    failures.add(op1 + " is documented but the twin has no such route (" + url + " -> " + a.status() + " " + a.body() + ")");
                    continue;
                }
                JsonNode responses = op.get("responses");
                String code = Integer.toString(a.status());
                JsonNode documented = responses.has(code) ? responses.get(code)
                        : responses.has(code.charAt(0) + "XX") ? responses.get(code.charAt(0) + "XX") : responses.get("default");
                if (documented == null) {
                    failures.add(op1 + " (" + url + ") answered " + a.status() + ", documented are only " + names(responses) + ": " + a.body());
                    continue;
                }
                JsonNode schema = OpenApiChecks.resolve(spec, documented).path("content").path("application/json").path("schema");
                if (a.status() < 300 && a.contentType().startsWith("application/json") && !schema.isMissingNode() && a.body() != null) {
                    try {
                        List<String> bad = OpenApiChecks.conforms(spec, schema, Json.MAPPER.readTree(a.body()), op1);
                        failures.addAll(bad);
                    } catch (IOException e) {
                        failures.add(op1 + ": the body is not JSON: " + e.getMessage());
                    }
                }
            }
        }
        assertTrue(probed >= 22, "every operation of the twin's own fragments was probed, were " + probed);
        assertEquals(List.of(), failures, String.join("\n", failures));
    }

    @Test
    void aMethodADocumentedPathDoesNotListIsNoRoute() {
        List<String> failures = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> p = paths.next();
            String url;
            try {
                url = concretePath(p.getKey(), p.getValue(), null);
            } catch (IllegalStateException e) {
                continue; // reported by the test above
            }
            for (String method : List.of("GET", "PUT", "POST", "DELETE", "PATCH")) {
                if (p.getValue().has(method.toLowerCase())) continue;
                Answer a = send(method, url, "application/json", "{}");
                if (!a.noSuchRoute()) {
                    failures.add(method + " " + p.getKey() + " is served (" + url + " -> " + a.status() + ") but not documented");
                }
            }
        }
        assertEquals(List.of(), failures, String.join("\n", failures));
    }

    /** Real routes of the twin: each must be documented. {@code optional} ones are checked only when the twin serves them. */
    record Probe(String method, String path, boolean optional) {}

    static final List<Probe> REAL_ROUTES = List.of(
            new Probe("GET", "/api/v1/health", false), new Probe("GET", "/api/v1/ready", false), new Probe("GET", "/api/v1/clock", false),
            new Probe("GET", "/api/v1/openapi.json", false), new Probe("GET", "/api/v1/model-card", false),
            new Probe("GET", "/api/v1/stations", false), new Probe("GET", "/api/v1/stations/DK1-LAM-01", false),
            new Probe("PUT", "/api/v1/stations/DK1-LAM-01/setpoints/laminationTemperatureC", false),
            new Probe("GET", "/api/v1/cells?status=in_field", false), new Probe("GET", "/api/v1/cells/C-DK1-00000001", false),
            new Probe("GET", "/api/v1/cells/C-DK1-00000001/genealogy", false),
            new Probe("GET", "/api/v1/packs", false), new Probe("GET", "/api/v1/packs/P-DK1-000001", false),
            new Probe("GET", "/api/v1/packs/P-DK1-000001/health", false), new Probe("GET", "/api/v1/packs/P-DK1-000001/history", false),
            new Probe("GET", "/api/v1/vehicles/VF5-000001/pack", false), new Probe("POST", "/api/v1/telemetry", false),
            new Probe("GET", "/api/v1/plant/kpis", false), new Probe("POST", "/api/v1/plant/mes-records", false),
            new Probe("GET", "/api/v1/designs", false),
            new Probe("GET", "/api/v1/studies", false), new Probe("POST", "/api/v1/studies", false),
            new Probe("GET", "/api/v1/studies/s-unknown", false), new Probe("DELETE", "/api/v1/studies/s-unknown", false),
            new Probe("GET", "/api/v1/studies/s-unknown/result.csv", false), new Probe("GET", "/api/v1/studies/s-unknown/soh.png", false),
            // routes of features merged later: documented whenever served
            new Probe("GET", "/api/v1/scenarios", true), new Probe("GET", "/api/v1/scenarios/bundled", true),
            new Probe("POST", "/api/v1/scenarios", true), new Probe("GET", "/api/v1/scenarios/x-unknown", true),
            new Probe("DELETE", "/api/v1/scenarios/x-unknown", true),
            new Probe("GET", "/api/v1/fleet/soh-distribution?by=month", true), new Probe("GET", "/api/v1/search?q=DK1", true),
            new Probe("GET", "/api/v1/events", true), new Probe("GET", "/api/v1/connectors", true),
            new Probe("GET", "/api/v1/cells/C-DK1-00000001/history", true), new Probe("GET", "/api/v1/stations/DK1-LAM-01/history", true),
            // battery passport and Asset Administration Shell (issue 18)
            new Probe("GET", "/api/v1/packs/P-DK1-000001/passport", false), new Probe("GET", "/api/v1/packs/P-DK1-000001/passport/qr.png", false),
            new Probe("GET", "/api/v1/aas/shells", false),
            new Probe("GET", "/api/v1/aas/shells/" + org.ssbtwin.api.passport.PassportShell.encodeId("urn:ssbtwin:aas:P-DK1-000001"), false),
            new Probe("GET", "/api/v1/aas/submodels/" + org.ssbtwin.api.passport.PassportShell.encodeId("urn:ssbtwin:aas:P-DK1-000001:TechnicalData") + "/$value", false));

    @Test
    void everyRealRouteIsDocumented() {
        List<String> failures = new ArrayList<>();
        for (Probe probe : REAL_ROUTES) {
            Answer a = send(probe.method(), probe.path(), "application/json", "{}");
            if (a.noSuchRoute()) {
                if (!probe.optional()) failures.add(probe + " is no route of the twin: the probe list is stale (" + a.status() + ")");
                continue;
            }
            String path = probe.path().replaceFirst("\\?.*$", "");
            boolean documented = false;
            for (Iterator<Map.Entry<String, JsonNode>> it = spec.get("paths").fields(); it.hasNext() && !documented; ) {
                Map.Entry<String, JsonNode> p = it.next();
                String regex = Pattern.quote(p.getKey()).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q");
                documented = path.matches(regex) && p.getValue().has(probe.method().toLowerCase());
            }
            if (!documented) failures.add(probe.method() + " " + path + " is served (" + a.status() + ") but not documented");
        }
        assertEquals(List.of(), failures, String.join("\n", failures));
    }

    @Test
    void noSuchRouteIsToldApartFromAnUnknownAsset() {
        Answer route = send("GET", "/api/v1/no-such-thing", null, null);
        assertEquals(404, route.status());
        assertEquals("/problems/no-such-route", route.problemType(), route.body());
        Answer asset = send("GET", "/api/v1/cells/C-DK1-99999999", null, null);
        assertEquals(404, asset.status());
        assertEquals("/problems/not-found", asset.problemType(), asset.body());
        assertFalse(asset.noSuchRoute());
        Answer method = send("DELETE", "/api/v1/clock", null, null);
        assertEquals(405, method.status());
        assertTrue(method.noSuchRoute(), method.body());
    }

    // ---- building requests from the document's examples ----

    /** The path with every {param} replaced by its example, plus the required query parameters' examples. */
    static String concretePath(String template, JsonNode item, JsonNode op) {
        Map<String, JsonNode> params = new TreeMap<>();
        for (JsonNode p : item.path("parameters")) params.put(key(p), OpenApiChecks.resolve(spec, p));
        if (op != null) {
            for (JsonNode p : op.path("parameters")) params.put(key(p), OpenApiChecks.resolve(spec, p));
        } else {
            // no operation given: take the path parameters' examples of any operation of the path
            item.fields().forEachRemaining(e -> {
                if (OpenApiChecks.METHODS.contains(e.getKey())) {
                    for (JsonNode p : e.getValue().path("parameters")) params.putIfAbsent(key(p), OpenApiChecks.resolve(spec, p));
                }
            });
        }
        StringBuilder path = new StringBuilder();
        Matcher m = TEMPLATE_PARAM.matcher(template);
        while (m.find()) {
            JsonNode p = params.get("path:" + m.group(1));
            String example = p == null ? null : example(p);
            if (example == null) throw new IllegalStateException("path parameter " + m.group(1) + " has no example");
            m.appendReplacement(path, Matcher.quoteReplacement(URLEncoder.encode(example, StandardCharsets.UTF_8).replace("+", "%20")));
        }
        m.appendTail(path);
        List<String> query = new ArrayList<>();
        params.forEach((k, p) -> {
            if (k.startsWith("query:") && p.path("required").asBoolean(false)) {
                String example = example(p);
                if (example == null) throw new IllegalStateException("required query parameter " + p.get("name").asText() + " has no example");
                query.add(URLEncoder.encode(p.get("name").asText(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(example, StandardCharsets.UTF_8));
            }
        });
        return query.isEmpty() ? path.toString() : path + "?" + String.join("&", query);
    }

    private static String key(JsonNode p) {
        JsonNode r = OpenApiChecks.resolve(spec, p);
        return r.path("in").asText() + ":" + r.path("name").asText();
    }

    private static String example(JsonNode p) {
        JsonNode e = p.has("example") ? p.get("example") : p.path("schema").has("example") ? p.path("schema").get("example") : null;
        if (e == null && p.path("examples").isObject() && p.get("examples").size() > 0) {
            e = OpenApiChecks.resolve(spec, p.get("examples").elements().next()).get("value");
        }
        if (e == null && p.path("schema").has("enum")) e = p.path("schema").get("enum").get(0);
        return e == null ? null : e.isTextual() ? e.asText() : e.toString();
    }

    /** {content type, body} from the operation's request body example, or {null, null} without a body. */
    static String[] requestBody(JsonNode op) {
        if (!op.has("requestBody")) return new String[] {null, null};
        JsonNode content = OpenApiChecks.resolve(spec, op.get("requestBody")).path("content");
        if (!content.fields().hasNext()) return new String[] {"application/json", "{}"};
        Map.Entry<String, JsonNode> first = content.fields().next();
        JsonNode media = first.getValue();
        JsonNode e = media.has("example") ? media.get("example")
                : media.path("examples").isObject() && media.get("examples").size() > 0
                ? OpenApiChecks.resolve(spec, media.get("examples").elements().next()).get("value")
                : OpenApiChecks.resolve(spec, media.path("schema")).get("example");
        String body = e == null ? "{}" : e.isTextual() ? e.asText() : e.toString();
        return new String[] {first.getKey(), body};
    }

    /** Sends a request; reads the body only when it has a length (not a stream), so streaming routes can be probed too. */
    static Answer send(String method, String path, String contentType, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) b.header("Content-Type", contentType);
        try {
            HttpResponse<InputStream> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            String type = r.headers().firstValue("Content-Type").orElse("");
            try (InputStream in = r.body()) {
                // a streamed answer (server-sent events, NDJSON feed: no Content-Length) may never end: its body is not read
                boolean finite = r.headers().firstValue("Content-Length").isPresent() && !type.startsWith("text/event-stream");
                String text = finite ? new String(in.readNBytes(4_000_000), StandardCharsets.UTF_8) : null;
                return new Answer(r.statusCode(), type, text);
            }
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> names(JsonNode responses) {
        List<String> out = new ArrayList<>();
        responses.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
