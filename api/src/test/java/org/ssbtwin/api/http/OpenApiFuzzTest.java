package org.ssbtwin.api.http;

import org.ssbtwin.api.*;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.ssbtwin.api.http.Json;
import org.ssbtwin.plant.station.StationEvent;
import org.ssbtwin.plant.station.StationState;

/**
 * Issue 19, "beyond the list": walks every operation of the OpenAPI document that a real node serves with generated
 * hostile inputs (hostile path and query values, wrong JSON types, missing and unknown fields, huge, negative and
 * non-finite numbers, unicode and control characters, deep nesting, an oversized body, trailing garbage, wrong
 * content types) plus malformed requests below the routes (raw socket), and fails on any 5xx, any answer slower than
 * 10 s and any error that is not {@code application/problem+json}. Seeded (same inputs every run); bounded by a
 * request budget and a 45 s deadline. Then checks that the node's heap and threads come back near their baseline.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenApiFuzzTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration HANG = Duration.ofSeconds(10);
    /** Pekko HTTP's pekko.http.server.parsing.max-content-length (8m). */
    private static final int MAX_CONTENT_LENGTH = 8 * 1024 * 1024;
    private static final Duration DEADLINE = Duration.ofSeconds(45);
    /** Java, Scala or library class names: a problem explains in the API's terms, it does not leak the stack. */
    private static final Pattern INTERNALS = Pattern.compile("\\b(java|javax|scala|com\\.fasterxml|org\\.apache|org\\.ssbtwin)\\.[a-z]+\\.[A-Za-z.$]+");
    private static final Pattern TEMPLATE_PARAM = Pattern.compile("\\{([^}/]+)}");
    private static final List<String> HOSTILE_TEXT = List.of("", " ", "-1", "0", "NaN", "Infinity", "1e309", "-1e309",
            "99999999999999999999999", "true", "null", "[]", "{}", "é☃𝄞", "\u0000", "\u0001\u001f\u007f", "\r\nX-Injected: 1",
            "../../etc/passwd", "'; DROP TABLE journal; --", "${jndi:ldap://x}", "%zz", "x".repeat(5_000));
    private static final List<String> HOSTILE_JSON = List.of("null", "true", "false", "0", "-1", "1e308", "-1e308", "1e309",
            "99999999999999999999999999999", "0.0000000000000000000001", "\"\"", "\"x\"", "\"\\u0000\\u0001\"", "\"é☃𝄞\"",
            "\"" + "y".repeat(100_000) + "\"", "[]", "[null]", "{}", "{\"a\":{\"b\":{}}}", "[".repeat(50) + "]".repeat(50),
            "\"+999999999-12-31\"", substitutionBomb());

    /** Issue 19.1's 530-byte HOCON (7 levels of ten ${prev}), as a JSON string: it stopped a node as a fleetSpec. */
    static String substitutionBomb() {
        StringBuilder sb = new StringBuilder("l0 = \\\"xxxxxxxxxx\\\"\\n");
        for (int level = 1; level <= 7; level++) {
            sb.append('l').append(level).append(" = \\\"\\\"");
            for (int i = 0; i < 10; i++) sb.append("${l").append(level - 1).append('}');
            sb.append("\\n");
        }
        return "\"" + sb.append("fleet { name = ${l7} }") + "\"";
    }

    @TempDir
    static Path dir;
    static TwinServer twin;
    static int port;
    static JsonNode spec;
    static long baselineHeap;
    static int baselineThreads;

    @BeforeAll
    static void start() {
        twin = TestTwin.start(dir, Map.of("twin.simulation.enabled", false));
        port = twin.port();
        twin.readiness().join();
        Instant t0 = Instant.parse("2028-01-03T06:00:00Z");
        Seed seed = new Seed(twin);
        seed.station("DK1-LAM-01", new StationEvent.Commissioned(org.ssbtwin.core.id.StationId.of("DK1-LAM-01"), "LAMINATION", 4,
                Map.of("laminationTemperatureC", 120.0), t0));
        seed.station("DK1-LAM-01", new StationEvent.StateChanged(StationState.RUNNING, "shift start", t0));
        seed.cell("C-DK1-00000001", "DK1-LAM-01", t0);
        seed.pack("P-DK1-000001", "VF5", "VF5-000001", "HO_CHI_MINH_CITY", t0);
        TestTwin.await("read side sees the examples", Duration.ofSeconds(20),
                () -> TestTwin.get(port, "/api/v1/packs").json().get("total").asInt() == 1);
        spec = TestTwin.get(port, "/api/v1/openapi.json").json();
        // the baseline: the node warmed up by a few ordinary requests
        for (int i = 0; i < 20; i++) TestTwin.get(port, "/api/v1/packs/P-DK1-000001");
        baselineHeap = usedHeapAfterGc();
        baselineThreads = nodeThreads();
    }

    @AfterAll
    static void stop() {
        if (twin != null) twin.close();
    }

    /** One generated request. */
    record Probe(String operation, String method, String path, String contentType, byte[] body) {
        @Override
        public String toString() {
            String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 120), StandardCharsets.UTF_8);
            return operation + ": " + method + " " + (path.length() > 160 ? path.substring(0, 160) + "..." : path)
                    + (contentType == null ? "" : " [" + contentType + "] ") + shown.replaceAll("\\p{Cntrl}", "?");
        }
    }

    static int requests;
    /** Answers by operation and status, printed after the run. */
    static final java.util.SortedMap<String, Integer> STATUSES = new java.util.TreeMap<>();
    static final List<String> failures = new ArrayList<>();

    @Test
    @Order(1)
    void noHostileRequestGetsA5xxAHangOrANonProblemError() {
        List<Probe> probes = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(19);
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> p = paths.next();
            for (String method : List.of("get", "put", "post", "delete", "patch")) {
                JsonNode op = p.getValue().get(method);
                if (op == null) continue;
                operations++;
                probes.addAll(probesFor(method.toUpperCase(), p.getKey(), p.getValue(), op, random));
            }
        }
        long started = System.nanoTime();
        for (Probe probe : probes) {
            if (System.nanoTime() - started > DEADLINE.toNanos()) {
                failures.add("the fuzz run did not finish within " + DEADLINE.toSeconds() + " s: " + requests + " of " + probes.size() + " sent");
                break;
            }
            send(probe);
        }
        for (String raw : malformedRequests()) {
            requests++;
            String verdict = sendRaw(raw);
            if (verdict != null) failures.add(verdict + " <- " + raw.substring(0, Math.min(raw.length(), 100)).replaceAll("\\p{Cntrl}", "?"));
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        STATUSES.forEach((k, v) -> System.out.println("  " + k + ": " + v));
        System.out.printf("OpenApiFuzzTest: %d operations, %d requests in %d s, %d failure(s)%n", operations, requests, seconds, failures.size());
        assertTrue(operations >= 30, "every operation of the document was walked, were " + operations);
        assertTrue(requests >= 1_000, "requests sent: " + requests);
        assertEquals(List.of(), failures.size() > 40 ? failures.subList(0, 40) : failures, failures.size() + " failure(s):\n"
                + String.join("\n", failures.size() > 40 ? failures.subList(0, 40) : failures));
    }

    @Test
    @Order(2)
    void heapAndThreadsReturnNearTheirBaselineAfterTheFuzzRun() {
        // threads: pools may have grown under load; they must shrink back (idle connections close, streams end)
        TestTwin.await("threads back near the baseline of " + baselineThreads, Duration.ofSeconds(30),
                () -> nodeThreads() <= baselineThreads + 8);
        // near: what stays is the few hundred records the fuzz run was allowed to write, not its bodies. The valid
        // study and scenario requests among the probes start background jobs that hold their populations until they
        // end (seconds on a loaded machine): the heap must come back once they have, never stay up.
        long[] heap = {0};
        TestTwin.await("used heap after GC back near the baseline of " + baselineHeap / 1_048_576 + " MB", Duration.ofSeconds(60),
                () -> (heap[0] = usedHeapAfterGc()) <= baselineHeap + 64L * 1024 * 1024);
        assertTrue(heap[0] <= baselineHeap + 64L * 1024 * 1024,
                "used heap after GC " + heap[0] / 1_048_576 + " MB, baseline " + baselineHeap / 1_048_576 + " MB");
        assertEquals(200, TestTwin.get(port, "/api/v1/ready").status(), "the node is still ready");
    }

    /** Live threads of this JVM but the test's own HTTP client's (its pool keeps idle workers for a minute). */
    static int nodeThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !t.getName().startsWith("HttpClient-")).count();
    }

    static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    // ---- generating probes ----

    static List<Probe> probesFor(String method, String template, JsonNode item, JsonNode op, SplittableRandom random) {
        String name = method + " " + template;
        Map<String, JsonNode> params = new LinkedHashMap<>();
        for (JsonNode p : item.path("parameters")) params.put(key(p), resolve(p));
        for (JsonNode p : op.path("parameters")) params.put(key(p), resolve(p));
        Map<String, String> examples = new LinkedHashMap<>();
        params.forEach((k, p) -> examples.put(k, example(p)));
        String[] body = requestBody(op);
        String goodPath = path(template, examples, Map.of());
        List<Probe> out = new ArrayList<>();
        // hostile path parameters, one at a time (percent-encoded: the route decodes them)
        params.keySet().stream().filter(k -> k.startsWith("path:")).forEach(k -> {
            for (String v : HOSTILE_TEXT) {
                out.add(new Probe(name, method, path(template, examples, Map.of(k, v)), body[0], bytes(body[1])));
            }
        });
        // hostile query parameters, declared ones and an undeclared one
        List<String> queryNames = new ArrayList<>(params.keySet().stream().filter(k -> k.startsWith("query:")).map(k -> k.substring(6)).toList());
        queryNames.add("undeclared");
        for (String q : queryNames) {
            for (String v : HOSTILE_TEXT) {
                String query = URLEncoder.encode(q, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8);
                out.add(new Probe(name, method, goodPath + (goodPath.contains("?") ? "&" : "?") + query, body[0], bytes(body[1])));
            }
        }
        // bodies: for operations that take one, and a stray body for those that do not
        if (body[0] == null) {
            out.add(new Probe(name, method, goodPath, "application/json", bytes("{\"unexpected\": true}")));
            out.add(new Probe(name, method, goodPath, "text/plain", bytes("hello")));
            return out;
        }
        String type = body[0];
        for (String[] wrong : List.of(new String[] {"text/plain", body[1]}, new String[] {"image/png", body[1]},
                new String[] {"application/x-www-form-urlencoded", "a=1"}, new String[] {"application/xml", "<a/>"},
                new String[] {null, body[1]})) {
            out.add(new Probe(name, method, goodPath, wrong[0], bytes(wrong[1])));
        }
        for (String raw : List.of("", "null", "true", "42", "\"text\"", "[]", "[{}]", "{", "}", "{\"a\":}", "NaN",
                "{\"value\": NaN}", body[1] + " xyz", body[1] + "}", "\uFEFF" + body[1], "[".repeat(100_000),
                "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000), "\u0000\u0001\u0002")) {
            out.add(new Probe(name, method, goodPath, type, bytes(raw)));
        }
        // an oversized body: above Pekko's max-content-length (8 MB)
        out.add(new Probe(name, method, goodPath, type, bytes(" ".repeat(9 * 1024 * 1024) + body[1])));
        // field by field: each field of the example replaced by hostile JSON, removed, and an unknown one added
        JsonNode example = parseExample(body[1], type);
        if (example instanceof ObjectNode object) {
            // the example's fields and every property the request schema declares (e.g. fleetSpec next to fleet)
            List<String> fields = new ArrayList<>();
            object.fieldNames().forEachRemaining(fields::add);
            JsonNode schema = resolve(resolve(op.get("requestBody")).path("content").path(type).path("schema"));
            schema.path("properties").fieldNames().forEachRemaining(f -> {
                if (!fields.contains(f)) fields.add(f);
            });
            for (String f : fields) {
                for (String v : HOSTILE_JSON) {
                    String mutated = object.deepCopy().without(f).toString();
                    String json = mutated.equals("{}") ? "{\"" + f + "\":" + v + "}"
                            : mutated.substring(0, mutated.length() - 1) + ",\"" + f + "\":" + v + "}";
                    out.add(new Probe(name, method, goodPath, type, bytes(json)));
                }
                out.add(new Probe(name, method, goodPath, type, bytes(object.deepCopy().without(f).toString())));
                if (!object.has(f)) continue;
                // one level deeper: elements of arrays of objects (MES records) get the same treatment
                if (object.get(f).isArray() && object.get(f).size() > 0 && object.get(f).get(0).isObject()) {
                    ObjectNode element = (ObjectNode) object.get(f).get(0);
                    List<String> inner = new ArrayList<>();
                    element.fieldNames().forEachRemaining(inner::add);
                    for (String g : inner) {
                        for (int i = 0; i < 4; i++) {
                            ObjectNode copy = object.deepCopy();
                            ObjectNode e = (ObjectNode) copy.get(f).get(0);
                            e.set(g, json(HOSTILE_JSON.get(random.nextInt(HOSTILE_JSON.size()))));
                            out.add(new Probe(name, method, goodPath, type, bytes(copy.toString())));
                        }
                    }
                }
            }
            ObjectNode unknown = object.deepCopy();
            unknown.put("unknownField\u0001é", "x");
            out.add(new Probe(name, method, goodPath, type, bytes(unknown.toString())));
            // many lines of one hostile record (NDJSON) or one record repeated
            if (type.contains("ndjson")) {
                ObjectNode far = object.deepCopy();
                for (String date : List.of("+999999999-12-31", "9999-12-31", "-999999999-01-01", "0000-01-01", "2028-02-30")) {
                    far.put("date", date);
                    out.add(new Probe(name, method, goodPath, type, bytes(far.toString())));
                }
                out.add(new Probe(name, method, goodPath, type, bytes("{}\n".repeat(50_001))));
            }
        }
        return out;
    }

    static JsonNode parseExample(String text, String type) {
        try {
            String first = type.contains("ndjson") ? text.strip().split("\n")[0] : text;
            return Json.MAPPER.readTree(first);
        } catch (IOException e) {
            return null;
        }
    }

    static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    static String key(JsonNode p) {
        JsonNode r = resolve(p);
        return r.path("in").asText() + ":" + r.path("name").asText();
    }

    static JsonNode resolve(JsonNode node) {
        return OpenApiChecks.resolve(spec, node);
    }

    static String example(JsonNode p) {
        JsonNode e = p.has("example") ? p.get("example") : p.path("schema").has("example") ? p.path("schema").get("example") : null;
        if (e == null && p.path("examples").isObject() && p.get("examples").size() > 0) {
            e = resolve(p.get("examples").elements().next()).get("value");
        }
        if (e == null && p.path("schema").has("enum")) e = p.path("schema").get("enum").get(0);
        return e == null ? "x" : e.isTextual() ? e.asText() : e.toString();
    }

    /** The path with its parameters' examples, {@code override}n ones replaced; required query parameters' examples. */
    static String path(String template, Map<String, String> examples, Map<String, String> override) {
        StringBuilder out = new StringBuilder();
        Matcher m = TEMPLATE_PARAM.matcher(template);
        while (m.find()) {
            String k = "path:" + m.group(1);
            String v = override.getOrDefault(k, examples.getOrDefault(k, "x"));
            m.appendReplacement(out, Matcher.quoteReplacement(URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20")));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** {content type, body} from the operation's request body example, or {null, null} without a body. */
    static String[] requestBody(JsonNode op) {
        if (!op.has("requestBody")) return new String[] {null, null};
        JsonNode content = resolve(op.get("requestBody")).path("content");
        if (!content.fields().hasNext()) return new String[] {"application/json", "{}"};
        Map.Entry<String, JsonNode> first = content.fields().next();
        JsonNode media = first.getValue();
        JsonNode e = media.has("example") ? media.get("example")
                : media.path("examples").isObject() && media.get("examples").size() > 0
                ? resolve(media.get("examples").elements().next()).get("value")
                : resolve(media.path("schema")).get("example");
        return new String[] {first.getKey(), e == null ? "{}" : e.isTextual() ? e.asText() : e.toString()};
    }

    // ---- sending and judging ----

    static void send(Probe probe) {
        requests++;
        HttpRequest.Builder b;
        try {
            b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + probe.path())).timeout(HANG)
                    .method(probe.method(), probe.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(probe.body()));
        } catch (IllegalArgumentException notAUri) {
            failures.add("the generator built a bad URI: " + probe);
            return;
        }
        if (probe.contentType() != null) b.header("Content-Type", probe.contentType());
        try {
            HttpResponse<InputStream> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            String type = r.headers().firstValue("Content-Type").orElse("");
            STATUSES.merge(probe.operation() + " " + r.statusCode(), 1, Integer::sum);
            try (InputStream in = r.body()) {
                if (r.statusCode() >= 500) {
                    failures.add(r.statusCode() + " " + text(in) + " <- " + probe);
                } else if (r.statusCode() >= 400 && !type.startsWith("application/problem+json")) {
                    failures.add(r.statusCode() + " as " + type + " (not a problem) " + text(in) + " <- " + probe);
                } else if (r.statusCode() >= 400) {
                    byte[] answer = in.readNBytes(1_000_000);
                    if (in.read() >= 0) {
                        failures.add(r.statusCode() + " problem larger than 1 MB (an amplification) <- " + probe);
                        return;
                    }
                    JsonNode problem = Json.MAPPER.readTree(answer);
                    Matcher leak = INTERNALS.matcher(problem.toString());
                    if (leak.find()) failures.add(r.statusCode() + " problem names an internal class (" + leak.group() + ") <- " + probe);
                    if (!problem.path("type").isTextual() || problem.path("status").asInt() != r.statusCode()) {
                        failures.add(r.statusCode() + " problem without type or with another status: " + problem + " <- " + probe);
                    }
                }
                // a 2xx stream (server-sent events) is not read: it never ends by design
            }
        } catch (HttpTimeoutException e) {
            failures.add("no answer within " + HANG.toSeconds() + " s <- " + probe);
        } catch (IOException e) {
            // a body above the limit: the node answers 413 and closes the connection while the client is still sending,
            // so the client may see the reset instead of the answer (HTTP/1.1 over TCP); any other failure is one
            if (probe.body() == null || probe.body().length <= MAX_CONTENT_LENGTH) {
                failures.add("connection failed (" + e + ") <- " + probe);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String text(InputStream in) throws IOException {
        return new String(in.readNBytes(300), StandardCharsets.UTF_8).replaceAll("\\p{Cntrl}", "?");
    }

    /** Requests the HTTP engine refuses before routing: too long, too many or too large headers, bad escapes, methods. */
    static List<String> malformedRequests() {
        String host = "Host: 127.0.0.1\r\n";
        List<String> out = new ArrayList<>();
        out.add("GET /api/v1/packs/" + "A".repeat(20_000) + " HTTP/1.1\r\n" + host + "\r\n");
        out.add("GET /api/v1/packs HTTP/1.1\r\n" + host + "X-Big: " + "b".repeat(20_000) + "\r\n\r\n");
        StringBuilder many = new StringBuilder("GET /api/v1/packs HTTP/1.1\r\n" + host);
        for (int i = 0; i < 200; i++) many.append("X-H").append(i).append(": v\r\n");
        out.add(many.append("\r\n").toString());
        out.add("GET /api/v1/packs/%zz HTTP/1.1\r\n" + host + "\r\n");
        out.add("GET /api/v1/packs?page=%G1 HTTP/1.1\r\n" + host + "\r\n");
        out.add("GET /api/v1/packs/%00%01 HTTP/1.1\r\n" + host + "\r\n");
        out.add("FOO /api/v1/packs HTTP/1.1\r\n" + host + "\r\n");
        out.add("BREW /api/v1/packs HTTP/1.1\r\n" + host + "\r\n");
        out.add("GET /api/v1/packs HTTP/9.9\r\n" + host + "\r\n");
        out.add("GET /api/v1/packs HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -5\r\n\r\n");
        out.add("POST /api/v1/telemetry HTTP/1.1\r\n" + host + "Content-Type: application/x-ndjson\r\nContent-Length: 99999999999\r\n\r\n{}");
        out.add("POST /api/v1/telemetry HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\nContent-Type: application/x-ndjson\r\n\r\nZZ\r\n");
        out.add("GET /api/v1/packs HTTP/1.1\r\n" + host + "Bad Header: x\r\n\r\n");
        out.add("GET /api/v1/packs HTTP/1.1\r\n" + host + "Content-Type: ;;;\r\n\r\n");
        out.add("GET /\u00e9\u2603 HTTP/1.1\r\n" + host + "\r\n");
        out.add("GET http://[::1 HTTP/1.1\r\n" + host + "\r\n");
        return out;
    }

    /** A raw request on its own connection; null when the answer is fine, else what is wrong with it. */
    static String sendRaw(String request) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            s.setSoTimeout((int) HANG.toMillis());
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[8192];
            int n;
            try {
                while ((n = in.read(buf)) > 0) {
                    got.write(buf, 0, n);
                    String sofar = got.toString(StandardCharsets.ISO_8859_1);
                    int end = sofar.indexOf("\r\n\r\n");
                    Matcher len = Pattern.compile("(?i)content-length: (\\d+)").matcher(sofar);
                    if (end >= 0 && len.find() && got.size() >= end + 4 + Integer.parseInt(len.group(1))) break;
                }
            } catch (SocketTimeoutException e) {
                if (got.size() == 0) return "no answer within " + HANG.toSeconds() + " s";
            }
            String answer = got.toString(StandardCharsets.UTF_8);
            if (answer.isEmpty()) return null; // the connection was closed without an answer: nothing to judge
            Matcher status = Pattern.compile("^HTTP/1\\.[01] (\\d{3})").matcher(answer);
            if (!status.find()) return "not an HTTP answer: " + answer.substring(0, Math.min(80, answer.length()));
            int code = Integer.parseInt(status.group(1));
            String head = answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n")));
            if (code >= 500 && code != 501 && code != 505) return code + " " + answer.substring(0, Math.min(200, answer.length()));
            if (code >= 400 && !head.toLowerCase().contains("content-type: application/problem+json")) {
                return code + " not a problem: " + answer.substring(0, Math.min(300, answer.length())).replaceAll("\\p{Cntrl}", "?");
            }
            return null;
        } catch (IOException e) {
            return "connection failed: " + e;
        }
    }
}
