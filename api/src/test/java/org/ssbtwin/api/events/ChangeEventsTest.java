package org.ssbtwin.api.events;

import org.ssbtwin.api.Seed;
import org.ssbtwin.api.TestTwin;
import org.ssbtwin.api.TwinServer;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssbtwin.api.http.Json;

/**
 * /api/v1/events over a real HTTP connection: a subscriber receives the change of a matching pack after telemetry is
 * ingested, not the change of a pack that does not match; resuming with Last-Event-ID replays what it missed; the
 * WebSocket variant delivers the same changes.
 */
class ChangeEventsTest {
    @TempDir
    static Path dir;
    static TwinServer twin;
    static int port;
    static final Instant T0 = Instant.parse("2028-01-02T00:00:00Z");
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        twin = TestTwin.start(dir, Map.of("twin.simulation.enabled", false));
        port = twin.port();
        twin.readiness().get();
        Seed seed = new Seed(twin);
        seed.pack("P-DK1-000001", "VF8", "VF8-000001", "HO_CHI_MINH_CITY", T0);
        seed.pack("P-DK1-000002", "VF8", "VF8-000002", "OSLO", T0);
        seed.pack("P-DK2-000003", "VF8", "VF8-000003", "HO_CHI_MINH_CITY", T0);
        TestTwin.await("read side sees the packs", Duration.ofSeconds(20),
                () -> TestTwin.get(port, "/api/v1/packs?state=in_service").json().get("total").asInt() == 3);
    }

    @AfterAll
    static void stop() {
        if (twin != null) twin.close();
    }

    /** One Server-Sent Event. */
    record Sse(String event, String id, String data) {
        JsonNode json() {
            try {
                return Json.MAPPER.readTree(data);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }

    /** An open SSE connection: frames are parsed on a background thread into a queue. */
    static final class SseClient implements AutoCloseable {
        final BlockingQueue<Sse> events = new LinkedBlockingQueue<>();
        final HttpResponse<Stream<String>> response;

        SseClient(String query, String lastEventId) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/events" + query))
                    .header("Accept", "text/event-stream");
            if (lastEventId != null) b.header("Last-Event-ID", lastEventId);
            response = HTTP.send(b.GET().build(), HttpResponse.BodyHandlers.ofLines());
            Thread t = new Thread(() -> {
                String event = null, id = null;
                StringBuilder data = new StringBuilder();
                try {
                    for (var it = response.body().iterator(); it.hasNext(); ) {
                        String line = it.next();
                        if (line.isEmpty()) {
                            if (event != null || data.length() > 0) events.add(new Sse(event, id, data.toString()));
                            event = null;
                            id = null;
                            data.setLength(0);
                        } else if (line.startsWith("event:")) {
                            event = line.substring(6).strip();
                        } else if (line.startsWith("id:")) {
                            id = line.substring(3).strip();
                        } else if (line.startsWith("data:")) {
                            data.append(line.substring(5).strip());
                        }
                    }
                } catch (Exception closed) {
                    // the test closed the stream
                }
            }, "sse-reader");
            t.setDaemon(true);
            t.start();
        }

        Sse next(String eventType) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline) {
                Sse e = events.poll(200, TimeUnit.MILLISECONDS);
                if (e != null && (eventType == null || eventType.equals(e.event()))) return e;
            }
            throw new AssertionError("no '" + eventType + "' event within 20 s");
        }

        @Override
        public void close() {
            response.body().close();
        }
    }

    static final java.util.concurrent.atomic.AtomicInteger DAY = new java.util.concurrent.atomic.AtomicInteger();

    /** Each record one day later than the one before, whatever order the tests run in. */
    static String day(String id, String pack) {
        return day(id, pack, java.time.LocalDate.of(2028, 1, 3).plusDays(DAY.getAndIncrement()).toString());
    }

    static String day(String id, String pack, String date) {
        return String.format(java.util.Locale.ROOT,
                "{\"recordId\":\"%s\",\"packId\":\"%s\",\"date\":\"%s\",\"km\":80,\"dischargeKWh\":19.2,\"minSoc\":0.3,\"maxSoc\":0.8,\"meanCellTempC\":31,\"dcFastChargeKWh\":10}",
                id, pack, date);
    }

    static void ingest(String ndjson) {
        var r = TestTwin.send(port, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/telemetry"))
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(ndjson)));
        assertEquals(200, r.status(), r.body());
    }

    static String q(String kind, String prefix, String condition) {
        return "?kind=" + kind + "&idPrefix=" + prefix + "&condition=" + URLEncoder.encode(condition, StandardCharsets.UTF_8);
    }

    @Test
    void matchingChangesArriveAndOthersDoNot() throws Exception {
        try (SseClient sse = new SseClient(q("pack", "P-DK1-", "climate = HO_CHI_MINH_CITY and soh < 1"), null)) {
            assertEquals(200, sse.response.statusCode());
            assertTrue(sse.response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
            assertEquals(0, sse.next("subscribed").json().get("replayed").asInt());
            // first the packs that must not show up (wrong climate, wrong id prefix), then the one that must
            ingest(day("a1", "P-DK1-000002"));
            ingest(day("b1", "P-DK2-000003"));
            ingest(day("c1", "P-DK1-000001"));
            Sse change = sse.next("change");
            JsonNode c = change.json();
            assertEquals("P-DK1-000001", c.get("id").asText(), "the first change delivered is the matching pack's: " + c);
            assertEquals("pack", c.get("kind").asText());
            assertEquals("pack-usage-recorded", c.get("eventType").asText());
            assertEquals(TestTwin.get(port, "/api/v1/packs/P-DK1-000001").json().get("revision").asInt(), c.get("sequenceNr").asInt());
            assertTrue(c.get("offset").asLong() > 0);
            double soh = c.get("summary").get("stateOfHealth").asDouble();
            assertTrue(soh < 1.0, "the summary is the pack after the change");
            assertEquals(TestTwin.get(port, "/api/v1/packs/P-DK1-000001").json().get("stateOfHealth").asDouble(), soh, 1e-12);
            assertNotNull(change.id(), "every change has an SSE id to resume from");
        }
    }

    @Test
    void resumesWithLastEventId() throws Exception {
        String lastId;
        try (SseClient sse = new SseClient(q("pack", "P-DK1-000001", "soh < 1"), null)) {
            sse.next("subscribed");
            ingest(day("r1", "P-DK1-000001"));
            lastId = sse.next("change").id();
        }
        ingest(day("r2", "P-DK1-000001"));
        ingest(day("r3", "P-DK1-000002"));
        ingest(day("r4", "P-DK1-000001"));
        // the feed follows the journal on its own poll, independent of the projection's: wait until a resume from
        // lastId gets both missed changes of P-DK1-000001 (r2, r4), then check what it got and in which order
        List<Sse> resumed = new ArrayList<>();
        TestTwin.await("the feed has seen r2 and r4", Duration.ofSeconds(30), () -> {
            try (SseClient again = new SseClient(q("pack", "P-DK1-000001", "soh < 1"), lastId)) {
                List<Sse> got = new ArrayList<>();
                for (Sse s = again.next(null); s != null && !"subscribed".equals(s.event()); s = again.next(null)) got.add(s);
                if (got.size() < 2) return false;
                resumed.clear();
                resumed.addAll(got);
                return true;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(2, resumed.size(), "exactly the two missed changes of the pack are replayed: " + resumed);
        Sse first = resumed.get(0);
        Sse second = resumed.get(1);
        assertEquals("change", first.event(), "missed changes come before 'subscribed'");
        assertEquals("change", second.event());
        List<String> dates = new ArrayList<>();
        for (Sse s : List.of(first, second)) dates.add(s.json().get("summary").get("id").asText() + "#" + s.json().get("sequenceNr").asInt());
        assertEquals(2, dates.stream().distinct().count(), dates.toString());
        assertTrue(first.json().get("sequenceNr").asInt() < second.json().get("sequenceNr").asInt());
        try (SseClient again = new SseClient(q("pack", "P-DK1-000001", "soh < 1"), lastId)) {
            again.next("change");
            again.next("change");
            assertEquals(2, again.next("subscribed").json().get("replayed").asInt(), "'subscribed' counts the replayed changes");
        }
        try (SseClient foreign = new SseClient(q("pack", "P-DK1-", "soh < 1"), "zzz-5")) {
            assertTrue(foreign.next(null).event().equals("gap"), "an id of another feed is reported as a gap");
        }
    }

    @Test
    void badSubscriptionsAre400() {
        var r = TestTwin.get(port, "/api/v1/events" + q("pack", "P-", "soh <"));
        assertEquals(400, r.status(), r.body());
        assertEquals("condition", r.json().get("errors").get(0).get("field").asText());
        assertEquals(5, r.json().get("errors").get(0).get("position").asInt());
        assertEquals(400, TestTwin.get(port, "/api/v1/events?kind=vehicle").status());
        assertEquals(400, TestTwin.get(port, "/api/v1/events?colour=red").status());
    }

    @Test
    void webSocketVariant() throws Exception {
        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        WebSocket ws = HTTP.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + "/api/v1/events/ws"
                + q("pack", "P-DK1-000001", "soh < 1")), new WebSocket.Listener() {
            final StringBuilder buf = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                buf.append(data);
                if (last) {
                    frames.add(buf.toString());
                    buf.setLength(0);
                }
                w.request(1);
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
        try {
            String first = frames.poll(20, TimeUnit.SECONDS);
            assertNotNull(first);
            assertEquals("subscribed", Json.MAPPER.readTree(first).get("type").asText());
            ingest(day("w1", "P-DK1-000001"));
            String change = frames.poll(20, TimeUnit.SECONDS);
            assertNotNull(change);
            JsonNode c = Json.MAPPER.readTree(change);
            assertEquals("change", c.get("type").asText());
            assertEquals("P-DK1-000001", c.get("change").get("id").asText());
        } finally {
            ws.abort();
        }
    }
}
