package org.ssbtwin.api.cluster;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.ssbtwin.api.connector.KafkaTelemetryConnectorTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssbtwin.api.FleetFixtures;
import org.ssbtwin.api.TestTwin;
import org.ssbtwin.api.TwinServer;

/**
 * Issue 21, a twin node killed mid-stream: a KRaft broker runs in this JVM (Kafka's KafkaClusterTestKit), two twin
 * nodes run as forked JVMs of one cluster over one embedded PostgreSQL, both with the Kafka connector on in the same
 * consumer group. Telemetry records for packs in service are produced; one node is killed with SIGKILL mid-stream and
 * records keep coming. That node commits no offset (commit interval of an hour), so everything it applied lies after
 * its last commit and is redelivered to the survivor, which takes over its partitions, recognises the redelivered records by
 * their record id and applies every record exactly once: each pack's kilometres are the sum of its records.
 */
class KafkaNodeKillTest {
    private static final String TOPIC = "pack-telemetry";
    private static final String DEAD_LETTERS = "pack-telemetry-dead-letters";
    private static final String GROUP = "ssb-twin-telemetry";
    private static final int PARTITIONS = 4;
    private static final int PACKS = 12;
    private static final int DAYS = 30;
    private static final int KILL_AFTER_DAY = 10;
    private static final double KM = 10.0;
    private static final LocalDate D0 = LocalDate.of(2028, 3, 1);

    @TempDir
    Path dir;

    @Test
    void aNodeKilledMidStreamLeavesItsUncommittedRecordsToTheSurvivorWhichAppliesEachOnce() throws Exception {
        long t0 = System.nanoTime();
        KafkaClusterTestKit kafka = KafkaTelemetryConnectorTest.startBroker(dir.resolve("kafka"));
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            String bootstrap = kafka.bootstrapServers();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1), new NewTopic(DEAD_LETTERS, 1, (short) 1)))
                        .all().get(30, TimeUnit.SECONDS);
            }
            String url = pg.getJdbcUrl("postgres", "postgres");
            bringPacksIntoService(url);
            try (ForkedTwinNodes nodes = new ForkedTwinNodes(dir, url, 2);
                 KafkaProducer<String, byte[]> producer = producer(bootstrap)) {
                try {
                    run(nodes, producer, bootstrap, t0);
                } catch (Throwable t) {
                    nodes.printLogs();
                    throw t;
                }
            }
        } finally {
            kafka.close();
        }
    }

    private void run(ForkedTwinNodes nodes, KafkaProducer<String, byte[]> producer, String bootstrap, long t0) throws Exception {
        // With two nodes the Split Brain Resolver (keep-majority, a tie) keeps the side with the lowest address: the
        // node killed is the one with the higher address, else the survivor would rightly down itself too.
        int v = nodes.artery[0] > nodes.artery[1] ? 0 : 1;
        int sv = 1 - v;
        // the node to be killed never commits: all it applies is after its last commit; the survivor commits every 200 ms
        nodes.start(v, kafkaOptions(bootstrap, "1h"));
        nodes.start(sv, kafkaOptions(bootstrap, "200ms"));
        nodes.awaitReady(v, Duration.ofSeconds(90));
        nodes.awaitReady(sv, Duration.ofSeconds(90));
        int victim = nodes.http[v];
        int survivor = nodes.http[sv];
        TestTwin.await("the two nodes share the " + PARTITIONS + " partitions", Duration.ofSeconds(60),
                () -> assigned(victim).size() == PARTITIONS / 2 && assigned(survivor).size() == PARTITIONS / 2);
        List<String> victimPartitions = assigned(victim);
        System.out.printf("partitions before the kill: to be killed %s, survivor %s%n", victimPartitions, assigned(survivor));

        long victimPersistedBeforeKill = -1;
        for (int day = 0; day < DAYS; day++) {
            for (int p = 1; p <= PACKS; p++) send(producer, p, day);
            if (day == KILL_AFTER_DAY) {
                TestTwin.await("the node to be killed applied part of the stream", Duration.ofSeconds(30), () -> connector(victim).get("persisted").asLong() > 0);
                JsonNode before = connector(victim);
                victimPersistedBeforeKill = before.get("persisted").asLong();
                assertEquals(0, before.get("committedBatches").asLong(), "the node to be killed committed nothing: " + before);
                nodes.kill(v); // SIGKILL mid-stream
                assertFalse(nodes.process(v).isAlive(), "the killed node is dead");
            }
        }
        long produced = (long) PACKS * DAYS;

        TestTwin.await("the survivor took over the killed node's partitions", Duration.ofSeconds(60), () -> assigned(survivor).size() == PARTITIONS);
        assertTrue(assigned(survivor).containsAll(victimPartitions), "the survivor has the killed node's partitions " + victimPartitions);
        TestTwin.await("the survivor applied every record of every pack", Duration.ofSeconds(60), () -> {
            assertTrue(nodes.process(sv).isAlive(), "the survivor runs");
            for (int p = 1; p <= PACKS; p++) if (km(survivor, p) < DAYS * KM) return false;
            return true;
        });
        TestTwin.await("the survivor handled every record", Duration.ofSeconds(30), () -> {
            JsonNode s = connector(survivor);
            return s.get("persisted").asLong() + s.get("duplicates").asLong() >= produced;
        });
        JsonNode s = connector(survivor);
        long persisted = s.get("persisted").asLong();
        long duplicates = s.get("duplicates").asLong();
        for (int p = 1; p <= PACKS; p++) {
            assertEquals(DAYS * KM, km(survivor, p), 1e-9, pack(p) + ": each of its " + DAYS + " records applied exactly once");
        }
        // every record applied once (the kilometres above), the survivor applied the rest: the killed node the difference
        long appliedByVictim = produced - persisted;
        System.out.printf(Locale.ROOT, "Kafka node kill: %d records produced for %d packs; the killed node applied %d (%d seen before SIGKILL) and "
                        + "committed none; the survivor received %d, applied %d, recognised %d redelivered records as already applied, "
                        + "dead-lettered %d, consumer restarts %d; %.1f s%n", produced, PACKS, appliedByVictim, victimPersistedBeforeKill,
                s.get("received").asLong(), persisted, duplicates, s.get("deadLettered").asLong(), s.get("restarts").asLong(),
                (System.nanoTime() - t0) / 1e9);
        assertEquals(0, s.get("deadLettered").asLong(), "nothing refused: " + s);
        assertTrue(appliedByVictim >= victimPersistedBeforeKill, "the killed node's applied records count once in the packs: " + s);
        assertTrue(duplicates >= appliedByVictim,
                "every record the killed node applied after its last commit was redelivered to the survivor and not applied again: " + s);
    }

    /** The packs are assembled and installed by a node in this JVM (its own one-node cluster), which then stops. */
    private void bringPacksIntoService(String pgUrl) throws Exception {
        try (TwinServer writer = TestTwin.start(dir.resolve("writer"), Map.of(
                "twin.database.kind", "postgres", "twin.database.postgres.url", pgUrl, "twin.database.postgres.user", "postgres",
                "twin.simulation.enabled", false))) {
            writer.readiness().get(60, TimeUnit.SECONDS);
            for (int p = 1; p <= PACKS; p++) FleetFixtures.assembleAndInstall(writer.system(), FleetFixtures.pack(p, "VF8", "TEMPERATE", "COMMUTER", 80), p);
        }
    }

    private static String[] kafkaOptions(String bootstrap, String commitInterval) {
        return new String[] {"-Dtwin.kafka.enabled=true", "-Dtwin.kafka.bootstrap-servers=" + bootstrap, "-Dtwin.kafka.group-id=" + GROUP,
                "-Dtwin.kafka.topic=" + TOPIC, "-Dtwin.kafka.dead-letter-topic=" + DEAD_LETTERS, "-Dtwin.kafka.commit-interval=" + commitInterval,
                "-Dtwin.kafka.min-backoff=200ms", "-Dtwin.kafka.max-backoff=2s",
                // a killed member is noticed after the session timeout (the broker's minimum, 6 s)
                "-Dtwin.kafka.properties.session.timeout.ms=6000", "-Dtwin.kafka.properties.heartbeat.interval.ms=1000"};
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    private static String pack(int n) {
        return String.format("P-DK1-%06d", n);
    }

    private static void send(KafkaProducer<String, byte[]> producer, int pack, int day) throws Exception {
        String json = String.format(Locale.ROOT,
                "{\"recordId\":\"kill-%d-%d\",\"packId\":\"%s\",\"date\":\"%s\",\"km\":%.1f,\"dischargeKWh\":%.2f,\"minSoc\":0.3,\"maxSoc\":0.8,"
                        + "\"meanCellTempC\":25,\"dcFastChargeKWh\":5}", pack, day, pack(pack), D0.plusDays(day), KM, KM * 0.2);
        producer.send(new ProducerRecord<>(TOPIC, pack(pack), json.getBytes(StandardCharsets.UTF_8))).get(60, TimeUnit.SECONDS);
    }

    private static JsonNode connector(int port) {
        return TestTwin.get(port, "/api/v1/connectors/kafka").json();
    }

    private static List<String> assigned(int port) {
        List<String> out = new ArrayList<>();
        connector(port).get("assignedPartitions").forEach(p -> out.add(p.asText()));
        return out;
    }

    /** The pack's kilometres, or -1 while its entity does not answer (its shard moving off the killed node). */
    private static double km(int port, int pack) {
        TestTwin.Answer a = TestTwin.get(port, "/api/v1/packs/" + pack(pack));
        return a.status() == 200 ? a.json().get("km").asDouble() : -1;
    }
}
