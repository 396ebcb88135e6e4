package org.ssbtwin.api.auth;
import org.ssbtwin.api.http.OpenApiChecks;

import org.ssbtwin.api.*;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssbtwin.config.AuthSettings;

/**
 * Issue 19.8: every operation of the served OpenAPI document declares its security as access control really works,
 * checked against a real node with access control on: an operation documented public ({@code security: []}) answers
 * without a key; every other one answers 401 without a key, 403 with a key of a smaller role than its
 * {@code x-required-role}, and neither with a key of that role. Bodies are {@code {}} (refused after the access check),
 * so nothing is written and no job starts.
 */
class OpenApiSecurityTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern TEMPLATE_PARAM = Pattern.compile("\\{([^}/]+)}");
    static final Map<String, String> KEYS = Map.of("reader", "reader-key-19-aa11", "operator", "operator-key-19-bb22",
            "engineer", "engineer-key-19-cc33");
    static final List<String> ROLES = List.of("reader", "operator", "engineer");

    @TempDir
    static Path dir;
    static TwinServer twin;
    static int port;
    static JsonNode spec;

    @BeforeAll
    static void start() {
        twin = TestTwin.start(dir, Map.of("twin.simulation.enabled", false, "twin.auth.enabled", true,
                "twin.auth.keys", List.of(
                        Map.of("name", "dashboard", "role", "reader", "key", KEYS.get("reader")),
                        Map.of("name", "ingest", "role", "operator", "key-sha256", AuthSettings.sha256Hex(KEYS.get("operator"))),
                        Map.of("name", "lab", "role", "engineer", "key", KEYS.get("engineer")))));
        port = twin.port();
        twin.readiness().join();
        spec = TestTwin.get(port, "/api/v1/openapi.json").json();
    }

    @AfterAll
    static void stop() {
        if (twin != null) twin.close();
    }

    @Test
    void everyOperationDeclaresTheSecurityThatTheNodeEnforces() {
        List<String> failures = new ArrayList<>();
        int secured = 0;
        int open = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> p = paths.next();
            for (String method : List.of("get", "put", "post", "delete", "patch")) {
                JsonNode op = p.getValue().get(method);
                if (op == null) continue;
                String name = method.toUpperCase() + " " + p.getKey();
                String url = concrete(p.getKey(), p.getValue(), op);
                String type = op.has("requestBody")
                        ? OpenApiChecks.resolve(spec, op.get("requestBody")).path("content").fieldNames().next() : null;
                JsonNode security = op.get("security");
                if (security == null || !security.isArray()) {
                    failures.add(name + " declares no security");
                    continue;
                }
                int anonymous = status(method, url, type, null);
                if (security.isEmpty()) {
                    open++;
                    if (anonymous == 401 || anonymous == 403) failures.add(name + " is documented public but answered " + anonymous + " without a key");
                    continue;
                }
                secured++;
                List<String> schemes = new ArrayList<>();
                security.forEach(s -> s.fieldNames().forEachRemaining(schemes::add));
                for (String scheme : schemes) {
                    if (!spec.at("/components/securitySchemes/" + scheme).isObject()) failures.add(name + ": scheme " + scheme + " is not defined");
                }
                if (anonymous != 401) failures.add(name + " declares security but answered " + anonymous + " without a key");
                String role = op.path("x-required-role").asText("");
                if (!ROLES.contains(role)) {
                    failures.add(name + " names no x-required-role, was '" + role + "'");
                    continue;
                }
                for (String keyRole : ROLES) {
                    int s = status(method, url, type, KEYS.get(keyRole));
                    boolean enough = ROLES.indexOf(keyRole) >= ROLES.indexOf(role);
                    if (enough && (s == 401 || s == 403)) failures.add(name + " needs " + role + " but refused a " + keyRole + " key with " + s);
                    if (!enough && s != 403) failures.add(name + " needs " + role + " but answered a " + keyRole + " key with " + s);
                }
            }
        }
        assertTrue(secured >= 30 && open >= 3, "secured " + secured + ", public " + open);
        assertEquals(List.of(), failures, String.join("\n", failures));
    }

    static int status(String method, String url, String contentType, String key) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + url)).timeout(Duration.ofSeconds(20))
                .method(method.toUpperCase(), contentType == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"));
        if (contentType != null) b.header("Content-Type", contentType);
        if (key != null) b.header("Authorization", "Bearer " + key);
        try {
            HttpResponse<InputStream> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            r.body().close(); // a stream (server-sent events) is not read
            return r.statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The path with each parameter's example (or "x"), and the required query parameters' examples. */
    static String concrete(String template, JsonNode item, JsonNode op) {
        List<JsonNode> params = new ArrayList<>();
        item.path("parameters").forEach(p -> params.add(OpenApiChecks.resolve(spec, p)));
        op.path("parameters").forEach(p -> params.add(OpenApiChecks.resolve(spec, p)));
        StringBuilder out = new StringBuilder();
        Matcher m = TEMPLATE_PARAM.matcher(template);
        while (m.find()) {
            String v = params.stream().filter(p -> p.path("in").asText().equals("path") && p.path("name").asText().equals(m.group(1)))
                    .map(OpenApiSecurityTest::example).findFirst().orElse("x");
            m.appendReplacement(out, Matcher.quoteReplacement(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        }
        m.appendTail(out);
        List<String> query = new ArrayList<>();
        for (JsonNode p : params) {
            if (p.path("in").asText().equals("query") && p.path("required").asBoolean(false)) {
                query.add(p.get("name").asText() + "=" + URLEncoder.encode(example(p), StandardCharsets.UTF_8));
            }
        }
        return query.isEmpty() ? out.toString() : out + "?" + String.join("&", query);
    }

    static String example(JsonNode p) {
        JsonNode e = p.has("example") ? p.get("example") : p.path("schema").get("example");
        if (e == null && p.path("schema").has("enum")) e = p.path("schema").get("enum").get(0);
        return e == null ? "x" : e.isTextual() ? e.asText() : e.toString();
    }
}
