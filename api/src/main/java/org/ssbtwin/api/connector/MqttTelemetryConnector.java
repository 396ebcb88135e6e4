package org.ssbtwin.api.connector;
import org.ssbtwin.api.ingest.PackTelemetry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.RestartSettings;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.connectors.mqtt.MqttConnectionSettings;
import org.apache.pekko.stream.connectors.mqtt.MqttQoS;
import org.apache.pekko.stream.connectors.mqtt.MqttSubscriptions;
import org.apache.pekko.stream.connectors.mqtt.javadsl.MqttMessageWithAck;
import org.apache.pekko.stream.connectors.mqtt.javadsl.MqttSource;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.RestartSource;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ssbtwin.api.http.Json;
import org.ssbtwin.api.ingest.TelemetryParser;
import org.ssbtwin.api.readside.AssetDirectory;
import org.ssbtwin.config.MqttSettings;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.fleet.pack.TelemetryRecord;
import org.ssbtwin.fleet.entity.PackEntity;

/**
 * Vehicle telemetry from MQTT, at least once. Each message (one JSON record or an NDJSON batch, the schema and
 * checks of {@code POST /api/v1/telemetry}) is parsed, recorded by the pack entities through sharding, and only
 * then acknowledged to the broker:
 *
 * <ul>
 *   <li>recorded, or already recorded (same record ids; the entities are idempotent): acknowledged;</li>
 *   <li>malformed (not JSON, a bad field, an unknown pack) or refused by the pack (e.g. time going backwards):
 *       published to the dead-letter topic as JSON {@code {topic, reason, errors, payload, receivedAt}}, logged
 *       at WARN, then acknowledged, so it is not redelivered forever and the stream goes on;</li>
 *   <li>outcome unknown (an ask timed out, the dead-letter publish failed): not acknowledged; the stream fails
 *       and is restarted with backoff, and the broker redelivers everything unacknowledged to the persistent
 *       session ({@code clean-session = false}).</li>
 * </ul>
 *
 * Messages of one topic (one vehicle, so one pack) are processed one after another, in arrival order, which is
 * the order MQTT guarantees; different topics in parallel ({@code parallelism}).
 */
public final class MqttTelemetryConnector {
    private static final Logger log = LoggerFactory.getLogger(MqttTelemetryConnector.class);

    /** Records the telemetry of one message; fails (e.g. ask timeout) when the outcome is unknown. */
    @FunctionalInterface
    public interface TelemetryWriter {
        CompletionStage<Written> write(Map<PackId, List<TelemetryRecord>> byPack);
    }

    /** The packs' answer: their refusals ({@code packId, field, message}) and whether all records were already recorded. */
    public record Written(List<Map<String, String>> refusals, boolean duplicate) {}

    /** Counters since the node started; {@code received} counts redeliveries too. */
    public record Status(boolean enabled, boolean running, boolean connected, String broker, String clientId, String topic,
                         String deadLetterTopic, long received, long persisted, long duplicates, long deadLettered,
                         long recordsPersisted, long restarts, String lastFailure, String lastMessageAt) {}

    private enum Outcome { PERSISTED, DUPLICATE, DEAD_LETTERED }

    private final ActorSystem<?> system;
    private final MqttSettings settings;
    private final AssetDirectory directory;
    private final TelemetryWriter writer;
    private final org.ssbtwin.api.metrics.TwinMetrics.IngestMeters meters;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong persisted = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong recordsPersisted = new AtomicLong();
    private final AtomicLong restarts = new AtomicLong();
    private volatile boolean connected;
    private volatile String lastFailure;
    private volatile Instant lastMessageAt;
    private DeadLetterPublisher deadLetters;
    private UniqueKillSwitch killSwitch;
    private CompletionStage<Done> done;

    public MqttTelemetryConnector(ActorSystem<?> system, MqttSettings settings, AssetDirectory directory, TelemetryWriter writer) {
        this.system = system;
        this.settings = settings;
        this.directory = directory;
        this.writer = writer;
        this.meters = org.ssbtwin.api.metrics.TwinMetrics.get(system).ingest("mqtt");
        if (settings.enabled()) {
            java.net.URI uri;
            try {
                uri = new java.net.URI(settings.brokerUrl());
            } catch (java.net.URISyntaxException e) {
                uri = null;
            }
            if (uri == null || uri.getHost() == null) {
                throw new org.ssbtwin.core.config.ConfigException("twin.mqtt.broker-url", "not a valid broker URI (scheme://host:port): " + settings.brokerUrl());
            }
        }
    }

    /**
     * Records through the sharded pack entities, all or nothing, each pack asked once ({@link
     * org.ssbtwin.api.ingest.TelemetryBatchWriter}). Packs still held by concurrent batches after its tries, or a batch
     * left incomplete by a pack that lost its held records: the outcome is not a refusal of the records, so the stage
     * fails (not acknowledged, redelivered) instead of dead-lettering them.
     */
    public static TelemetryWriter shardedWriter(ClusterSharding sharding, Supplier<Instant> now, Duration askTimeout) {
        org.ssbtwin.api.ingest.TelemetryBatchWriter batches = new org.ssbtwin.api.ingest.TelemetryBatchWriter(sharding, now, askTimeout);
        return byPack -> batches.write(byPack).thenCompose(r -> {
            if (r.busy() || r.incomplete()) {
                return CompletableFuture.<Written>failedFuture(new IllegalStateException(r.busy()
                        ? "packs held by concurrent telemetry batches; redelivery will retry"
                        : "a pack lost its held records between check and commit; redelivery will complete the message"));
            }
            return CompletableFuture.completedFuture(new Written(r.refusals(), r.duplicate()));
        });
    }

    /** Connects and starts consuming; stopped by {@link #stop()} or the actor system's coordinated shutdown. */
    public synchronized void start() {
        if (killSwitch != null) return;
        try {
            deadLetters = new DeadLetterPublisher(settings);
        } catch (RuntimeException e) {
            log.error("MQTT telemetry connector not started: {}", e.getMessage());
            throw e;
        }
        // each failure is logged once at WARN by consume(); Pekko's own restart log (a stack trace per retry) only at DEBUG
        RestartSettings restart = RestartSettings.create(settings.minBackoff(), settings.maxBackoff(), 0.2)
                .withLogSettings(RestartSettings.createLogSettings(org.apache.pekko.event.Logging.DebugLevel())
                        .withCriticalLogLevel(org.apache.pekko.event.Logging.DebugLevel(), Integer.MAX_VALUE));
        Pair<UniqueKillSwitch, CompletionStage<Done>> running = RestartSource.withBackoff(restart, this::consume)
                .viaMat(KillSwitches.single(), Keep.right())
                .toMat(Sink.ignore(), Keep.both())
                .run(system);
        killSwitch = running.first();
        done = running.second();
        CoordinatedShutdown.get(system).addTask(CoordinatedShutdown.PhaseServiceUnbind(), "stop-mqtt-" + settings.clientId(),
                () -> stop().thenApply(d -> Done.getInstance()).exceptionally(e -> Done.getInstance()));
        log.info("MQTT telemetry connector: {} as {} subscribing to '{}' (QoS {}, clean session {}), dead letters to '{}'",
                settings.brokerUrl(), settings.clientId(), settings.topic(), settings.qos(), settings.cleanSession(), settings.deadLetterTopic());
    }

    /** Stops consuming; whatever was not acknowledged yet is redelivered to the next session. */
    public synchronized CompletionStage<Done> stop() {
        if (killSwitch == null) return CompletableFuture.completedFuture(Done.getInstance());
        killSwitch.shutdown();
        CompletionStage<Done> stopped = done;
        DeadLetterPublisher dlq = deadLetters;
        killSwitch = null;
        deadLetters = null;
        // Paho's disconnect waits for the broker: never on a dispatcher thread
        return stopped.handle((d, e) -> d).thenCompose(d -> CompletableFuture.runAsync(() -> {
            connected = false;
            dlq.close();
        })).thenApply(v -> Done.getInstance());
    }

    public Status status() {
        Instant last = lastMessageAt;
        boolean running;
        synchronized (this) {
            running = killSwitch != null;
        }
        return new Status(settings.enabled(), running, connected, settings.brokerUrl(), settings.clientId(), settings.topic(),
                settings.deadLetterTopic(), received.get(), persisted.get(), duplicates.get(), deadLettered.get(),
                recordsPersisted.get(), restarts.get(), lastFailure, last == null ? null : last.toString());
    }

    public MqttSettings settings() {
        return settings;
    }

    /** One connection's life: subscribe, handle every message, fail on an unknown outcome (then RestartSource reconnects). */
    private Source<Outcome, NotUsed> consume() {
        MqttConnectionSettings connection = MqttConnectionSettings.create(settings.brokerUrl(), settings.clientId(), new MemoryPersistence())
                .withCleanSession(settings.cleanSession())
                .withAutomaticReconnect(false) // RestartSource reconnects, and the broker then redelivers what was not acknowledged
                .withConnectionTimeout(Duration.ofSeconds(10));
        if (settings.username().isPresent()) connection = connection.withAuth(settings.username().get(), settings.password().orElse(""));
        MqttQoS qos = settings.qos() == 2 ? MqttQoS.exactlyOnce() : MqttQoS.atLeastOnce();
        // Pekko's mapAsyncPartitioned runs at most one message per partition (topic) at a time; the sink always
        // demands, so completed results never wait for downstream demand.
        return MqttSource.atLeastOnce(connection, MqttSubscriptions.create(settings.topic(), qos), settings.bufferSize())
                .mapMaterializedValue(subscribed -> {
                    subscribed.whenComplete((d, e) -> {
                        connected = e == null;
                        if (e == null) log.info("MQTT telemetry connector subscribed to '{}' on {}", settings.topic(), settings.brokerUrl());
                    });
                    return NotUsed.getInstance();
                })
                .<Outcome, String>mapAsyncPartitionedUnordered(settings.parallelism(), m -> m.message().topic(), (m, topic) -> handle(m))
                .watchTermination((mat, terminated) -> {
                    terminated.whenComplete((d, e) -> {
                        connected = false;
                        if (e != null) {
                            restarts.incrementAndGet();
                            lastFailure = Instant.now() + " " + e;
                            log.warn("MQTT telemetry connector failed ({}); unacknowledged messages will be redelivered after reconnecting", e.toString());
                        }
                    });
                    return mat;
                });
    }

    private CompletionStage<Outcome> handle(MqttMessageWithAck m) {
        long t0 = System.nanoTime();
        received.incrementAndGet();
        lastMessageAt = Instant.now();
        String topic = m.message().topic();
        byte[] bytes = m.message().payload().toArray();
        return PackTelemetry.check(bytes, directory).thenCompose(checked -> handle(m, t0, topic, bytes, checked)); // same checks as HTTP
    }

    private CompletionStage<Outcome> handle(MqttMessageWithAck m, long t0, String topic, byte[] bytes, PackTelemetry.Checked checked) {
        String payload = checked.payload();
        TelemetryParser.Parsed parsed = checked.parsed();
        if (!checked.valid()) {
            meters.rejected(checked.metricReason(), parsed == null ? 1 : Math.max(parsed.lines(), checked.errors().size()));
            return deadLetter(m, topic, bytes, payload, checked.reason(), checked.errors()).thenApply(o -> acknowledged(o, t0));
        }
        CompletionStage<Written> write;
        try {
            write = writer.write(parsed.byPack());
        } catch (RuntimeException e) {
            write = CompletableFuture.failedFuture(e);
        }
        return write.thenCompose(w -> {
            if (!w.refusals().isEmpty()) {
                meters.rejected("refused", parsed.lines());
                return deadLetter(m, topic, bytes, payload, "telemetry conflicts with the packs' state; nothing was recorded", w.refusals())
                        .thenApply(o -> acknowledged(o, t0));
            }
            // only now, with the events in the journal, is the message acknowledged
            return m.ack().thenApply(done -> {
                if (w.duplicate()) {
                    duplicates.incrementAndGet();
                    meters.acknowledged(t0);
                    return Outcome.DUPLICATE;
                }
                persisted.incrementAndGet();
                recordsPersisted.addAndGet(parsed.lines());
                meters.persisted(parsed.lines(), t0);
                return Outcome.PERSISTED;
            });
        });
    }

    private Outcome acknowledged(Outcome o, long t0) {
        meters.deadLettered();
        meters.acknowledged(t0);
        return o;
    }

    private CompletionStage<Outcome> deadLetter(MqttMessageWithAck m, String topic, byte[] bytes, String payload, String reason, List<?> errors) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("topic", topic);
        doc.put("reason", reason);
        doc.put("errors", errors);
        if (payload != null) doc.put("payload", payload);
        else doc.put("payloadBase64", Base64.getEncoder().encodeToString(bytes));
        doc.put("receivedAt", Instant.now().toString());
        doc.put("connector", settings.clientId());
        log.warn("MQTT telemetry on '{}' dead-lettered to '{}': {} {}", topic, settings.deadLetterTopic(), reason,
                errors.size() > 3 ? errors.subList(0, 3) + " ..." : errors);
        DeadLetterPublisher dlq;
        synchronized (this) {
            dlq = deadLetters;
        }
        if (dlq == null) return CompletableFuture.failedFuture(new IllegalStateException("connector stopped"));
        // acknowledged only once the broker has the dead letter; a failed publish leaves the message unacknowledged
        return dlq.publish(Json.bytes(doc)).thenCompose(v -> m.ack()).thenApply(d -> {
            deadLettered.incrementAndGet();
            return Outcome.DEAD_LETTERED;
        });
    }
}
