package org.ssbtwin.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ssbtwin.api.readside.AssetDirectory;
import org.ssbtwin.config.TwinSettings;
import org.ssbtwin.core.Rejection;
import org.ssbtwin.core.feed.AssetBatch;
import org.ssbtwin.core.feed.TwinFeed;
import org.ssbtwin.core.time.TwinClock;
import org.ssbtwin.fleet.PackEntity;
import org.ssbtwin.plant.CellEntity;
import org.ssbtwin.plant.StationEntity;

/**
 * Drives the built-in simulated plant and fleet in virtual time: every tick it advances the feeds to the
 * clock's now and records what happened through the sharded entities, waiting for every acknowledgement
 * before the next tick (back-pressure: a slow journal slows the feed, it never drops facts).
 */
public final class SimulatedSource {
    private static final Logger log = LoggerFactory.getLogger(SimulatedSource.class);
    private static final int PARALLELISM = 16;

    private final ActorSystem<?> system;
    private final ClusterSharding sharding;
    private final AssetDirectory directory;
    private final TwinClock clock;
    private final TwinSettings settings;
    private final AtomicLong recorded = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private volatile UniqueKillSwitch running;
    private volatile List<TwinFeed> feeds = List.of();

    SimulatedSource(ActorSystem<?> system, ClusterSharding sharding, AssetDirectory directory, TwinClock clock, TwinSettings settings) {
        this.system = system;
        this.sharding = sharding;
        this.directory = directory;
        this.clock = clock;
        this.settings = settings;
    }

    /** Starts the feeds from the current virtual time, continuing id sequences from what the journal holds. */
    synchronized void start() {
        if (running != null) return;
        feeds = SimulationFeeds.create(settings, clock.now(), directory);
        Duration tick = Duration.ofMillis(settings.simulation().tickMillis());
        running = Source.tick(tick, tick, "tick")
                .mapAsync(1, t -> step())
                .viaMat(KillSwitches.single(), Keep.right())
                .toMat(Sink.ignore(), Keep.left())
                .run(system);
        log.info("simulated plant and fleet started ({} feeds, tick {} ms)", feeds.size(), tick.toMillis());
    }

    synchronized void stop() {
        if (running != null) running.shutdown();
        running = null;
    }

    /** Events recorded by the entities so far, and batches they refused. */
    public long recorded() {
        return recorded.get();
    }

    public long rejected() {
        return rejected.get();
    }

    private CompletionStage<Done> step() {
        List<AssetBatch> batches = new ArrayList<>();
        var now = clock.now();
        for (TwinFeed feed : feeds) batches.addAll(feed.advanceTo(now));
        if (batches.isEmpty()) return CompletableFuture.completedFuture(Done.getInstance());
        // batches for different entities go in parallel; two batches for the same entity keep their order
        // because mapAsync(1) per entity key is emulated by grouping consecutive work per entity id
        return Source.from(groupByEntity(batches))
                .mapAsyncUnordered(PARALLELISM, this::recordInOrder)
                .runWith(Sink.ignore(), system)
                .exceptionally(t -> {
                    log.warn("simulation step failed: {}", t.toString());
                    return Done.getInstance();
                });
    }

    private static List<List<AssetBatch>> groupByEntity(List<AssetBatch> batches) {
        java.util.LinkedHashMap<String, List<AssetBatch>> byEntity = new java.util.LinkedHashMap<>();
        for (AssetBatch b : batches) {
            byEntity.computeIfAbsent(b.getClass().getSimpleName() + "|" + b.entityId(), k -> new ArrayList<>()).add(b);
        }
        return new ArrayList<>(byEntity.values());
    }

    private CompletionStage<Done> recordInOrder(List<AssetBatch> sameEntity) {
        CompletionStage<Done> chain = CompletableFuture.completedFuture(Done.getInstance());
        for (AssetBatch b : sameEntity) chain = chain.thenCompose(d -> record(b, 0));
        return chain;
    }

    private CompletionStage<Done> record(AssetBatch batch, int attempt) {
        Duration timeout = Duration.ofMillis(settings.askTimeoutMillis());
        CompletionStage<Rejection> outcome;
        if (batch instanceof AssetBatch.ForStation s) {
            outcome = sharding.entityRefFor(StationEntity.TYPE_KEY, s.entityId())
                    .<StationEntity.Reply>ask(r -> new StationEntity.RecordAll(s.events(), r), timeout).thenApply(StationEntity.Reply::rejection);
        } else if (batch instanceof AssetBatch.ForCell c) {
            outcome = sharding.entityRefFor(CellEntity.TYPE_KEY, c.entityId())
                    .<CellEntity.Reply>ask(r -> new CellEntity.RecordAll(c.events(), r), timeout).thenApply(CellEntity.Reply::rejection);
        } else {
            AssetBatch.ForPack p = (AssetBatch.ForPack) batch;
            outcome = sharding.entityRefFor(PackEntity.TYPE_KEY, p.entityId())
                    .<PackEntity.Reply>ask(r -> new PackEntity.RecordAll(p.events(), r), timeout).thenApply(PackEntity.Reply::rejection);
        }
        return outcome.handle((rejection, failure) -> {
            if (failure == null) {
                if (rejection == null) {
                    recorded.addAndGet(batch.size());
                } else {
                    rejected.incrementAndGet();
                    log.warn("simulation fact refused by {} {}: {}", batch.getClass().getSimpleName(), batch.entityId(), rejection.message());
                }
                return CompletableFuture.completedFuture(Done.getInstance());
            }
            if (attempt >= 5) {
                log.error("giving up recording {} {} after {} attempts: {}", batch.getClass().getSimpleName(), batch.entityId(), attempt + 1, failure.toString());
                rejected.incrementAndGet();
                return CompletableFuture.completedFuture(Done.getInstance());
            }
            return record(batch, attempt + 1);
        }).thenCompose(x -> x);
    }
}
