package org.ssbtwin.api;

import org.ssbtwin.api.ingest.AssetRecorder;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.management.cluster.bootstrap.ClusterBootstrap;
import org.apache.pekko.management.javadsl.PekkoManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ssbtwin.api.ingest.IngestRoutes;
import org.ssbtwin.api.rest.TwinRoutes;
import org.ssbtwin.api.readside.AssetDirectory;
import org.ssbtwin.config.ClusterSettings;
import org.ssbtwin.api.study.StudyJobs;
import org.ssbtwin.api.study.StudyRoutes;
import org.ssbtwin.config.TwinSettings;
import org.ssbtwin.api.cluster.JournalOwnership;
import org.ssbtwin.config.JournalLeaseSettings;
import org.ssbtwin.fleet.entity.PackEntity;
import org.ssbtwin.plant.entity.CellEntity;
import org.ssbtwin.plant.entity.StationEntity;

/**
 * One node of the twin: persistence, cluster and sharding, the read side, the built-in simulation and the HTTP
 * API. {@link #start} returns once HTTP is bound; {@link #ready()} turns true when the journal has been replayed
 * and virtual time runs again.
 */
public final class TwinServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TwinServer.class);

    private final TwinSettings settings;
    private final ActorSystem<Void> system;
    private final AssetDirectory directory;
    private final ResumingTwinClock clock;
    private final ServerBinding binding;
    private final SimulatedSource simulation;
    private final CompletableFuture<Void> readiness;
    /** The H2 file's online compaction (null on PostgreSQL or when off). */
    private org.ssbtwin.api.persistence.H2FileCompaction compaction;
    /** How long telemetry waits after ready for the pack read side to hold the journal of the start (assumed: ~10x a slow catch-up). */
    static final Duration PACKS_KNOWN_WAIT = Duration.ofSeconds(60);
    private final JournalOwnership ownership;

    private TwinServer(TwinSettings settings, ActorSystem<Void> system, AssetDirectory directory, ResumingTwinClock clock,
                       ServerBinding binding, SimulatedSource simulation, CompletableFuture<Void> readiness, JournalOwnership ownership) {
        this.settings = settings;
        this.system = system;
        this.directory = directory;
        this.clock = clock;
        this.binding = binding;
        this.simulation = simulation;
        this.readiness = readiness;
        this.ownership = ownership;
    }

    public static TwinServer start(Config config) {
        long t0 = System.nanoTime();
        TwinSettings settings = TwinSettings.from(config);
        // H2: the start's checks and pools below open and close the embedded database several times; each last close
        // compacts and each open reads the file's chunk layout (tens of seconds on a 1 GB file). One connection held
        // until the node's own pools are up makes it one open (issue 17).
        try (org.ssbtwin.api.persistence.H2StartHold hold = org.ssbtwin.api.persistence.H2StartHold.open(settings)) {
            return start(config, settings, t0);
        }
    }

    private static TwinServer start(Config config, TwinSettings settings, long t0) {
        // a data directory or database that cannot be written fails the start with one line, before anything runs
        org.ssbtwin.api.persistence.JournalWritability.requireWritable(settings);
        PersistenceSetup.createSchema(settings);
        // --- cluster roles (twin.cluster.roles -> pekko.cluster.roles) ---
        ClusterSettings clusterSettings = ClusterSettings.from(config);
        Config roles = ConfigFactory.parseMap(Map.of("pekko.cluster.roles", List.copyOf(clusterSettings.roles())));
        // --- end cluster roles ---
        org.ssbtwin.config.ReadSideSettings readSide = org.ssbtwin.config.ReadSideSettings.from(config); // fleet read side
        Config full = roles.withFallback(PersistenceSetup.persistenceConfig(settings.database()))
                .withFallback(org.ssbtwin.api.readside.FleetProjection.projectionConfig(settings.database(), readSide))
                .withFallback(config).resolve();
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "ssb-twin", full);
        try {
            // the read journal's gap check from ordering 0, now rather than with the projections' first query
            if (readSide.enabled()) org.ssbtwin.api.readside.OrderingScan.start(system);
            Cluster cluster = Cluster.get(system);
            // --- cluster formation: Cluster Bootstrap (Kubernetes), seed nodes, or a single node joining itself ---
            if (clusterSettings.management()) {
                PekkoManagement.get(system).start().toCompletableFuture().get(30, TimeUnit.SECONDS);
            }
            if (clusterSettings.bootstrap()) {
                ClusterBootstrap.get(system).start();
            } else if (full.getStringList("pekko.cluster.seed-nodes").isEmpty()) {
                cluster.manager().tell(Join.create(cluster.selfMember().address()));
            }
            // --- end cluster formation ---
            ClusterSharding sharding = ClusterSharding.get(system);
            Optional<String> entityRole = Optional.of(ClusterSettings.ENTITIES); // other nodes get sharding proxies
            // every event also carries its read-side slice tag (pack-i, cell-i, station-i): projection instance i reads only its tag
            int tagSlices = readSide.projectionInstances();
            StationEntity.init(sharding, settings.snapshotEvery(), entityRole, tagSlices);
            CellEntity.init(sharding, settings.snapshotEvery(), entityRole, tagSlices);
            PackEntity.init(sharding, settings.snapshotEvery(), entityRole, tagSlices);

            org.ssbtwin.config.MqttSettings mqttSettings = org.ssbtwin.config.MqttSettings.from(full);
            // the cell summaries (~22 KB per pack with its cells) only where something needs them: the API (lists,
            // search, MES validation), the simulation (serial numbers), and the MQTT connector, whose records are
            // stamped by this node's virtual clock, resumed from the latest event of every tag, cells included; an
            // entities-only or read-side-only node skips them
            org.ssbtwin.config.KafkaSettings kafkaSettings = org.ssbtwin.config.KafkaSettings.from(full); // validated at start
            boolean needsCells = clusterSettings.hasRole(ClusterSettings.API) || settings.simulation().enabled() || mqttSettings.enabled()
                    || kafkaSettings.enabled();
            // the read-side tables (Flyway), slice tags and projections first: lists, lookups and id sequences read them
            org.ssbtwin.api.readside.FleetReadSide readSideTables = org.ssbtwin.api.readside.FleetReadSide.start(system, settings, readSide);
            AssetDirectory directory = (needsCells ? new AssetDirectory() : AssetDirectory.withoutCells()).withQueries(readSideTables.assetQueries());
            // with a simulated history (embedded default) the present is that much after the plant's start
            org.ssbtwin.config.SimulatedHistorySettings history = settings.simulation().enabled()
                    ? org.ssbtwin.config.SimulatedHistorySettings.from(full) : org.ssbtwin.config.SimulatedHistorySettings.NONE;
            Instant present = history.present(settings.clock().start());
            ResumingTwinClock clock = new ResumingTwinClock(present, settings.clock().speedUp());
            SimulatedSource simulation = new SimulatedSource(system, sharding, directory, clock, settings, history);
            simulation.waitFor(readSideTables::caughtUp);
            // --- journal lease: never two clusters on one journal; the cluster-wide virtual clock (api.cluster) ---
            CompletableFuture<?> replay = directory.start(system).toCompletableFuture();
            JournalOwnership ownership = new JournalOwnership(system, settings.database(), JournalLeaseSettings.from(full),
                    present, settings.clock().speedUp(),
                    () -> replay.isDone() && !replay.isCompletedExceptionally() ? Optional.of(directory.latestEventAt()) : Optional.empty());
            CompletableFuture<Void> readiness = replay.thenCompose(done -> ownership.firstOwned()).thenAccept(lease -> {
                Instant resumedAt = clock.resumeShared(lease.clockOrigin(), lease.clockOriginWallMillis(), lease.speedUp());
                log.info("virtual time runs at {} ({}x, the cluster's clock)", resumedAt, lease.speedUp());
                if (settings.simulation().enabled()) simulation.start();
            });
            // --- end journal lease ---
            // ready comes before the projections have folded a long journal's tail: telemetry checks packs against
            // fleet_pack, so the connectors start only once it holds the pack events of the journal at ready, and until
            // then HTTP telemetry naming a pack it does not list asks it again (503 read-side-catching-up if not yet)
            CompletableFuture<Long> packEndAtReady = readiness.thenCompose(d -> readSideTables.lastPackOrdering());
            CompletableFuture<Void> packsKnown = packEndAtReady.thenCompose(end -> packsFolded(readSideTables, end, System.nanoTime()));
            java.util.function.Supplier<java.util.concurrent.CompletionStage<Boolean>> packsKnownNow = () -> packsKnown.isDone()
                    ? CompletableFuture.completedFuture(true)
                    : packEndAtReady.isDone() && !packEndAtReady.isCompletedExceptionally()
                    ? readSideTables.packsFoldedThrough(packEndAtReady.join()) : CompletableFuture.completedFuture(false);
            Duration askTimeout = Duration.ofMillis(settings.askTimeoutMillis());
            AssetRecorder recorder = new AssetRecorder(system, sharding, askTimeout, clock::now);
            StudyJobs studyJobs = new StudyJobs(settings.studies());
            system.getWhenTerminated().thenRun(studyJobs::close);
            // --- MQTT telemetry connector (twin.mqtt): starts once the read side knows the packs, stops on coordinated shutdown ---
            org.ssbtwin.api.connector.MqttTelemetryConnector mqtt = new org.ssbtwin.api.connector.MqttTelemetryConnector(system,
                    mqttSettings, directory,
                    org.ssbtwin.api.connector.MqttTelemetryConnector.shardedWriter(sharding, clock::now, askTimeout));
            if (mqtt.settings().enabled()) packsKnown.thenRun(mqtt::start);
            // --- end MQTT telemetry connector ---
            // --- Kafka telemetry connector (twin.kafka): joins the consumer group once the read side knows the packs ---
            org.ssbtwin.api.connector.KafkaTelemetryConnector kafka = new org.ssbtwin.api.connector.KafkaTelemetryConnector(system,
                    kafkaSettings, directory,
                    org.ssbtwin.api.connector.MqttTelemetryConnector.shardedWriter(sharding, clock::now, askTimeout));
            if (kafkaSettings.enabled()) packsKnown.thenRun(kafka::start);
            // --- end Kafka telemetry connector ---
            // --- metrics (twin.metrics): /metrics, sampled sharding / cluster / job gauges ---
            org.ssbtwin.api.metrics.TwinMetrics metrics = org.ssbtwin.api.metrics.TwinMetrics.get(system);
            org.ssbtwin.api.scenario.ScenarioRoutes scenarioRoutes = org.ssbtwin.api.scenario.ScenarioRoutes.create(system, sharding, directory, clock, askTimeout);
            new org.ssbtwin.api.metrics.ClusterSampler(system, metrics,
                    Map.of("station", StationEntity.TYPE_KEY, "cell", CellEntity.TYPE_KEY, "pack", PackEntity.TYPE_KEY),
                    Map.of("study", studyJobs::list, "scenario", scenarioRoutes.jobs()::list)).start();
            for (var outcome : Map.<String, java.util.function.ToDoubleFunction<SimulatedSource>>of("recorded", SimulatedSource::recorded,
                    "retried", SimulatedSource::retried, "rejected", SimulatedSource::rejected).entrySet()) {
                io.micrometer.core.instrument.FunctionCounter.builder("twin.simulation.facts", simulation, outcome.getValue())
                        .description("Built-in simulation: facts recorded, writes retried (failover), batches refused or dropped")
                        .tag("outcome", outcome.getKey()).register(metrics.registry());
            }
            // --- end metrics ---
            // --- API modules: one line per feature ---
            List<org.ssbtwin.api.http.ApiModule> modules = new java.util.ArrayList<>();
            modules.add(new org.ssbtwin.api.events.EventsRoutes(new org.ssbtwin.api.events.AssetChangeFeed(system, directory, Duration.ofSeconds(1))));
            modules.add(new org.ssbtwin.api.history.HistoryRoutes(system, sharding, askTimeout));
            modules.add(readSideTables.routes());
            modules.add(new org.ssbtwin.api.connector.ConnectorRoutes(mqtt, kafka));
            // search from the read-side tables once they exist, recall attributes cell.* and the recall CSV (issue 17)
            org.ssbtwin.api.search.SearchTables searchTables = org.ssbtwin.api.search.SearchTables.of(readSideTables);
            modules.add(new org.ssbtwin.api.search.SearchRoutes(directory, searchTables));
            modules.add(new org.ssbtwin.api.search.RecallRoutes(searchTables)); // GET /api/v1/search/recall.csv
            modules.add(scenarioRoutes);
            modules.add(new org.ssbtwin.api.design.DesignRoutes()); // GET /api/v1/designs
            modules.add(new org.ssbtwin.api.modelcard.ModelCardRoutes(system.dispatchers().lookup(
                    org.apache.pekko.actor.typed.DispatcherSelector.blocking()))); // GET /api/v1/model-card (computed off the HTTP dispatcher)
            org.ssbtwin.api.auth.AccessControl access = org.ssbtwin.api.auth.AccessControl.fromConfig(config); // twin.auth: roles per method + path
            modules.add(org.ssbtwin.api.passport.PassportRoutes.create(system, sharding, directory, access, config, askTimeout,
                    SimulationFeeds.layout(settings) == null ? org.ssbtwin.plant.cell.CellDesign.DUNKIRK : SimulationFeeds.layout(settings).cellDesign(),
                    readSideTables.queries()));
            modules.add(new org.ssbtwin.api.openapi.OpenApiModule()); // GET /api/v1/openapi.json (fails the start on conflicting fragments)
            // --- end API modules ---
            // readiness also needs a writable journal (checked every 5 s on a thread of its own)
            var writability = org.ssbtwin.api.persistence.JournalWritability.monitor(settings, Duration.ofSeconds(5));
            system.getWhenTerminated().thenRun(writability::close);
            // H2: the file compacted while the node runs (H2 itself does not with WRITE_DELAY=0; docs/operations.md)
            var compaction = org.ssbtwin.api.persistence.H2FileCompaction.start(settings.database(),
                    org.ssbtwin.config.H2FileSettings.from(full));
            if (compaction != null) system.getWhenTerminated().thenRun(compaction::close);
            TwinRoutes routes = new TwinRoutes(sharding, directory, clock, askTimeout,
                    () -> readiness.isDone() && !readiness.isCompletedExceptionally()
                            && cluster.selfMember().status() == MemberStatus.up() && writability.writable() && ownership.owned(),
                    new IngestRoutes(sharding, directory, recorder, clock, askTimeout,
                            org.ssbtwin.config.TelemetryAdmissionSettings.from(full)).withMetrics(metrics.ingest("http"))
                            .withPacksKnown(packsKnownNow), SimulationFeeds.layout(settings),
                    new StudyRoutes(studyJobs), modules);
            routes.withAccessControl(access);
            routes.withAssetLists(readSideTables.assetLists()); // /cells, /packs, /vehicles/{id}/pack from the read-side tables
            // --- HTTP only on "api" nodes; an entities-only node serves no API (health: Pekko Management) ---
            ServerBinding binding = null;
            if (clusterSettings.hasRole(ClusterSettings.API)) {
                binding = Http.get(system).newServerAt(settings.http().host(), settings.http().port())
                        .bind(new org.ssbtwin.api.metrics.MetricsRoutes(metrics).wrap(routes::routes)).toCompletableFuture().get(30, TimeUnit.SECONDS);
                log.info("SSB twin listening on http://{}:{}/api/v1 ({} ms, database {}, roles {})", settings.http().host(),
                        binding.localAddress().getPort(), (System.nanoTime() - t0) / 1_000_000, settings.database().kind(),
                        clusterSettings.roles());
            } else {
                log.info("SSB twin node without HTTP API ({} ms, database {}, roles {})",
                        (System.nanoTime() - t0) / 1_000_000, settings.database().kind(), clusterSettings.roles());
            }
            // --- end HTTP ---
            TwinServer server = new TwinServer(settings, system, directory, clock, binding, simulation, readiness, ownership);
            server.compaction = compaction;
            return server;
        } catch (Exception e) {
            system.terminate();
            throw new IllegalStateException("the twin failed to start: " + e.getMessage(), e);
        }
    }

    /** Completes once the pack read side holds the pack events up to {@code end} (polled every 250 ms), or after {@link #PACKS_KNOWN_WAIT}. */
    private static CompletableFuture<Void> packsFolded(org.ssbtwin.api.readside.FleetReadSide readSide, long end, long since) {
        return readSide.packsFoldedThrough(end).toCompletableFuture().exceptionally(e -> false).thenCompose(folded -> {
            if (folded) return CompletableFuture.completedFuture(null);
            if (System.nanoTime() - since > PACKS_KNOWN_WAIT.toNanos()) {
                log.warn("the pack read side had not folded the journal of the start after {}: telemetry checks packs against fleet_pack as it is",
                        PACKS_KNOWN_WAIT);
                return CompletableFuture.completedFuture(null);
            }
            return CompletableFuture.supplyAsync(() -> null, CompletableFuture.delayedExecutor(250, TimeUnit.MILLISECONDS))
                    .thenCompose(x -> packsFolded(readSide, end, since));
        });
    }

    /** The bound HTTP port, or -1 on a node without the "api" role (no HTTP). */
    public int port() {
        return binding == null ? -1 : binding.localAddress().getPort();
    }

    public boolean ready() {
        return readiness.isDone() && !readiness.isCompletedExceptionally() && ownership.owned();
    }

    public CompletableFuture<Void> readiness() {
        return readiness;
    }

    public ActorSystem<Void> system() {
        return system;
    }

    public AssetDirectory directory() {
        return directory;
    }

    public ResumingTwinClock clock() {
        return clock;
    }

    public SimulatedSource simulation() {
        return simulation;
    }

    public TwinSettings settings() {
        return settings;
    }

    /** Unbinds HTTP, stops the simulation, hands shards off and leaves the cluster (coordinated shutdown). */
    @Override
    public void close() {
        try {
            simulation.stop();
            if (binding != null) binding.unbind().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("unbind failed: {}", e.toString());
        }
        directory.close();
        ownership.close();
        // before the pools close the database: a compaction run after that would open it again
        if (compaction != null) compaction.close();
        system.terminate();
        try {
            system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("actor system did not terminate cleanly: {}", e.toString());
        }
    }
}
