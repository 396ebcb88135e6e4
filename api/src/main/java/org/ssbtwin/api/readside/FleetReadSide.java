package org.ssbtwin.api.readside;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import org.ssbtwin.fleet.entity.PackEntity;
import org.ssbtwin.plant.entity.CellEntity;
import org.ssbtwin.plant.entity.StationEntity;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.typed.ActorSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ssbtwin.config.ReadSideSettings;
import org.ssbtwin.config.TwinSettings;

/**
 * Wiring of the durable fleet read side on one node: creates its tables, starts the projection daemon process
 * (instances run only on the nodes of {@code twin.read-side.projection-role}) and the query side (own connection pool and threads), and releases
 * both when the actor system terminates.
 */
public final class FleetReadSide implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FleetReadSide.class);

    private final HikariDataSource projectionPool;
    private final HikariDataSource queryPool;
    private final ExecutorService queryExecutor;
    private final FleetQueries queries;
    private final AssetQueries assetQueries;

    private FleetReadSide(HikariDataSource projectionPool, HikariDataSource queryPool, ExecutorService queryExecutor) {
        this.projectionPool = projectionPool;
        this.queryPool = queryPool;
        this.queryExecutor = queryExecutor;
        this.queries = queryPool == null ? null : new FleetQueries(queryPool, queryExecutor);
        this.assetQueries = queryPool == null ? null : new AssetQueries(queryPool, queryExecutor);
    }

    /** Starts the read side (or, when disabled, only routes that answer 503). */
    private volatile ReadSideLagProbe lag;
    private volatile ReadSideLagProbe cellLag;
    private volatile ReadSideLagProbe stationLag;

    public static FleetReadSide start(ActorSystem<?> system, TwinSettings settings, ReadSideSettings readSide) {
        if (!readSide.enabled()) {
            log.info("fleet read side disabled (twin.read-side.enabled = off)");
            return new FleetReadSide(null, null, null);
        }
        HikariDataSource projectionPool = pool(settings.database(), "fleet-projection", readSide.projectionConnections(), false);
        HikariDataSource queryPool = null;
        ExecutorService executor = null;
        try {
            ReadSideSchema.migrate(projectionPool, settings.database().kind());
            // every asset event carries its slice tag before any projection instance reads the slice tags
            SliceTagBackfill.runAll(projectionPool, List.of(StationEntity.TAG, CellEntity.TAG, PackEntity.TAG), readSide.projectionInstances());
            FleetProjection.init(system, projectionPool, readSide);
            AssetProjection.init(system, () -> new FleetJdbcSession(projectionPool), readSide);
            queryPool = pool(settings.database(), "fleet-queries", readSide.queryThreads(), true);
            AtomicInteger n = new AtomicInteger();
            executor = Executors.newFixedThreadPool(readSide.queryThreads(), r -> {
                Thread t = new Thread(r, "fleet-query-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        } catch (Exception e) {
            projectionPool.close();
            if (queryPool != null) queryPool.close();
            throw new IllegalStateException("cannot start the fleet read side: " + e.getMessage(), e);
        }
        FleetReadSide side = new FleetReadSide(projectionPool, queryPool, executor);
        // connection pool meters (hikaricp_connections_*{pool}) on the node's registry (issue 21)
        org.ssbtwin.api.metrics.TwinMetrics metrics = org.ssbtwin.api.metrics.TwinMetrics.get(system);
        if (metrics.enabled()) for (HikariDataSource pool : new HikariDataSource[] {projectionPool, queryPool}) if (pool != null) pool.setMetricRegistry(metrics.registry());
        side.lag = new ReadSideLagProbe(queryPool, readSide.projectionInstances()); // freshness of the answers (issue 22)
        side.cellLag = new ReadSideLagProbe(queryPool, readSide.projectionInstances(), AssetProjection.CELLS, CellEntity.TAG);
        side.stationLag = new ReadSideLagProbe(queryPool, readSide.projectionInstances(), AssetProjection.STATIONS, StationEntity.TAG);
        system.getWhenTerminated().thenRun(side::close);
        log.info("fleet read side: {} projection instance(s) cluster-wide on '{}' nodes, {} query thread(s)",
                readSide.projectionInstances(), readSide.projectionRole(), readSide.queryThreads());
        return side;
    }

    public static HikariDataSource pool(TwinSettings.Database db, String name, int size, boolean readOnly) {
        HikariConfig c = new HikariConfig();
        c.setPoolName(name);
        c.setDriverClassName(db.driver());
        c.setJdbcUrl(db.url());
        c.setUsername(db.user());
        c.setPassword(db.password());
        c.setMaximumPoolSize(size);
        c.setMinimumIdle(1);
        c.setReadOnly(readOnly);
        c.setAutoCommit(readOnly); // the projection commits its own transactions; queries roll back their read-only ones
        if (readOnly && db.kind() == TwinSettings.DatabaseKind.POSTGRES) {
            // the queries are short index reads of a working set in memory: with the default random_page_cost (4, spinning
            // disks) the recall query at 1 M packs scans fleet_pack instead of probing its key (~450 ms instead of ~40 ms),
            // and JIT compiling such a plan costs ~300 ms more (bench read, docs/SEARCH.md)
            c.setConnectionInitSql("SET random_page_cost = 1.1; SET jit = off");
        }
        return new HikariDataSource(c);
    }

    public FleetRoutes routes() {
        return new FleetRoutes(queries, lag == null ? () -> null : lag::latest);
    }

    /** The station, cell and pack lists from the tables (answering 503 when the read side is disabled). */
    public AssetLists assetLists() {
        return new AssetLists(assetQueries, cellLag == null ? () -> null : cellLag::latest, lag == null ? () -> null : lag::latest)
                .withStationLag(stationLag == null ? () -> null : stationLag::latest);
    }

    /**
     * Completes once the station, cell and pack projections hold every event that was in the journal when it was called (every
     * slice of both has no event waiting, as their lag probes measure after the call); at once when disabled.
     */
    public java.util.concurrent.CompletionStage<org.apache.pekko.Done> caughtUp() {
        java.util.concurrent.CompletableFuture<org.apache.pekko.Done> done = new java.util.concurrent.CompletableFuture<>();
        if (lag == null || cellLag == null || stationLag == null) {
            done.complete(org.apache.pekko.Done.getInstance());
            return done;
        }
        java.time.Instant asked = java.time.Instant.now();
        java.util.concurrent.ScheduledExecutorService poll = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "read-side-catch-up");
            t.setDaemon(true);
            return t;
        });
        poll.scheduleWithFixedDelay(() -> {
            if (caughtUpSince(lag.latest(), asked) && caughtUpSince(cellLag.latest(), asked) && caughtUpSince(stationLag.latest(), asked)) {
                done.complete(org.apache.pekko.Done.getInstance());
                poll.shutdown();
            }
        }, 0, 250, java.util.concurrent.TimeUnit.MILLISECONDS);
        done.thenRun(() -> log.info("read side caught up with the journal (stations, cells and packs)"));
        return done;
    }

    /** The pack tag's last journal ordering now (0 when none or the read side is disabled). */
    public java.util.concurrent.CompletionStage<Long> lastPackOrdering() {
        if (lag == null || assetQueries == null) return java.util.concurrent.CompletableFuture.completedFuture(0L);
        return assetQueries.lastTagOrdering(PackEntity.TAG);
    }

    /**
     * Whether the pack projection holds every pack event up to journal ordering {@code end}, measured now: each slice
     * either has no event waiting or has moved to {@code end} or past it (so it holds while telemetry keeps arriving).
     * True when disabled. A node becomes ready before its projections have folded a long journal's tail
     * (docs/read-side.md "Start"): telemetry checks packs against {@code fleet_pack} and asks this to tell "unknown"
     * from "not folded yet".
     */
    public java.util.concurrent.CompletionStage<Boolean> packsFoldedThrough(long end) {
        if (lag == null) return java.util.concurrent.CompletableFuture.completedFuture(true);
        return lag.measureNow().thenApply(l -> l != null && l.slices().stream().allMatch(s -> s.eventsBehind() == 0 || s.offset() >= end));
    }

    private static boolean caughtUpSince(ReadSideLag l, java.time.Instant asked) {
        return l != null && !l.measuredAt().isBefore(asked) && l.slices().stream().allMatch(s -> s.eventsBehind() == 0);
    }

    /** The cell and pack queries, or null when disabled. */
    public AssetQueries assetQueries() {
        return assetQueries;
    }

    /** The query side, or null when disabled. */
    public FleetQueries queries() {
        return queries;
    }

    /** The read-only pool of the query side, or null when disabled (the search reads through it too). */
    public javax.sql.DataSource queryPool() {
        return queryPool;
    }

    /** The query side's threads, or null when disabled. */
    public java.util.concurrent.Executor queryExecutor() {
        return queryExecutor;
    }

    @Override
    public void close() {
        if (lag != null) lag.close();
        if (cellLag != null) cellLag.close();
        if (stationLag != null) stationLag.close();
        if (queryExecutor != null) queryExecutor.shutdownNow();
        if (queryPool != null) queryPool.close();
        if (projectionPool != null) projectionPool.close();
    }
}
