package org.ssbtwin.api;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.sharding.typed.ClusterShardingQuery;
import org.apache.pekko.cluster.sharding.typed.GetClusterShardingStats;
import org.apache.pekko.cluster.sharding.typed.GetShardRegionState;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.cluster.typed.Cluster;

/** Free ports, cluster membership and where sharding placed entities, for the multi-node tests. */
public final class ClusterTestSupport {
    private ClusterTestSupport() {}

    /** Distinct free TCP ports (the sockets are held until all are chosen, so no port is handed out twice). */
    public static int[] freePorts(int n) throws IOException {
        ServerSocket[] sockets = new ServerSocket[n];
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                sockets[i] = new ServerSocket(0);
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket s : sockets) if (s != null) s.close();
        }
    }

    public static long membersUp(ActorSystem<?> system) {
        long up = 0;
        for (var m : Cluster.get(system).state().getMembers()) if (m.status() == MemberStatus.up()) up++;
        return up;
    }

    /** The entity ids hosted by this node's own shard region. */
    public static Set<String> localEntities(ActorSystem<?> system, EntityTypeKey<?> key) {
        try {
            ShardRegion.CurrentShardRegionState state = AskPattern.<ClusterShardingQuery, ShardRegion.CurrentShardRegionState>ask(
                    ClusterSharding.get(system).shardState(), replyTo -> new GetShardRegionState(key, replyTo),
                    Duration.ofSeconds(5), system.scheduler()).toCompletableFuture().get(10, TimeUnit.SECONDS);
            Set<String> ids = new TreeSet<>();
            for (ShardRegion.ShardState shard : state.getShards()) ids.addAll(shard.getEntityIds());
            return ids;
        } catch (Exception e) {
            throw new IllegalStateException("no shard region state from " + system.address() + ": " + e, e);
        }
    }

    /** Per region (node address): number of entities of this type, as the coordinator knows the regions. */
    public static Map<Address, Integer> entitiesPerRegion(ActorSystem<?> system, EntityTypeKey<?> key) {
        try {
            ShardRegion.ClusterShardingStats stats = AskPattern.<ClusterShardingQuery, ShardRegion.ClusterShardingStats>ask(
                    ClusterSharding.get(system).shardState(), replyTo -> new GetClusterShardingStats(key, Duration.ofSeconds(5), replyTo),
                    Duration.ofSeconds(8), system.scheduler()).toCompletableFuture().get(10, TimeUnit.SECONDS);
            Map<Address, Integer> perRegion = new java.util.HashMap<>();
            stats.getRegions().forEach((address, regionStats) -> perRegion.put(address,
                    regionStats.getStats().values().stream().mapToInt(v -> ((Number) v).intValue()).sum()));
            return perRegion;
        } catch (Exception e) {
            throw new IllegalStateException("no cluster sharding stats from " + system.address() + ": " + e, e);
        }
    }

    public static Set<String> union(Iterable<Set<String>> sets) {
        Set<String> all = new HashSet<>();
        for (Set<String> s : sets) all.addAll(s);
        return all;
    }
}
