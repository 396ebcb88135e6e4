package org.ssbtwin.api.connector;
import org.ssbtwin.api.metrics.MetricsCatalogueTest;

import org.ssbtwin.api.*;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssbtwin.api.connector.KafkaTelemetryConnector;
import org.ssbtwin.api.connector.MqttTelemetryConnector;
import org.ssbtwin.api.http.Json;
import org.ssbtwin.config.KafkaSettings;

/**
 * The Kafka telemetry connector against a real KRaft broker started in the JVM (Kafka's KafkaClusterTestKit) and a
 * real twin: records are applied once per record id, poison messages are dead-lettered with the reason without
 * stopping the stream, the partitions are shared by two members of the group, a member killed mid-stream leaves its
 * uncommitted records to the other one (read again, applied once), and a broker restart loses nothing.
 */
public class KafkaTelemetryConnectorTest {
    static final String TOPIC = "pack-telemetry";
    static final String DEAD_LETTERS = "pack-telemetry-dead-letters";

    @TempDir
    static Path dir;
    static KafkaClusterTestKit kafka;
    static TwinServer twin;
    static int port;
    static KafkaProducer<String, byte[]> producer;
    static String bootstrap;

    @BeforeAll
    static void start() throws Exception {
        kafka = startBroker(dir.resolve("kafka"));
        bootstrap = kafka.bootstrapServers(); // the test kit keeps the broker's port across a broker restart
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 4, (short) 1), new NewTopic(DEAD_LETTERS, 1, (short) 1),
                    new NewTopic("rebalance", 4, (short) 1), new NewTopic("restart", 2, (short) 1), new NewTopic("restart-dl", 1, (short) 1),
                    new NewTopic("rebalance-dl", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        Map<String, Object> c = new HashMap<>();
        c.put("twin.simulation.enabled", false);
        c.put("twin.kafka.enabled", true);
        c.put("twin.kafka.bootstrap-servers", bootstrap);
        c.put("twin.kafka.topic", TOPIC);
        c.put("twin.kafka.dead-letter-topic", DEAD_LETTERS);
        c.put("twin.kafka.min-backoff", "200ms");
        c.put("twin.kafka.max-backoff", "2s");
        twin = TestTwin.start(dir.resolve("twin"), c);
        port = twin.port();
        twin.readiness().get(60, TimeUnit.SECONDS);
        for (int i = 1; i <= 14; i++) FleetFixtures.assembleAndInstall(twin.system(), FleetFixtures.pack(i, "VF8", "TEMPERATE", "COMMUTER", 80), i);
        TestTwin.await("the read side sees the packs in service", Duration.ofSeconds(30), () -> twin.directory().queries().inServicePacks().toCompletableFuture().join().size() == 14);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
        producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    /** One broker and one controller (separate, so the broker alone can restart). */
    /** One broker and one controller (KRaft) in this JVM, ready; also used by the forked node-kill test. */
    public static KafkaClusterTestKit startBroker(Path base) throws Exception {
        TestKitNodes nodes = new TestKitNodes.Builder().setCombined(false).setNumBrokerNodes(1).setNumControllerNodes(1)
                .setBaseDirectory(base).build();
        KafkaClusterTestKit k = new KafkaClusterTestKit.Builder(nodes)
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("offsets.topic.num.partitions", "4")
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("auto.create.topics.enable", "false").build();
        k.format();
        k.startup();
        k.waitForReadyBrokers();
        return k;
    }

    @AfterAll
    static void stop() throws Exception {
        if (producer != null) producer.close(Duration.ofSeconds(5));
        if (twin != null) twin.close();
        if (kafka != null) kafka.close();
    }

    static String pack(int n) {
        return String.format("P-DK1-%06d", n);
    }

    static String record(String id, int pack, LocalDate date, double km) {
        return String.format(Locale.ROOT,
                "{\"recordId\":\"%s\",\"packId\":\"%s\",\"date\":\"%s\",\"km\":%.1f,\"dischargeKWh\":%.2f,\"minSoc\":0.3,\"maxSoc\":0.8,\"meanCellTempC\":25,\"dcFastChargeKWh\":5}",
                id, pack(pack), date, km, km * 0.2);
    }

    static void send(String topic, String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, value)).get(60, TimeUnit.SECONDS);
    }

    static void send(String topic, int pack, String json) throws Exception {
        send(topic, pack(pack), json.getBytes(StandardCharsets.UTF_8));
    }

    static double km(int pack) {
        return TestTwin.get(port, "/api/v1/packs/" + pack(pack)).json().get("km").asDouble();
    }

    static KafkaTelemetryConnector connector(String group, String topic, String deadLetters, Duration commitInterval) {
        KafkaSettings s = new KafkaSettings(true, bootstrap, group, topic, deadLetters, 16, 100_000, commitInterval,
                Duration.ofMillis(200), Duration.ofSeconds(2), Map.of("session.timeout.ms", "10000", "heartbeat.interval.ms", "1000"));
        return new KafkaTelemetryConnector(twin.system(), s, twin.directory(),
                MqttTelemetryConnector.shardedWriter(ClusterSharding.get(twin.system()), twin.clock()::now, Duration.ofSeconds(10)));
    }

    static List<ConsumerRecord<String, String>> readAll(String topic, int expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + System.nanoTime());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (out.size() < expected && System.nanoTime() < deadline) c.poll(Duration.ofMillis(200)).forEach(out::add);
        }
        return out;
    }

    @Test
    void recordsOncePoisonAndRefusedRecordsGoToTheDeadLetterTopicAndTheStreamGoesOn() throws Exception {
        TestTwin.await("the configured connector has its partitions", Duration.ofSeconds(30),
                () -> TestTwin.get(port, "/api/v1/connectors/kafka").json().get("assignedPartitions").size() == 4);
        LocalDate d0 = LocalDate.of(2028, 1, 3);
        send(TOPIC, 1, record("k1", 1, d0, 80));
        send(TOPIC, pack(1), "not json".getBytes(StandardCharsets.UTF_8)); // poison
        send(TOPIC, pack(2), new byte[] {(byte) 0xC3, (byte) 0x28}); // not UTF-8
        send(TOPIC, 3, record("k-unknown", 99, d0, 40)); // a pack nobody knows
        send(TOPIC, 4, record("k-key", 2, d0, 40)); // keyed by another pack than its record's
        send(TOPIC, 1, record("k2", 1, d0.plusDays(1), 60));
        send(TOPIC, 1, record("k1", 1, d0, 80)); // the same record again
        send(TOPIC, 1, record("k-old", 1, d0, 10)); // well-formed but before the pack's last day: refused
        send(TOPIC, 2, record("k3", 2, d0, 30)); // after the poison of the same key

        TestTwin.await("all nine handled", Duration.ofSeconds(30), () -> {
            JsonNode s = TestTwin.get(port, "/api/v1/connectors/kafka").json();
            return s.get("persisted").asLong() == 3 && s.get("deadLettered").asLong() == 5 && s.get("duplicates").asLong() == 1;
        });
        assertEquals(140.0, km(1), 1e-9, "k1 and k2 applied once each");
        assertEquals(30.0, km(2), 1e-9, "the stream went on after the poison message");
        assertEquals(0.0, km(4), 1e-9, "the mis-keyed record was not applied");

        List<ConsumerRecord<String, String>> letters = readAll(DEAD_LETTERS, 5);
        assertEquals(5, letters.size());
        JsonNode schema;
        try (var in = KafkaTelemetryConnectorTest.class.getResourceAsStream("/openapi/connectors.json")) {
            schema = Json.MAPPER.readTree(in).get("components").get("schemas");
        }
        List<String> reasons = new ArrayList<>();
        for (ConsumerRecord<String, String> r : letters) {
            JsonNode doc = Json.MAPPER.readTree(r.value());
            doc.fieldNames().forEachRemaining(f -> assertTrue(schema.get("KafkaDeadLetter").get("properties").has(f), "documented: " + f));
            String header = new String(r.headers().lastHeader(KafkaTelemetryConnector.REASON_HEADER).value(), StandardCharsets.UTF_8);
            assertEquals(doc.get("reason").asText(), header);
            assertEquals(TOPIC, doc.get("topic").asText());
            assertTrue(doc.has("payload") || doc.has("payloadBase64"), "the original payload travels with the dead letter");
            reasons.add(doc.get("reason").asText());
        }
        assertTrue(reasons.contains("payload is not UTF-8 text"), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.contains("conflicts")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.contains("key")), reasons.toString());

        JsonNode status = TestTwin.get(port, "/api/v1/connectors/kafka").json();
        List<String> served = new ArrayList<>();
        status.fieldNames().forEachRemaining(served::add);
        List<String> documented = new ArrayList<>();
        schema.get("KafkaConnectorStatus").get("properties").fieldNames().forEachRemaining(documented::add);
        assertEquals(documented.stream().sorted().toList(), served.stream().sorted().toList());
        TestTwin.await("offsets committed", Duration.ofSeconds(10),
                () -> TestTwin.get(port, "/api/v1/connectors/kafka").json().get("committedBatches").asLong() >= 1);
        String metrics = MetricsCatalogueTest.get(port, "/metrics");
        TestTwin.await("the consumer's lag is sampled and zero once all is read", Duration.ofSeconds(30), () -> MetricsCatalogueTest.value(
                MetricsCatalogueTest.get(port, "/metrics"), "twin_kafka_consumer_lag_records", Map.of("group", "ssb-twin-telemetry")) == 0.0);
        // the other tests' connectors run on the same node: at least this test's records
        assertTrue(MetricsCatalogueTest.value(metrics, "twin_ingest_records_total", Map.of("source", "kafka")) >= 3, "kafka records counted");
        assertTrue(MetricsCatalogueTest.value(metrics, "twin_ingest_rejected_records_total", Map.of("source", "kafka", "reason", "refused")) >= 1);
        assertTrue(MetricsCatalogueTest.value(metrics, "twin_ingest_rejected_records_total", Map.of("source", "kafka", "reason", "malformed")) >= 3);
    }

    @Test
    void aMemberKilledMidStreamLeavesItsUncommittedRecordsToTheOtherWhichAppliesThemOnce() throws Exception {
        // a long commit interval: the member that dies has committed nothing, so all it recorded is read again
        KafkaTelemetryConnector a = connector("rebalance-group", "rebalance", "rebalance-dl", Duration.ofMinutes(5));
        KafkaTelemetryConnector b = connector("rebalance-group", "rebalance", "rebalance-dl", Duration.ofMillis(200));
        a.start();
        b.start();
        try {
            TestTwin.await("the two members share the four partitions", Duration.ofSeconds(60),
                    () -> a.status().assignedPartitions().size() == 2 && b.status().assignedPartitions().size() == 2);
            int[] packs = {5, 6, 7, 8, 9, 10, 11, 12};
            int days = 25;
            LocalDate d0 = LocalDate.of(2028, 2, 1);
            for (int day = 0; day < days; day++) {
                for (int p : packs) send("rebalance", p, record("r-" + p + "-" + day, p, d0.plusDays(day), 10));
                if (day == 10) {
                    TestTwin.await("member A recorded part of the stream", Duration.ofSeconds(30), () -> a.status().persisted() > 0);
                    a.abort().toCompletableFuture().get(30, TimeUnit.SECONDS); // killed: nothing in flight completes, nothing committed
                }
            }
            long persistedByA = a.status().persisted();
            assertTrue(persistedByA > 0);
            assertEquals(0, a.status().committedBatches(), "A never committed");
            TestTwin.await("B took over and applied everything", Duration.ofSeconds(90), () -> {
                for (int p : packs) if (km(p) != days * 10.0) return false;
                return true;
            });
            TestTwin.await("B has all four partitions", Duration.ofSeconds(30), () -> b.status().assignedPartitions().size() == 4);
            var s = b.status();
            assertTrue(s.duplicates() >= 1, "records after A's last commit were redelivered to B: " + s);
            assertEquals(0, s.deadLettered(), s.toString());
            assertEquals(days * packs.length, persistedByA + s.persisted(), "every record applied exactly once (" + persistedByA + " by A)");
            for (int p : packs) assertEquals(days * 10.0, km(p), 1e-9, pack(p) + " applied once per record");
        } finally {
            a.stop().toCompletableFuture().get(30, TimeUnit.SECONDS);
            b.stop().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aBrokerRestartLosesNothing() throws Exception {
        KafkaTelemetryConnector c = connector("restart-group", "restart", "restart-dl", Duration.ofMillis(200));
        c.start();
        try {
            TestTwin.await("assigned", Duration.ofSeconds(60), () -> c.status().assignedPartitions().size() == 2);
            LocalDate d0 = LocalDate.of(2028, 3, 1);
            for (int day = 0; day < 10; day++) for (int p : new int[] {13, 14}) send("restart", p, record("s-" + p + "-" + day, p, d0.plusDays(day), 5));
            TestTwin.await("the first half applied", Duration.ofSeconds(30), () -> km(13) == 50.0 && km(14) == 50.0);

            var broker = kafka.brokers().values().iterator().next();
            broker.shutdown();
            broker.awaitShutdown();
            Thread.sleep(2000); // the consumer notices the broker is gone
            broker.startup();
            kafka.waitForReadyBrokers();

            for (int day = 10; day < 20; day++) for (int p : new int[] {13, 14}) send("restart", p, record("s-" + p + "-" + day, p, d0.plusDays(day), 5));
            TestTwin.await("the second half applied after the restart", Duration.ofSeconds(90), () -> km(13) == 100.0 && km(14) == 100.0);
            assertEquals(40, c.status().persisted(), "each record persisted once: " + c.status());
            assertEquals(0, c.status().deadLettered());
        } finally {
            c.stop().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }
}
