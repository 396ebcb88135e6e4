package org.ssbtwin.api;

import org.ssbtwin.api.ingest.AssetRecorder;

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
import org.ssbtwin.feed.AssetBatch;
import org.ssbtwin.feed.TwinFeed;
import org.ssbtwin.core.time.TwinClock;

/**
 * Drives the built-in simulated plant and fleet in virtual time: every tick it advances the feeds to the
 * clock's now and records what happened through the sharded entities, waiting for every acknowledgement
 * before the next tick (back-pressure: a slow journal slows the feed, it never drops facts).
 */
public final class SimulatedSource {
    private static final Logger log = LoggerFactory.getLogger(SimulatedSource.class);

    private final ActorSystem<?> system;
    private final AssetRecorder recorder;
    private final AssetDirectory directory;
    private final TwinClock clock;
    private final TwinSettings settings;
    private final AtomicLong recorded = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    static final Duration RETRY_BACKOFF_MIN = Duration.ofMillis(250);
    static final Duration RETRY_BACKOFF_MAX = Duration.ofSeconds(4);
    private volatile UniqueKillSwitch running;
    private volatile List<TwinFeed> feeds = List.of();

    SimulatedSource(ActorSystem<?> system, ClusterSharding sharding, AssetDirectory directory, TwinClock clock, TwinSettings settings) {
        this.system = system;
        this.recorder = new AssetRecorder(system, sharding, Duration.ofMillis(settings.askTimeoutMillis()), clock::now);
        this.directory = directory;
        this.clock = clock;
        this.settings = settings;
    }

    /** Starts the feeds from the current virtual time, continuing id sequences from what the journal holds. */
    synchronized void start() {
        if (running != null || starting) return;
        starting = true;
        // id sequences and vehicles in service from the read-side tables, once the projections have caught up
        // (a restarted simulation must not reuse an id recorded before the restart)
        org.ssbtwin.api.readside.AssetQueries q = directory.queries();
        CompletionStage<Done> caughtUp = readSideCaughtUp.get();
        caughtUp.thenCompose(d -> q == null ? java.util.concurrent.CompletableFuture.completedFuture(java.util.Map.<String, Long>of()) : q.serials())
                .thenCombine(caughtUp.thenCompose(d -> q == null
                        ? java.util.concurrent.CompletableFuture.completedFuture(List.<org.ssbtwin.fleet.pack.PackSummary>of()) : q.inServicePacks()),
                        (serials, packs) -> {
                            startWith(serials, packs);
                            return Done.getInstance();
                        })
                .whenComplete((d, e) -> {
                    if (e != null) log.error("simulation not started: the read side did not answer", e);
                });
    }

    private volatile boolean starting;
    private java.util.function.Supplier<CompletionStage<Done>> readSideCaughtUp =
            () -> java.util.concurrent.CompletableFuture.completedFuture(Done.getInstance());

    /** What the simulation waits for before it reads its id sequences: the read side's projections caught up. */
    void waitFor(java.util.function.Supplier<CompletionStage<Done>> readSideCaughtUp) {
        this.readSideCaughtUp = readSideCaughtUp;
    }

    private synchronized void startWith(java.util.Map<String, Long> serials, List<org.ssbtwin.fleet.pack.PackSummary> packs) {
        starting = false;
        if (running != null) return;
        feeds = SimulationFeeds.create(settings, clock.now(), directory, serials, packs);
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

    /** Writes retried after a failure or no answer (e.g. during a failover). */
    public long retried() {
        return retried.get();
    }

    private CompletionStage<Done> step() {
        List<AssetBatch> batches = new ArrayList<>();
        var now = clock.now();
        for (TwinFeed feed : feeds) batches.addAll(feed.advanceTo(now));
        if (batches.isEmpty()) return CompletableFuture.completedFuture(Done.getInstance());
        return Source.from(batches)
                .mapAsync(1, this::recordWithRetry)
                .runWith(Sink.ignore(), system)
                .exceptionally(t -> {
                    log.warn("simulation step failed: {}", t.toString());
                    return Done.getInstance();
                });
    }

    /**
     * Simulated facts are recorded in feed order (one asset's facts never overtake each other); a failed or unanswered
     * write is retried with exponential backoff ({@link #RETRY_BACKOFF_MIN} doubling to {@link #RETRY_BACKOFF_MAX})
     * for as long as the simulation runs, because the feed has already moved on and a fact must not be lost: the
     * simulation rides out a failover (~13 s, docs/operations.md) and back-pressure holds the feed meanwhile. A retry
     * of a write that had been recorded is idempotent: the entities skip facts they already hold
     * ({@code AssetState.alreadyRecorded}: cells by their genealogy step, packs by usage record id).
     */
    private CompletionStage<Done> recordWithRetry(AssetBatch batch) {
        return recordWithRetry(batch, 0);
    }

    private CompletionStage<Done> recordWithRetry(AssetBatch batch, int attempt) {
        return recorder.record(batch).handle((outcome, failure) -> {
            if (failure == null) {
                if (outcome.rejection() == null) {
                    recorded.addAndGet(batch.size());
                } else {
                    rejected.incrementAndGet();
                    log.warn("simulation fact refused by {} {}: {}", batch.getClass().getSimpleName(), batch.entityId(), outcome.rejection().message());
                }
                return CompletableFuture.completedFuture(Done.getInstance());
            }
            if (running == null) {
                rejected.incrementAndGet();
                log.warn("simulation stopped before {} {} was recorded: {}", batch.getClass().getSimpleName(), batch.entityId(), failure.toString());
                return CompletableFuture.completedFuture(Done.getInstance());
            }
            Duration backoff = RETRY_BACKOFF_MIN.multipliedBy(1L << Math.min(attempt, 5));
            if (backoff.compareTo(RETRY_BACKOFF_MAX) > 0) backoff = RETRY_BACKOFF_MAX;
            if (attempt % 10 == 0) {
                log.warn("recording {} {} failed (attempt {}), retrying every {} ms until it is recorded: {}", batch.getClass().getSimpleName(),
                        batch.entityId(), attempt + 1, backoff.toMillis(), failure.toString());
            }
            retried.incrementAndGet();
            return org.apache.pekko.pattern.Patterns.after(backoff, system.classicSystem().scheduler(), system.executionContext(),
                    () -> recordWithRetry(batch, attempt + 1));
        }).thenCompose(x -> x);
    }
}
