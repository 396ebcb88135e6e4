package org.ssbtwin.config;
import org.ssbtwin.core.config.ConfigReader;

import com.typesafe.config.Config;

/**
 * The durable fleet read side (the {@code twin.read-side} block): the exactly-once projection of pack events into
 * SQL tables, and the query side that answers fleet-wide questions from those tables.
 *
 * @param enabled run the projection (on nodes with the {@code entities} role) and serve {@code /api/v1/fleet/*}
 * @param projectionInstances projection instances cluster-wide (ShardedDaemonProcess); instance i owns the packs whose
 *        id hashes to slice i, so each pack's rows have exactly one writer
 * @param projectionConnections JDBC connections (and threads of the blocking JDBC dispatcher) for the projection
 * @param queryThreads threads and JDBC connections for fleet queries (never the HTTP or actor dispatchers)
 * @param projectionRole the cluster role of the nodes that run the projection instances ({@code entities} by default,
 *        {@code read-side} for nodes of their own); the same on every node of a cluster
 */
public record ReadSideSettings(boolean enabled, int projectionInstances, int projectionConnections, int queryThreads,
                               String projectionRole) {
    private static final String ROOT = "twin.read-side";

    public static ReadSideSettings from(Config root) {
        ConfigReader c = ConfigReader.block(root, ROOT);
        Boolean enabled = c.onOff("enabled");
        Integer instances = c.integer("projection-instances", 1, 256);
        Integer connections = c.integer("projection-connections", 1, 64);
        Integer queryThreads = c.integer("query-threads", 1, 64);
        String role = c.oneOf("projection-role", ClusterSettings.ROLES);
        c.throwIfProblems();
        return new ReadSideSettings(enabled, instances, connections, queryThreads, role);
    }
}
