package org.ssbtwin.api.readside;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
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

    private FleetReadSide(HikariDataSource projectionPool, HikariDataSource queryPool, ExecutorService queryExecutor) {
        this.projectionPool = projectionPool;
        this.queryPool = queryPool;
        this.queryExecutor = queryExecutor;
        this.queries = queryPool == null ? null : new FleetQueries(queryPool, queryExecutor);
    }

    /** Starts the read side (or, when disabled, only routes that answer 503). */
    private volatile ReadSideLagProbe lag;

    public static FleetReadSide start(ActorSystem<?> system, TwinSettings settings, ReadSideSettings readSide) {
        if (!readSide.enabled()) {
            log.info("fleet read side disabled (twin.read-side.enabled = off)");
            return new FleetReadSide(null, null, null);
        }
        HikariDataSource projectionPool = pool(settings.database(), "fleet-projection", readSide.projectionConnections(), false);
        HikariDataSource queryPool = null;
        ExecutorService executor = null;
        try {
            try (Connection c = projectionPool.getConnection()) {
                c.setAutoCommit(true);
                FleetTables.createSchema(c, settings.database().kind());
            }
            FleetProjection.init(system, projectionPool, readSide);
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
        return new HikariDataSource(c);
    }

    public FleetRoutes routes() {
        return new FleetRoutes(queries, lag == null ? () -> null : lag::latest);
    }

    /** The query side, or null when disabled. */
    public FleetQueries queries() {
        return queries;
    }

    @Override
    public void close() {
        if (lag != null) lag.close();
        if (queryExecutor != null) queryExecutor.shutdownNow();
        if (queryPool != null) queryPool.close();
        if (projectionPool != null) projectionPool.close();
    }
}
