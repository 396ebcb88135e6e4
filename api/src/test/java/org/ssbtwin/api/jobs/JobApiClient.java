package org.ssbtwin.api.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ssbtwin.api.TestTwin;
import org.ssbtwin.api.http.Json;

/**
 * A real HTTP client of one job collection on a running twin (e.g. {@code /api/v1/studies}): calls, submits a job
 * expecting 202 + Location, and waits (bounded) for a job's status, failing as soon as it ends in another one.
 */
public final class JobApiClient {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Set<String> ACTIVE = Set.of("QUEUED", "RUNNING");

    /** One HTTP answer. */
    public record Reply(int status, String contentType, Map<String, List<String>> headers, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + text(), e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final int port;
    private final String collection;
    private final String name;
    private final Duration maxWait;

    /**
     * @param collection the jobs' path ("/api/v1/studies")
     * @param name a job's name in failure messages ("study")
     * @param maxWait the longest {@link #awaitStatus} waits
     */
    public JobApiClient(int port, String collection, String name, Duration maxWait) {
        this.port = port;
        this.collection = collection;
        this.name = name;
        this.maxWait = maxWait;
    }

    public String collection() {
        return collection;
    }

    public Reply call(String method, String path, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(20));
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException("HTTP call failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** POSTs the job; asserts 202, its Location and that it is queued or running; returns its id. */
    public String submitted(String body) {
        Reply r = call("POST", collection, body);
        assertEquals(202, r.status(), r.text());
        String id = r.json().get("id").asText();
        assertEquals(collection + "/" + id, r.header("Location"));
        assertTrue(ACTIVE.contains(r.json().get("status").asText()), r.text());
        return id;
    }

    /** The job once it is {@code status}; fails if it ends in another status or the wait times out. */
    public JsonNode awaitStatus(String id, String status) {
        JsonNode[] last = new JsonNode[1];
        TestTwin.await(name + " " + id + " to be " + status, maxWait, () -> {
            last[0] = call("GET", collection + "/" + id, null).json();
            String s = last[0].get("status").asText();
            if (!s.equals(status) && !ACTIVE.contains(s)) {
                fail(name + " " + id + " ended " + s + " instead of " + status + ": " + last[0]);
            }
            return s.equals(status);
        });
        return last[0];
    }

    /** Cancels every queued or running job and waits until each is CANCELLED. */
    public void cancelActive() {
        for (JsonNode job : call("GET", collection, null).json().get("items")) {
            if (ACTIVE.contains(job.get("status").asText())) {
                call("DELETE", collection + "/" + job.get("id").asText(), null);
                awaitStatus(job.get("id").asText(), "CANCELLED");
            }
        }
    }

    /** The fields a 400 problem names. */
    public static Set<String> fields(JsonNode problem) {
        Set<String> out = new HashSet<>();
        problem.get("errors").forEach(e -> out.add(e.get("field").asText()));
        return out;
    }
}
