package org.ssbtwin.api.connector;

import org.ssbtwin.api.TestTwin;
import org.ssbtwin.api.TwinServer;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssbtwin.api.connector.MqttTelemetryConnector;
import org.ssbtwin.api.http.Json;
import org.ssbtwin.config.MqttSettings;
import org.ssbtwin.core.id.CellId;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.core.id.VehicleId;
import org.ssbtwin.fleet.pack.PackEvent;
import org.ssbtwin.core.quality.ManufacturingFactors;
import org.ssbtwin.fleet.entity.PackEntity;

/**
 * The MQTT telemetry connector against a real in-JVM broker (Moquette) and a real twin: messages are recorded,
 * malformed ones dead-lettered without stopping the stream, duplicates ignored, and nothing is lost while the twin
 * is down or when a write's outcome is unknown.
 */
class MqttTelemetryConnectorTest {
    static final Instant T0 = Instant.parse("2028-01-02T00:00:00Z");
    static final String DEAD_LETTERS = "twin/dead-letters/telemetry";
    static final String CLIENT = "twin-under-test";

    @TempDir
    static Path dir;
    static Server broker;
    static int mqttPort;
    static TwinServer twin;
    static int port;
    static MqttClient publisher;
    static final BlockingQueue<JsonNode> deadLetters = new LinkedBlockingQueue<>();

    @BeforeAll
    static void start() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            mqttPort = s.getLocalPort();
        }
        Properties p = new Properties();
        p.setProperty("host", "127.0.0.1");
        p.setProperty("port", Integer.toString(mqttPort));
        p.setProperty("websocket_port", "disabled");
        p.setProperty("allow_anonymous", "true");
        p.setProperty("persistence_enabled", "false"); // sessions live in memory as long as the broker runs
        p.setProperty("telemetry_enabled", "false");
        broker = new Server();
        broker.startServer(new MemoryConfig(p));

        twin = TestTwin.start(dir, twinConfig());
        port = twin.port();
        twin.readiness().get(60, TimeUnit.SECONDS);
        for (int i = 1; i <= 4; i++) install(PackId.of(String.format("P-DK1-%06d", i)), VehicleId.of(String.format("VF8-%06d", i)));
        TestTwin.await("the read side sees four packs in service", Duration.ofSeconds(20),
                () -> TestTwin.get(port, "/api/v1/packs?state=in_service").json().get("total").asInt() == 4);
        awaitConnected();

        publisher = client("test-publisher");
        MqttClient dlq = client("test-dead-letter-reader");
        dlq.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {}

            @Override
            public void messageArrived(String topic, MqttMessage message) throws Exception {
                deadLetters.add(Json.MAPPER.readTree(message.getPayload()));
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {}
        });
        dlq.subscribe("twin/dead-letters/#", 1);
    }

    @AfterAll
    static void stop() {
        if (twin != null) twin.close();
        if (broker != null) broker.stopServer();
    }

    static Map<String, Object> twinConfig() {
        Map<String, Object> c = new HashMap<>();
        c.put("twin.simulation.enabled", false);
        c.put("twin.mqtt.enabled", true);
        c.put("twin.mqtt.broker-url", "tcp://127.0.0.1:" + mqttPort);
        c.put("twin.mqtt.client-id", CLIENT);
        c.put("twin.mqtt.topic", "vehicles/+/telemetry");
        c.put("twin.mqtt.dead-letter-topic", DEAD_LETTERS);
        c.put("twin.mqtt.min-backoff", "200ms");
        c.put("twin.mqtt.max-backoff", "2s");
        return c;
    }

    static void install(PackId pack, VehicleId vehicle) throws Exception {
        List<CellId> cells = new ArrayList<>();
        String plant = pack.value().substring(2, 5);
        int n = Integer.parseInt(pack.value().substring(6));
        for (int i = 0; i < 112; i++) cells.add(CellId.of(String.format("C-%s-%08d", plant, n * 1000 + i)));
        var reply = ClusterSharding.get(twin.system()).entityRefFor(PackEntity.TYPE_KEY, pack.value()).<PackEntity.Reply>ask(r -> new PackEntity.RecordAll(List.of(
                new PackEvent.Assembled(pack, "VF8", cells, Collections.nCopies(112, ManufacturingFactors.NOMINAL), 87.7, T0),
                new PackEvent.Installed(vehicle, "HO_CHI_MINH_CITY", "COMMUTER", T0)), r), Duration.ofSeconds(10)).toCompletableFuture().get();
        assertNull(reply.rejection());
    }

    static MqttClient client(String id) throws Exception {
        MqttClient c = new MqttClient("tcp://127.0.0.1:" + mqttPort, id, new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        c.connect(o);
        return c;
    }

    static void publish(String topic, String payload) throws Exception {
        MqttMessage m = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        m.setQos(1);
        publisher.publish(topic, m); // returns once the broker has it (PUBACK)
    }

    static String day(String id, String pack, String date, double km) {
        return String.format(java.util.Locale.ROOT,
                "{\"recordId\":\"%s\",\"packId\":\"%s\",\"date\":\"%s\",\"km\":%.1f,\"dischargeKWh\":%.2f,\"minSoc\":0.3,\"maxSoc\":0.8,\"meanCellTempC\":31,\"dcFastChargeKWh\":10}",
                id, pack, date, km, km * 0.24);
    }

    static JsonNode status() {
        var s = TestTwin.get(port, "/api/v1/connectors/mqtt");
        assertEquals(200, s.status(), s.body());
        return s.json();
    }

    static void awaitConnected() {
        TestTwin.await("the connector is subscribed", Duration.ofSeconds(20), () -> status().get("connected").asBoolean());
    }

    /** The pack's odometer: the sum of the km of every record applied (each test uses its own pack). */
    static double km(String pack) {
        return TestTwin.get(port, "/api/v1/packs/" + pack).json().get("km").asDouble();
    }

    static JsonNode nextDeadLetter() throws InterruptedException {
        JsonNode d = deadLetters.poll(20, TimeUnit.SECONDS);
        assertNotNull(d, "a dead letter arrives");
        return d;
    }

    @Test
    void recordsTelemetryDeadLettersMalformedMessagesAndIgnoresDuplicates() throws Exception {
        JsonNode before = status();
        assertTrue(before.get("enabled").asBoolean());
        String topic = "vehicles/VF8-000001/telemetry";
        publish(topic, day("a1", "P-DK1-000001", "2028-01-03", 80));
        publish(topic, "not json");
        publish(topic, day("a-bad", "P-DK1-000001", "2028-01-04", -5));
        publish(topic, day("a-unknown", "P-DK1-999999", "2028-01-04", 40));
        // a single record may be pretty-printed over several lines
        publish(topic, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(Json.MAPPER.readTree(day("a2", "P-DK1-000001", "2028-01-04", 60))));
        publish(topic, day("a1", "P-DK1-000001", "2028-01-03", 80)); // the same record again
        publish(topic, day("a-old", "P-DK1-000001", "2028-01-03", 10)); // well-formed, but before the pack's last record

        TestTwin.await("all seven messages handled", Duration.ofSeconds(30), () -> {
            JsonNode s = status();
            return s.get("persisted").asLong() - before.get("persisted").asLong() == 2
                    && s.get("deadLettered").asLong() - before.get("deadLettered").asLong() == 4
                    && s.get("duplicates").asLong() - before.get("duplicates").asLong() == 1;
        });
        assertEquals(140.0, km("P-DK1-000001"), 1e-9, "a1 (80 km) and a2 (60 km) recorded once each; the malformed, refused and duplicate ones not");
        JsonNode after = status();
        assertEquals(2, after.get("recordsPersisted").asLong() - before.get("recordsPersisted").asLong());
        assertTrue(after.get("received").asLong() - before.get("received").asLong() >= 7);

        // the status and the dead letters have exactly the fields the OpenAPI fragment documents
        JsonNode schemas;
        try (var in = MqttTelemetryConnectorTest.class.getResourceAsStream("/openapi/connectors.json")) {
            schemas = Json.MAPPER.readTree(in).get("components").get("schemas");
        }
        List<String> documented = new ArrayList<>();
        schemas.get("MqttConnectorStatus").get("properties").fieldNames().forEachRemaining(documented::add);
        List<String> served = new ArrayList<>();
        after.fieldNames().forEachRemaining(served::add);
        assertEquals(documented.stream().sorted().toList(), served.stream().sorted().toList());

        JsonNode notJson = nextDeadLetter();
        notJson.fieldNames().forEachRemaining(f -> assertTrue(schemas.get("MqttDeadLetter").get("properties").has(f), "documented: " + f));
        assertEquals(topic, notJson.get("topic").asText());
        assertEquals("not json", notJson.get("payload").asText(), "the original payload travels with the dead letter");
        assertEquals("line", notJson.get("errors").get(0).get("field").asText());
        assertFalse(notJson.get("reason").asText().isBlank());
        JsonNode badKm = nextDeadLetter();
        assertEquals("km", badKm.get("errors").get(0).get("field").asText(), badKm.toString());
        assertTrue(badKm.get("payload").asText().contains("a-bad"));
        JsonNode unknownPack = nextDeadLetter();
        assertEquals("packId", unknownPack.get("errors").get(0).get("field").asText(), unknownPack.toString());
        assertTrue(unknownPack.get("errors").get(0).get("message").asText().contains("unknown"));
        JsonNode refused = nextDeadLetter();
        assertEquals("P-DK1-000001", refused.get("errors").get(0).get("packId").asText(), refused.toString());
        assertTrue(refused.get("reason").asText().contains("conflict"), refused.toString());
        assertTrue(refused.get("payload").asText().contains("a-old"));
    }

    @Test
    void messagesPublishedWhileTheTwinIsDownAreDeliveredWhenItComesBack() throws Exception {
        String topic = "vehicles/VF8-000002/telemetry";
        publish(topic, day("b1", "P-DK1-000002", "2028-01-03", 50));
        TestTwin.await("b1 recorded", Duration.ofSeconds(20), () -> km("P-DK1-000002") == 50.0);

        twin.close(); // the broker keeps the persistent session's subscription and queues what follows
        twin = null;
        publish(topic, day("b2", "P-DK1-000002", "2028-01-04", 50));
        publish(topic, NDJSON_OF(day("b3", "P-DK1-000002", "2028-01-05", 50), day("b4", "P-DK1-000002", "2028-01-06", 50)));

        twin = TestTwin.start(dir, twinConfig());
        port = twin.port();
        twin.readiness().get(60, TimeUnit.SECONDS);
        TestTwin.await("b2..b4 recorded after the restart", Duration.ofSeconds(30), () -> km("P-DK1-000002") == 200.0);
        TestTwin.await("the new node counts them", Duration.ofSeconds(10), () -> status().get("recordsPersisted").asLong() >= 3);
        assertEquals(0, status().get("deadLettered").asLong(), "nothing was refused on the way");
    }

    static String NDJSON_OF(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    @Test
    void aWriteWithAnUnknownOutcomeIsNotAcknowledgedAndIsRedelivered() throws Exception {
        // a second connector on the same node, on its own topics: the first write is recorded by the pack but its
        // reply is "lost" (as with an ask timeout), so the message must not be acknowledged
        ClusterSharding sharding = ClusterSharding.get(twin.system());
        var real = MqttTelemetryConnector.shardedWriter(sharding, twin.clock()::now, Duration.ofSeconds(10));
        AtomicInteger calls = new AtomicInteger();
        MqttTelemetryConnector.TelemetryWriter flaky = byPack -> calls.incrementAndGet() == 1
                ? real.write(byPack).thenCompose(w -> CompletableFuture.failedFuture(new TimeoutException("ask timed out (injected)")))
                : real.write(byPack);
        MqttSettings settings = new MqttSettings(true, "tcp://127.0.0.1:" + mqttPort, "flaky-connector", "depot/+/telemetry", 1,
                "twin/dead-letters/depot", 4, 16, false, Duration.ofMillis(200), Duration.ofSeconds(1),
                java.util.Optional.empty(), java.util.Optional.empty());
        MqttTelemetryConnector connector = new MqttTelemetryConnector(twin.system(), settings, twin.directory(), flaky);
        connector.start();
        try {
            TestTwin.await("flaky connector subscribed", Duration.ofSeconds(20), () -> connector.status().connected());
            publish("depot/VF8-000003/telemetry", day("c1", "P-DK1-000003", "2028-01-03", 70));
            TestTwin.await("the message redelivered and acknowledged", Duration.ofSeconds(30), () -> connector.status().duplicates() == 1);
            var s = connector.status();
            assertTrue(s.restarts() >= 1, "the unknown outcome restarted the stream: " + s);
            assertEquals(0, s.persisted(), "the first attempt was not counted as done");
            assertEquals(0, s.deadLettered());
            assertEquals(2, calls.get(), "written once, redelivered once");
            assertEquals(70.0, km("P-DK1-000003"), 1e-9, "recorded exactly once");
            assertNotNull(s.lastFailure());
        } finally {
            connector.stop().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
