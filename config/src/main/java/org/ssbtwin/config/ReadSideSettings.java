package org.ssbtwin.config;

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
        if (!root.hasPath(ROOT)) throw new ConfigException(ROOT, "is required");
        Config c = root.getConfig(ROOT);
        boolean enabled;
        try {
            enabled = c.getBoolean("enabled");
        } catch (com.typesafe.config.ConfigException e) {
            throw new ConfigException(ROOT + ".enabled", "must be on or off");
        }
        String role = c.hasPath("projection-role") ? c.getString("projection-role").trim() : "";
        if (!ClusterSettings.ROLES.contains(role)) {
            throw new ConfigException(ROOT + ".projection-role", "must be one of " + new java.util.TreeSet<>(ClusterSettings.ROLES) + ", was '" + role + "'");
        }
        return new ReadSideSettings(enabled, intIn(c, "projection-instances", 1, 256), intIn(c, "projection-connections", 1, 64),
                intIn(c, "query-threads", 1, 64), role);
    }

    private static int intIn(Config c, String key, int min, int max) {
        int v;
        try {
            v = c.getInt(key);
        } catch (com.typesafe.config.ConfigException e) {
            throw new ConfigException(ROOT + "." + key, "must be a whole number within [" + min + ", " + max + "]");
        }
        if (v < min || v > max) throw new ConfigException(ROOT + "." + key, "must be within [" + min + ", " + max + "], was " + v);
        return v;
    }
}
