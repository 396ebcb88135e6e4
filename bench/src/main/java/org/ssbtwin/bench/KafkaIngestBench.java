package org.ssbtwin.bench;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.ssbtwin.api.TwinServer;
import org.ssbtwin.api.connector.KafkaTelemetryConnector;
import org.ssbtwin.api.connector.MqttTelemetryConnector;
import org.ssbtwin.config.KafkaSettings;
import org.ssbtwin.fleet.pack.PackStatus;
import org.ssbtwin.fleet.pack.TelemetryRecord;

/**
 * {@code bench ingest --source kafka}: pack telemetry through Kafka into persisted pack entities on one twin node, with
 * a KRaft broker in this JVM (Kafka's KafkaClusterTestKit, one broker and one controller). A producer sends one NDJSON
 * record per message keyed by pack id, keeping at most {@code inFlight} records produced but not yet persisted (a
 * closed loop like the HTTP bench's clients); the node's Kafka connector reads them in its consumer group and commits
 * offsets after the entities persisted. Prints records/s persisted and end-to-end latency (produce -> persisted: the
 * entities' reply to the connector) in a measured window after a warm-up; figures, never asserted.
 */
public final class KafkaIngestBench {
    private KafkaIngestBench() {}

    public record Options(int packs, int partitions, int inFlight, int parallelism, Duration warmup, Duration duration) {
        public Options {
            if (packs < 1 || packs > 1_000_000) throw new IllegalArgumentException("--packs: must be within [1, 1000000], was " + packs);
            if (partitions < 1 || partitions > 256) throw new IllegalArgumentException("--partitions: must be within [1, 256], was " + partitions);
            if (inFlight < 1 || inFlight > 1_000_000) throw new IllegalArgumentException("--in-flight: must be within [1, 1000000], was " + inFlight);
            if (parallelism < 1 || parallelism > 1024) throw new IllegalArgumentException("--parallelism: must be within [1, 1024], was " + parallelism);
            if (warmup.isNegative()) throw new IllegalArgumentException("--warmup: must be >= 0");
            if (duration.isZero() || duration.isNegative()) throw new IllegalArgumentException("--duration: must be > 0");
        }
    }

    public record Report(int packs, int partitions, int inFlight, int parallelism, long persisted, double seconds, double p50, double p95,
                         double p99, double max, long produced, long deadLettered, long duplicates, long restarts, String metricsSample,
                         String loadAverage) {
        public double recordsPerSecond() {
            return persisted / seconds;
        }

        public String format() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "kafka ingest: 1 node, %d processors, %d packs, topic of %d partitions, %d records in flight, connector parallelism %d, H2%n",
                    Runtime.getRuntime().availableProcessors(), packs, partitions, inFlight, parallelism));
            sb.append(String.format(Locale.ROOT, "%11s %8s %8s %8s %8s %9s %13s %11s %9s%n", "records/s", "p50 ms", "p95 ms", "p99 ms", "max ms",
                    "produced", "dead letters", "duplicates", "restarts"));
            sb.append(String.format(Locale.ROOT, "%11.1f %8.1f %8.1f %8.1f %8.1f %9d %13d %11d %9d%n", recordsPerSecond(), p50, p95, p99, max,
                    produced, deadLettered, duplicates, restarts));
            sb.append("latency: end to end per record, from the producer's send to the pack entity's reply (persisted), in the measured window\n");
            sb.append("load average (1/5/15 min) at the end: ").append(loadAverage).append('\n');
            sb.append("/metrics at the end (ingest lines):\n").append(metricsSample);
            return sb.toString();
        }
    }

    public static Report run(Options o, PrintWriter out) throws Exception {
        out.printf(Locale.ROOT, "kafka ingest bench: %d packs, %d partitions, %d in flight, warm-up %d s + %d s measured, in-JVM KRaft broker%n",
                o.packs(), o.partitions(), o.inFlight(), o.warmup().toSeconds(), o.duration().toSeconds());
        out.flush();
        Path dir = Files.createTempDirectory("ssb-kafka-bench");
        TestKitNodes nodes = new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1)
                .setBaseDirectory(dir.resolve("kafka")).build();
        try (KafkaClusterTestKit kafka = new KafkaClusterTestKit.Builder(nodes)
                .setConfigProp("offsets.topic.replication.factor", "1").setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0").build()) {
            kafka.format();
            kafka.startup();
            kafka.waitForReadyBrokers();
            String topic = "pack-telemetry";
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(topic, o.partitions(), (short) 1), new NewTopic(topic + "-dead-letters", 1, (short) 1)))
                        .all().get(30, TimeUnit.SECONDS);
            }
            try (BenchNodes cluster = BenchNodes.start(1, BenchNodes.Db.H2, Map.of())) {
                TwinServer node = cluster.nodes.get(0);
                long t0 = System.nanoTime();
                BenchPacks.register(node, o.packs(), 500);
                BenchNodes.await("the read side lists the packs in service", Duration.ofSeconds(300), () -> {
                    var inService = new java.util.HashMap<org.ssbtwin.core.id.PackId, org.ssbtwin.fleet.pack.PackSummary>();
                    node.directory().queries().inServicePacks().toCompletableFuture().join().forEach(p -> inService.put(p.id(), p)); // fleet_pack
                    for (int i = o.packs() - 1; i >= 0; i--) {
                        var s = inService.get(BenchPacks.id(i));
                        if (s == null || s.status() != PackStatus.IN_SERVICE) return false;
                    }
                    return true;
                });
                out.printf(Locale.ROOT, "registered %d packs in %.1f s%n", o.packs(), (System.nanoTime() - t0) / 1e9);
                out.flush();
                return measure(o, kafka.bootstrapServers(), topic, node);
            }
        }
    }

    private static Report measure(Options o, String bootstrap, String topic, TwinServer node) throws Exception {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Semaphore window = new Semaphore(o.inFlight());
        long start = System.nanoTime();
        long measureFrom = start + o.warmup().toNanos();
        long measureTo = measureFrom + o.duration().toNanos();
        long[][] latencies = {new long[1 << 16]};
        AtomicLong count = new AtomicLong();
        AtomicLong maxNanos = new AtomicLong();
        Object lock = new Object();
        // the connector's writer is the twin's (sharded asks); the bench only notes when each record's write completed
        MqttTelemetryConnector.TelemetryWriter sharded = MqttTelemetryConnector.shardedWriter(ClusterSharding.get(node.system()),
                node.clock()::now, Duration.ofMillis(node.settings().askTimeoutMillis()));
        MqttTelemetryConnector.TelemetryWriter timed = byPack -> sharded.write(byPack).thenApply(w -> {
            long now = System.nanoTime();
            for (List<TelemetryRecord> records : byPack.values()) {
                for (TelemetryRecord r : records) {
                    Long sent = sentAt.remove(r.recordId());
                    if (sent == null) continue;
                    window.release();
                    if (now >= measureFrom && now <= measureTo) {
                        long l = now - sent;
                        synchronized (lock) {
                            int i = (int) count.getAndIncrement();
                            if (i == latencies[0].length) latencies[0] = Arrays.copyOf(latencies[0], i * 2);
                            latencies[0][i] = l;
                        }
                        maxNanos.accumulateAndGet(l, Math::max);
                    }
                }
            }
            return w;
        });
        KafkaSettings settings = new KafkaSettings(true, bootstrap, "ssb-twin-bench", topic, topic + "-dead-letters", o.parallelism(), 10_000,
                Duration.ofMillis(500), Duration.ofMillis(200), Duration.ofSeconds(2), Map.of());
        KafkaTelemetryConnector connector = new KafkaTelemetryConnector(node.system(), settings, node.directory(), timed);
        connector.start();
        BenchNodes.await("the connector has its partitions", Duration.ofSeconds(60),
                () -> connector.status().assignedPartitions().size() == o.partitions());

        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        AtomicReference<String> producerError = new AtomicReference<>();
        long produced = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            int[] nextDay = new int[o.packs()];
            int pack = 0;
            StringBuilder sb = new StringBuilder(256);
            while (System.nanoTime() < measureTo) {
                if (!window.tryAcquire(100, TimeUnit.MILLISECONDS)) continue;
                int day = nextDay[pack]++;
                sb.setLength(0);
                BenchPacks.appendDay(sb, pack, day);
                String id = "r" + pack + "-" + day;
                sentAt.put(id, System.nanoTime());
                producer.send(new ProducerRecord<>(topic, BenchPacks.id(pack).value(), sb.toString().getBytes(StandardCharsets.UTF_8)), (meta, e) -> {
                    if (e != null) producerError.compareAndSet(null, e.toString());
                });
                produced++;
                pack = (pack + 1) % o.packs();
            }
        }
        var status = connector.status();
        connector.stop().toCompletableFuture().get(30, TimeUnit.SECONDS);
        if (producerError.get() != null) throw new IllegalStateException("the producer failed: " + producerError.get());
        long[] all;
        synchronized (lock) {
            all = Arrays.copyOf(latencies[0], (int) count.get());
        }
        Arrays.sort(all);
        StringBuilder sample = new StringBuilder();
        for (String line : org.ssbtwin.api.metrics.TwinMetrics.get(node.system()).scrape().split("\n")) {
            if (line.startsWith("twin_ingest_records_total") || line.startsWith("twin_ingest_ack_seconds_count")
                    || line.startsWith("twin_ingest_ack_seconds_sum") || line.startsWith("twin_journal_write_seconds_count")
                    || line.startsWith("twin_entities_resident") || line.startsWith("twin_projection_lag_seconds{")) {
                sample.append("  ").append(line).append('\n');
            }
        }
        return new Report(o.packs(), o.partitions(), o.inFlight(), o.parallelism(), all.length, o.duration().toNanos() / 1e9,
                ms(all, 0.5), ms(all, 0.95), ms(all, 0.99), maxNanos.get() / 1e6, produced, status.deadLettered(), status.duplicates(),
                status.restarts(), sample.toString(), BenchNodes.loadAverage());
    }

    private static double ms(long[] sorted, double q) {
        if (sorted.length == 0) return Double.NaN;
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
