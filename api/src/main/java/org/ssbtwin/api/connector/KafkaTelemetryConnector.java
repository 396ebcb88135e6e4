package org.ssbtwin.api.connector;
import org.ssbtwin.api.ingest.PackTelemetry;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.kafka.CommitterSettings;
import org.apache.pekko.kafka.ConsumerMessage;
import org.apache.pekko.kafka.ConsumerSettings;
import org.apache.pekko.kafka.ProducerSettings;
import org.apache.pekko.kafka.RestrictedConsumer;
import org.apache.pekko.kafka.Subscriptions;
import org.apache.pekko.kafka.javadsl.Committer;
import org.apache.pekko.kafka.javadsl.Consumer;
import org.apache.pekko.kafka.javadsl.PartitionAssignmentHandler;
import org.apache.pekko.kafka.javadsl.SendProducer;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.RestartSettings;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.RestartSource;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ssbtwin.api.http.Json;
import org.ssbtwin.api.metrics.TwinMetrics;
import org.ssbtwin.api.readside.AssetDirectory;
import org.ssbtwin.config.KafkaSettings;

/**
 * Pack telemetry from Kafka, at least once: a consumer group (every ingest node joins it; Kafka spreads the topic's
 * partitions over them and moves them when a node comes or goes) reads one NDJSON telemetry record per message, keyed
 * by pack id, checks it like {@code POST /api/v1/telemetry} ({@link PackTelemetry}), records it through the sharded
 * pack entities (the MQTT connector's {@link MqttTelemetryConnector.TelemetryWriter}) and only then lets its offset be
 * committed:
 *
 * <ul>
 *   <li>recorded, or already recorded (a redelivery after a crash or rebalance: the entities ignore known record
 *       ids): offset committed;</li>
 *   <li>malformed or refused by the pack: sent to the dead-letter topic (same key, a JSON body with the reason, the
 *       errors, the source coordinates and the original payload; header {@code twin-dead-letter-reason}), and once
 *       the broker has it, the offset is committed;</li>
 *   <li>outcome unknown (ask timeout, dead letter not acknowledged, commit failed): the stream fails and restarts
 *       with backoff from the last committed offsets; what was recorded since is read again and ignored as duplicate.</li>
 * </ul>
 *
 * Records of one pack (one key) are processed one after another in offset order, different packs in parallel
 * ({@code parallelism}); results are emitted in offset order, so a committed offset never passes a record still in
 * flight. Demand flows from the committer back to the consumer: at most {@code parallelism} records are in flight
 * and the consumer pauses its partitions instead of buffering without bound.
 */
public final class KafkaTelemetryConnector {
    private static final Logger log = LoggerFactory.getLogger(KafkaTelemetryConnector.class);
    public static final String REASON_HEADER = "twin-dead-letter-reason";

    /** Counters since the node started; {@code received} counts redeliveries too. */
    public record Status(boolean enabled, boolean running, String bootstrapServers, String groupId, String topic, String deadLetterTopic,
                         List<String> assignedPartitions, long received, long persisted, long duplicates, long deadLettered,
                         long committedBatches, long restarts, String lastFailure, String lastMessageAt) {}

    private enum Outcome { PERSISTED, DUPLICATE, DEAD_LETTERED }

    private final ActorSystem<?> system;
    private final KafkaSettings settings;
    private final AssetDirectory directory;
    private final MqttTelemetryConnector.TelemetryWriter writer;
    private final TwinMetrics.IngestMeters meters;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong persisted = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong committedBatches = new AtomicLong();
    private final AtomicLong restarts = new AtomicLong();
    private final Set<String> assigned = new ConcurrentSkipListSet<>();
    private volatile String lastFailure;
    private volatile Instant lastMessageAt;
    private SendProducer<String, byte[]> deadLetters;
    private volatile Consumer.Control control; // the running consumer's, for its lag
    private volatile double lagRecords = Double.NaN;
    private org.apache.pekko.actor.Cancellable lagPolling;
    private UniqueKillSwitch killSwitch;
    private CompletionStage<Done> done;

    public KafkaTelemetryConnector(ActorSystem<?> system, KafkaSettings settings, AssetDirectory directory,
                                   MqttTelemetryConnector.TelemetryWriter writer) {
        this.system = system;
        this.settings = settings;
        this.directory = directory;
        this.writer = writer;
        this.meters = TwinMetrics.get(system).ingest("kafka");
        // NaN while this node consumes nothing (connector off, no partition assigned yet)
        io.micrometer.core.instrument.Gauge.builder("twin.kafka.consumer.lag", this, c -> c.lagRecords).baseUnit("records")
                .description("Records behind the end of the partitions this node consumes (Kafka's records-lag, summed)")
                .tag("group", settings.groupId()).register(TwinMetrics.get(system).registry());
    }

    public KafkaSettings settings() {
        return settings;
    }

    /** Joins the consumer group and starts consuming; stopped by {@link #stop()} or coordinated shutdown. */
    public synchronized void start() {
        if (killSwitch != null) return;
        Map<String, Object> producerProps = new LinkedHashMap<>(settings.properties());
        deadLetters = new SendProducer<>(ProducerSettings.create(Adapter.toClassic(system), new StringSerializer(), new ByteArraySerializer())
                .withBootstrapServers(settings.bootstrapServers())
                .withProperties(Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true"))
                .withProperties(toStrings(producerProps)), Adapter.toClassic(system));
        RestartSettings restart = RestartSettings.create(settings.minBackoff(), settings.maxBackoff(), 0.2)
                .withLogSettings(RestartSettings.createLogSettings(org.apache.pekko.event.Logging.DebugLevel())
                        .withCriticalLogLevel(org.apache.pekko.event.Logging.DebugLevel(), Integer.MAX_VALUE));
        Pair<UniqueKillSwitch, CompletionStage<Done>> running = RestartSource.withBackoff(restart, this::consume)
                .viaMat(KillSwitches.single(), Keep.right())
                .toMat(Sink.ignore(), Keep.both())
                .run(system);
        killSwitch = running.first();
        done = running.second();
        lagPolling = system.scheduler().scheduleAtFixedRate(Duration.ofSeconds(1), TwinMetrics.get(system).settings().sampleInterval(),
                this::pollLag, system.executionContext());
        CoordinatedShutdown.get(system).addTask(CoordinatedShutdown.PhaseServiceUnbind(), "stop-kafka-" + settings.groupId(),
                () -> stop().thenApply(d -> Done.getInstance()).exceptionally(e -> Done.getInstance()));
        log.info("Kafka telemetry connector: group '{}' on {} reading '{}', dead letters to '{}'", settings.groupId(),
                settings.bootstrapServers(), settings.topic(), settings.deadLetterTopic());
    }

    /** Sums the consumer's per-partition {@code records-lag} (NaN before the first fetch or without a consumer). */
    private void pollLag() {
        Consumer.Control c = control;
        if (c == null) return;
        c.getMetrics().whenComplete((metrics, e) -> {
            if (e != null) return;
            double sum = 0;
            int partitions = 0;
            for (var m : metrics.entrySet()) {
                if (m.getKey().name().equals("records-lag") && m.getKey().tags().containsKey("partition")
                        && m.getValue().metricValue() instanceof Double d && !d.isNaN()) {
                    sum += d;
                    partitions++;
                }
            }
            lagRecords = partitions == 0 ? Double.NaN : sum;
        });
    }

    /** Leaves the group; whatever was not committed is read again by the member that takes the partitions over. */
    public synchronized CompletionStage<Done> stop() {
        if (lagPolling != null) lagPolling.cancel();
        control = null;
        if (killSwitch == null) return CompletableFuture.completedFuture(Done.getInstance());
        killSwitch.shutdown();
        CompletionStage<Done> stopped = done;
        SendProducer<String, byte[]> dlq = deadLetters;
        killSwitch = null;
        deadLetters = null;
        return stopped.handle((d, e) -> d).thenCompose(d -> dlq.close()).thenApply(d -> {
            assigned.clear();
            return Done.getInstance();
        });
    }

    /**
     * Stops at once as a crashed node would: nothing in flight completes and no pending offset is committed (the
     * group coordinator moves the partitions after the session times out or the consumer closes).
     */
    public synchronized CompletionStage<Done> abort() {
        if (lagPolling != null) lagPolling.cancel();
        control = null;
        if (killSwitch == null) return CompletableFuture.completedFuture(Done.getInstance());
        killSwitch.abort(new IllegalStateException("connector aborted"));
        CompletionStage<Done> stopped = done;
        SendProducer<String, byte[]> dlq = deadLetters;
        killSwitch = null;
        deadLetters = null;
        return stopped.handle((d, e) -> Done.getInstance()).thenCompose(d -> dlq.close()).thenApply(d -> {
            assigned.clear();
            return Done.getInstance();
        });
    }

    public Status status() {
        boolean running;
        synchronized (this) {
            running = killSwitch != null;
        }
        Instant last = lastMessageAt;
        return new Status(settings.enabled(), running, settings.bootstrapServers(), settings.groupId(), settings.topic(),
                settings.deadLetterTopic(), List.copyOf(new TreeSet<>(assigned)), received.get(), persisted.get(), duplicates.get(),
                deadLettered.get(), committedBatches.get(), restarts.get(), lastFailure, last == null ? null : last.toString());
    }

    private static Map<String, String> toStrings(Map<String, Object> m) {
        Map<String, String> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }

    /** One consumer's life in the group: read, record, commit; fails on an unknown outcome (then restarted). */
    private Source<Done, NotUsed> consume() {
        ConsumerSettings<String, byte[]> consumer = ConsumerSettings.create(Adapter.toClassic(system), new StringDeserializer(), new ByteArrayDeserializer())
                .withBootstrapServers(settings.bootstrapServers())
                .withGroupId(settings.groupId())
                .withProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")
                .withProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false")
                .withProperties(settings.properties());
        CommitterSettings committer = CommitterSettings.create(Adapter.toClassic(system))
                .withMaxBatch(settings.maxBatch()).withMaxInterval(settings.commitInterval());
        PartitionAssignmentHandler partitions = new PartitionAssignmentHandler() {
            @Override
            public void onRevoke(Set<TopicPartition> revoked, RestrictedConsumer c) {
                revoked.forEach(tp -> assigned.remove(tp.toString()));
            }

            @Override
            public void onAssign(Set<TopicPartition> added, RestrictedConsumer c) {
                added.forEach(tp -> assigned.add(tp.toString()));
                log.info("Kafka telemetry connector: partitions assigned {}", added);
            }

            @Override
            public void onLost(Set<TopicPartition> lost, RestrictedConsumer c) {
                lost.forEach(tp -> assigned.remove(tp.toString()));
            }

            @Override
            public void onStop(Set<TopicPartition> stopped, RestrictedConsumer c) {
                assigned.clear();
            }
        };
        return Consumer.committableSource(consumer, Subscriptions.topics(settings.topic()).withPartitionAssignmentHandler(partitions))
                // one pack's records in offset order; results in offset order, so a commit never passes a record in flight
                .<ConsumerMessage.CommittableOffset, String>mapAsyncPartitioned(settings.parallelism(), m -> partitionKey(m.record()),
                        (m, key) -> handle(m.record()).thenApply(o -> m.committableOffset()))
                .via(Committer.batchFlow(committer))
                .map(batch -> {
                    committedBatches.incrementAndGet();
                    return Done.getInstance();
                })
                .mapMaterializedValue(c -> {
                    control = c;
                    return NotUsed.getInstance();
                })
                .watchTermination((mat, terminated) -> {
                    terminated.whenComplete((d, e) -> {
                        assigned.clear();
                        if (e != null) {
                            restarts.incrementAndGet();
                            lastFailure = Instant.now() + " " + e;
                            log.warn("Kafka telemetry connector failed ({}); records after the last commit will be read again", e.toString());
                        }
                    });
                    return mat;
                });
    }

    /** The pack id (the message key), or the partition for a message without key. */
    private static String partitionKey(ConsumerRecord<String, byte[]> r) {
        return r.key() != null ? r.key() : "partition-" + r.partition();
    }

    private CompletionStage<Outcome> handle(ConsumerRecord<String, byte[]> r) {
        long t0 = System.nanoTime();
        received.incrementAndGet();
        lastMessageAt = Instant.now();
        byte[] bytes = r.value() == null ? new byte[0] : r.value();
        return PackTelemetry.check(bytes, directory).thenCompose(checked -> handle(r, t0, bytes, checked));
    }

    private CompletionStage<Outcome> handle(ConsumerRecord<String, byte[]> r, long t0, byte[] bytes, PackTelemetry.Checked checked) {
        if (!checked.valid()) {
            meters.rejected(checked.metricReason(), Math.max(1, checked.parsed() == null ? 1 : checked.parsed().lines()));
            return deadLetter(r, bytes, checked.payload(), checked.reason(), checked.errors(), t0);
        }
        if (r.key() != null && !(checked.parsed().byPack().size() == 1 && checked.parsed().byPack().containsKey(org.ssbtwin.core.id.PackId.of(r.key())))) {
            meters.rejected("malformed", checked.parsed().lines());
            return deadLetter(r, bytes, checked.payload(), "the message key must be the pack id of its record(s)",
                    List.of(Map.of("field", "key", "message", "key '" + r.key() + "' is not the record's packId")), t0);
        }
        CompletionStage<MqttTelemetryConnector.Written> write;
        try {
            write = writer.write(checked.parsed().byPack());
        } catch (RuntimeException e) {
            write = CompletableFuture.failedFuture(e);
        }
        return write.thenCompose(w -> {
            if (!w.refusals().isEmpty()) {
                meters.rejected("refused", checked.parsed().lines());
                return deadLetter(r, bytes, checked.payload(), "telemetry conflicts with the packs' state; nothing was recorded", w.refusals(), t0);
            }
            if (w.duplicate()) {
                duplicates.incrementAndGet();
                meters.acknowledged(t0);
                return CompletableFuture.completedFuture(Outcome.DUPLICATE);
            }
            persisted.incrementAndGet();
            meters.persisted(checked.parsed().lines(), t0);
            return CompletableFuture.completedFuture(Outcome.PERSISTED);
        });
    }

    private CompletionStage<Outcome> deadLetter(ConsumerRecord<String, byte[]> r, byte[] bytes, String payload, String reason, List<?> errors, long t0) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("topic", r.topic());
        doc.put("partition", r.partition());
        doc.put("offset", r.offset());
        doc.put("key", r.key());
        doc.put("reason", reason);
        doc.put("errors", errors);
        if (payload != null) doc.put("payload", payload);
        else doc.put("payloadBase64", Base64.getEncoder().encodeToString(bytes));
        doc.put("receivedAt", Instant.now().toString());
        doc.put("connector", settings.groupId());
        log.warn("Kafka telemetry {}-{}@{} dead-lettered to '{}': {} {}", r.topic(), r.partition(), r.offset(), settings.deadLetterTopic(),
                reason, errors.size() > 3 ? errors.subList(0, 3) + " ..." : errors);
        SendProducer<String, byte[]> dlq;
        synchronized (this) {
            dlq = deadLetters;
        }
        if (dlq == null) return CompletableFuture.failedFuture(new IllegalStateException("connector stopped"));
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(settings.deadLetterTopic(), r.key(), Json.bytes(doc));
        letter.headers().add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        // committed only once the broker has the dead letter; a failed send fails the stream (read again after restart)
        return dlq.send(letter).thenApply(meta -> {
            deadLettered.incrementAndGet();
            meters.deadLettered();
            meters.acknowledged(t0);
            return Outcome.DEAD_LETTERED;
        });
    }
}
