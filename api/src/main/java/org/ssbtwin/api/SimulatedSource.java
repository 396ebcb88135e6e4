package org.ssbtwin.api;

import org.ssbtwin.api.ingest.AssetRecorder;

import java.time.Duration;
import java.time.Instant;
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
import org.ssbtwin.config.SimulatedHistorySettings;
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
    /** Assets recorded at once in one step (each asset's own facts stay in order). */
    static final int PARALLEL_ASSETS = 8;
    /** The catch-up logs its progress this often (virtual time). */
    private static final Duration PROGRESS_EVERY = Duration.ofDays(90);
    static final Duration RETRY_BACKOFF_MIN = Duration.ofMillis(250);
    static final Duration RETRY_BACKOFF_MAX = Duration.ofSeconds(4);
    private volatile UniqueKillSwitch running;
    private volatile List<TwinFeed> feeds = List.of();
    private final SimulatedHistorySettings history;
    /** Virtual time the feeds have been advanced to (behind the clock while catching up a history). */
    private volatile Instant simulatedUntil;
    private volatile long caughtUpAfterMillis = -1;
    private long startedAtNanos;

    SimulatedSource(ActorSystem<?> system, ClusterSharding sharding, AssetDirectory directory, TwinClock clock, TwinSettings settings) {
        this(system, sharding, directory, clock, settings, SimulatedHistorySettings.NONE);
    }

    SimulatedSource(ActorSystem<?> system, ClusterSharding sharding, AssetDirectory directory, TwinClock clock, TwinSettings settings,
                    SimulatedHistorySettings history) {
        this.history = history;
        this.system = system;
        this.recorder = new AssetRecorder(system, sharding, Duration.ofMillis(settings.askTimeoutMillis()), clock::now);
        this.directory = directory;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * Starts the feeds, continuing id sequences from what the journal holds: from the current virtual time, or with a
     * simulated history ({@link SimulatedHistorySettings}) from the plant's start or the latest recorded fact, then
     * catching up to the present.
     */
    synchronized void start() {
        if (running != null || starting) return;
        starting = true;
        // id sequences, vehicles in service and stations (commissioned, setpoints, last observation) from the read-side
        // tables, once the projections have caught up (a restarted simulation must not reuse an id recorded before the restart)
        org.ssbtwin.api.readside.AssetQueries q = directory.queries();
        CompletionStage<Done> caughtUp = readSideCaughtUp.get();
        CompletionStage<List<org.ssbtwin.plant.station.Station>> stations = caughtUp.thenCompose(d -> q == null
                ? java.util.concurrent.CompletableFuture.completedFuture(List.<org.ssbtwin.plant.station.Station>of())
                : q.allStations().thenApply(rows -> rows.stream().map(org.ssbtwin.plant.station.StationRow::station).toList()));
        caughtUp.thenCompose(d -> q == null ? java.util.concurrent.CompletableFuture.completedFuture(java.util.Map.<String, Long>of()) : q.serials())
                .thenCombine(caughtUp.thenCompose(d -> q == null
                        ? java.util.concurrent.CompletableFuture.completedFuture(List.<org.ssbtwin.fleet.pack.PackSummary>of()) : q.inServicePacks()),
                        (serials, packs) -> java.util.Map.entry(serials, packs))
                .thenCombine(stations, (serialsAndPacks, known) -> {
                    startWith(serialsAndPacks.getKey(), serialsAndPacks.getValue(), known);
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

    private synchronized void startWith(java.util.Map<String, Long> serials, List<org.ssbtwin.fleet.pack.PackSummary> packs,
                                        List<org.ssbtwin.plant.station.Station> stations) {
        starting = false;
        if (running != null) return;
        Instant present = clock.now();
        Instant from = history.simulationStart(settings.clock().start(), lineObservedUntil(stations), present);
        feeds = SimulationFeeds.create(settings, from, directory, stations, serials, packs, history.readingInterval());
        simulatedUntil = from;
        startedAtNanos = System.nanoTime();
        if (from.isBefore(present)) {
            log.info("simulated plant and fleet catch up from {} to {} ({} virtual days, {} h per step)", from, present,
                    Duration.between(from, present).toDays(), history.catchUpStep().toHours());
        } else {
            caughtUpAfterMillis = 0;
        }
        Duration tick = Duration.ofMillis(settings.simulation().tickMillis());
        running = Source.tick(tick, tick, "tick")
                .mapAsync(1, t -> lastStep = step())
                .viaMat(KillSwitches.single(), Keep.right())
                .toMat(Sink.ignore(), Keep.left())
                .run(system);
        log.info("simulated plant and fleet started ({} feeds, tick {} ms)", feeds.size(), tick.toMillis());
    }

    /**
     * The latest fact the simulated line recorded: the last observation of its stations (not the latest event of the
     * journal: pack telemetry is stamped when it is ingested, at the present, even while the history is caught up).
     */
    private java.util.Optional<Instant> lineObservedUntil(List<org.ssbtwin.plant.station.Station> stations) {
        var ids = SimulationFeeds.layout(settings).stations().stream().map(spec -> spec.id()).collect(java.util.stream.Collectors.toSet());
        return stations.stream()
                .filter(st -> ids.contains(st.id()) && st.observedUntil() != null)
                .map(st -> st.observedUntil())
                .max(java.util.Comparator.naturalOrder());
    }

    /**
     * Stops the ticks. A step already under way is still recorded; a write of it failing from now on is not retried
     * again (counted as rejected). Completes when that step has been recorded.
     */
    public synchronized CompletionStage<Done> stop() {
        if (running != null) running.shutdown();
        running = null;
        return lastStep;
    }

    /** The step recorded last or being recorded (its facts acknowledged, refused or given up when it completes). */
    private volatile CompletionStage<Done> lastStep = CompletableFuture.completedFuture(Done.getInstance());

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

    /** Virtual time the simulated plant and fleet have been recorded up to. */
    public Instant simulatedUntil() {
        return simulatedUntil;
    }

    /** Wall milliseconds the catch-up of the history took; -1 while it runs, 0 without one. */
    public long caughtUpAfterMillis() {
        return caughtUpAfterMillis;
    }

    /**
     * Advances the feeds to the clock's now and records what happened. While a history is being caught up, one
     * {@link SimulatedHistorySettings#catchUpStep()} of virtual time is simulated and recorded at a time, the next at
     * once after the last acknowledgement (bounded work per step, as fast as the journal records).
     */
    private CompletionStage<Done> step() {
        Instant now = clock.now();
        Instant behind = simulatedUntil.plus(history.catchUpStep());
        Instant target = behind.isBefore(now) ? behind : now;
        List<AssetBatch> batches = new ArrayList<>();
        for (TwinFeed feed : feeds) batches.addAll(feed.advanceTo(target));
        if (target.getEpochSecond() / PROGRESS_EVERY.getSeconds() != simulatedUntil.getEpochSecond() / PROGRESS_EVERY.getSeconds()
                && target.isBefore(now)) {
            log.info("catching up the simulated history: at {} ({} events recorded)", target, recorded.get());
        }
        simulatedUntil = target;
        CompletionStage<Done> stepRecorded = batches.isEmpty() ? CompletableFuture.completedFuture(Done.getInstance())
                : recordByAsset(batches).exceptionally(t -> {
                    log.warn("simulation step failed: {}", t.toString());
                    return Done.getInstance();
                });
        if (target.equals(now)) {
            if (caughtUpAfterMillis < 0) {
                caughtUpAfterMillis = Math.max(1, (System.nanoTime() - startedAtNanos) / 1_000_000);
                log.info("simulated history caught up to {} in {} s ({} events recorded)", target,
                        String.format(java.util.Locale.ROOT, "%.1f", caughtUpAfterMillis / 1000.0), recorded.get());
            }
            return stepRecorded;
        }
        // the next step on the system's dispatcher, not on the thread that completed the last write
        return stepRecorded.thenComposeAsync(done -> running == null ? CompletableFuture.completedFuture(done) : step(),
                system.executionContext());
    }

    /**
     * Records one step's facts: each asset's facts in feed order, one after another (one asset's facts never
     * overtake each other); different assets at once, {@link #PARALLEL_ASSETS} at a time.
     */
    private CompletionStage<Done> recordByAsset(List<AssetBatch> batches) {
        java.util.LinkedHashMap<String, List<AssetBatch>> byAsset = new java.util.LinkedHashMap<>();
        for (AssetBatch b : batches) byAsset.computeIfAbsent(assetKey(b), k -> new ArrayList<>()).add(b);
        return Source.from(new ArrayList<>(byAsset.values()))
                .mapAsyncUnordered(PARALLEL_ASSETS, sameAsset -> {
                    CompletionStage<Done> chain = CompletableFuture.completedFuture(Done.getInstance());
                    for (AssetBatch b : sameAsset) chain = chain.thenCompose(d -> recordWithRetry(b));
                    return chain;
                })
                .runWith(Sink.ignore(), system);
    }

    /** Pack facts and pack telemetry go to the same entity, so they share a key. */
    private static String assetKey(AssetBatch b) {
        String kind = b instanceof AssetBatch.ForCell ? "cell" : b instanceof AssetBatch.ForStation ? "station" : "pack";
        return kind + "|" + b.entityId();
    }

    /**
     * Simulated facts are recorded in feed order (one asset's facts never overtake each other); a failed or unanswered
     * write is retried with exponential backoff ({@link #RETRY_BACKOFF_MIN} doubling to {@link #RETRY_BACKOFF_MAX})
     * for as long as the simulation runs, because the feed has already moved on and a fact must not be lost: the
     * simulation rides out a failover (~13 s, docs/operations.md) and back-pressure holds the feed meanwhile. A retry
     * of a write that had been recorded is idempotent: the entities skip facts they already hold
     * ({@code AssetState.alreadyRecorded}: station facts by record id, cells by their genealogy step, packs by their assembly,
     * installation and usage record id), so it is counted as recorded, not warned as a conflict.
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
