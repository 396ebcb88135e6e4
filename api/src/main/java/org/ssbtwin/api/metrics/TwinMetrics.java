package org.ssbtwin.api.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.AbstractExtensionId;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.Extension;
import org.apache.pekko.actor.ExtensionIdProvider;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.ssbtwin.config.MetricsSettings;

/**
 * The meters of one node (one actor system), exposed in the Prometheus text format at {@code /metrics}. One registry
 * per actor system, so several nodes in one JVM (tests, benches) never mix their figures. Names follow the Prometheus
 * conventions: the unit in the name ({@code _seconds}, {@code _bytes}), {@code _total} on counters. The catalogue is
 * in docs/metrics.md; deploy/grafana and deploy/prometheus use only these names (checked by MetricsCatalogueTest).
 */
public final class TwinMetrics implements Extension {
    /** The ingest sources, each with its records, acknowledgement latency and rejections. */
    public static final List<String> SOURCES = List.of("http", "mqtt", "kafka");
    /** Why records were not recorded: not parseable or a bad field, a pack not in service, refused by the pack. */
    public static final List<String> REJECTION_REASONS = List.of("malformed", "unknown_pack", "refused");

    private static final Id ID = new Id();

    private final MetricsSettings settings;
    private final PrometheusMeterRegistry registry;
    private final Map<String, IngestMeters> ingest = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> projectionLagMillis = new ConcurrentHashMap<>();
    private final Timer journalWrites;
    private JvmGcMetrics gc;

    private TwinMetrics(ExtendedActorSystem system) {
        this.settings = MetricsSettings.from(system.settings().config());
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        if (settings.enabled()) {
            new JvmMemoryMetrics().bindTo(registry);
            gc = new JvmGcMetrics();
            gc.bindTo(registry);
            new JvmThreadMetrics().bindTo(registry);
            new ClassLoaderMetrics().bindTo(registry);
            new ProcessorMetrics().bindTo(registry);
            new UptimeMetrics().bindTo(registry);
            new FileDescriptorMetrics().bindTo(registry);
            system.registerOnTermination(() -> {
                if (gc != null) gc.close();
                registry.close();
            });
        }
        for (String source : SOURCES) ingest(source); // every source's series exist from the start (0 until used)
        this.journalWrites = Timer.builder("twin.journal.write")
                .description("Journal writes (one atomic batch of events of one entity) from request to database commit")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }

    /** The node's metrics (created with the actor system's {@code twin.metrics} settings on first use). */
    public static TwinMetrics get(org.apache.pekko.actor.ActorSystem system) {
        return ID.get(system);
    }

    public static TwinMetrics get(org.apache.pekko.actor.typed.ActorSystem<?> system) {
        return ID.get(Adapter.toClassic(system));
    }

    public boolean enabled() {
        return settings.enabled();
    }

    public MetricsSettings settings() {
        return settings;
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition (format 0.0.4) of every meter. */
    public String scrape() {
        return registry.scrape();
    }

    /** The meters of one ingest source ({@link #SOURCES}). */
    public IngestMeters ingest(String source) {
        return ingest.computeIfAbsent(source, s -> new IngestMeters(registry, s));
    }

    public Timer journalWrites() {
        return journalWrites;
    }

    /** Sets the lag (now minus the event's time) of one projection instance; the gauge exists from its first call. */
    public void projectionLag(String projection, String slice, Duration lag) {
        projectionLagMillis.computeIfAbsent(projection + "|" + slice, k -> {
            AtomicLong v = new AtomicLong();
            Gauge.builder("twin.projection.lag", v, a -> a.get() / 1000.0).baseUnit("seconds")
                    .description("Time between an event's write and its projection, per projection and slice (instance)")
                    .tags("projection", projection, "slice", slice).register(registry);
            return v;
        }).set(Math.max(0, lag.toMillis()));
        Counter.builder("twin.projection.events").description("Events handled by the projection, per projection and slice")
                .tags("projection", projection, "slice", slice).register(registry).increment();
    }

    /** Records, acknowledgement latency and rejections of one ingest source. */
    public static final class IngestMeters {
        private final MeterRegistry registry;
        private final String source;
        private final Counter records;
        private final Timer ack;
        private final Counter deadLetters;
        private final Map<String, Counter> rejected = new ConcurrentHashMap<>();

        IngestMeters(MeterRegistry registry, String source) {
            this.registry = registry;
            this.source = source;
            this.records = Counter.builder("twin.ingest.records").description("Telemetry records persisted by the pack entities, per source")
                    .tag("source", source).register(registry);
            this.ack = Timer.builder("twin.ingest.ack")
                    .description("From receiving a telemetry message or request to its acknowledgement (entities persisted or dead letter safe)")
                    .tag("source", source).publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(60)).register(registry);
            this.deadLetters = Counter.builder("twin.ingest.dead.letters").description("Messages sent to the dead-letter topic, per source")
                    .tag("source", source).register(registry);
            for (String reason : REJECTION_REASONS) rejectedCounter(reason);
        }

        private Counter rejectedCounter(String reason) {
            return rejected.computeIfAbsent(reason, r -> Counter.builder("twin.ingest.rejected.records")
                    .description("Telemetry records not recorded, per source and reason").tags("source", source, "reason", r).register(registry));
        }

        /** {@code n} records persisted; {@code startNanos} is {@link System#nanoTime()} when the message arrived. */
        public void persisted(int n, long startNanos) {
            records.increment(n);
            acknowledged(startNanos);
        }

        public void acknowledged(long startNanos) {
            ack.record(System.nanoTime() - startNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        }

        public void rejected(String reason, int n) {
            rejectedCounter(reason).increment(Math.max(1, n));
        }

        public void deadLettered() {
            deadLetters.increment();
        }
    }

    static final class Id extends AbstractExtensionId<TwinMetrics> implements ExtensionIdProvider {
        @Override
        public TwinMetrics createExtension(ExtendedActorSystem system) {
            return new TwinMetrics(system);
        }

        @Override
        public Id lookup() {
            return ID;
        }
    }
}
