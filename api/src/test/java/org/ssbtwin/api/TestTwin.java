package org.ssbtwin.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.ssbtwin.api.http.Json;

/** Starts real twin nodes for tests (free ports, a temp data dir) and talks to them over real HTTP. */
public final class TestTwin {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestTwin() {}

    public static TwinServer start(Path dataDir, Map<String, Object> extra) {
        Map<String, Object> o = new HashMap<>();
        o.put("twin.http.port", 0);
        o.put("twin.data-dir", dataDir.toString());
        o.put("pekko.remote.artery.canonical.port", 0);
        o.putAll(extra);
        ConfigFactory.invalidateCaches();
        return TwinServer.start(ConfigFactory.parseMap(o).withFallback(ConfigFactory.load()));
    }

    /**
     * The simulation as before the embedded default's history (issue 15): the small demo line (6-cell demo packs, many
     * packs at once), no history to catch up, readings every 30 min. For tests of the live line and of restarts.
     */
    public static Map<String, Object> smallLiveLine(Map<String, Object> extra) {
        Map<String, Object> o = new HashMap<>(Map.of("twin.simulation.plant-layout", "plant/dunkirk-small.conf",
                "twin.simulation.history-days", 0, "twin.simulation.reading-interval-minutes", 30,
                "twin.simulation.max-vehicles", 2000));
        o.putAll(extra);
        return o;
    }

    public record Answer(int status, String contentType, JsonNode json, String body) {}

    public static Answer get(int port, String path) {
        return send(port, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET());
    }

    public static Answer put(int port, String path, String json) {
        return send(port, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public static Answer send(int port, HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = HTTP.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = r.body().isEmpty() ? null : Json.MAPPER.readTree(r.body());
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), json, r.body());
        } catch (IOException e) {
            throw new IllegalStateException("HTTP call failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits (bounded) for a condition that the system reaches asynchronously; fails with {@code what} otherwise. */
    public static void await(String what, Duration max, BooleanSupplier condition) {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) return;
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
        throw new AssertionError("timed out after " + max.toSeconds() + " s waiting for " + what);
    }
}
