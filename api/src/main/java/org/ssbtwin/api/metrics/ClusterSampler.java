package org.ssbtwin.api.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.pekko.actor.Cancellable;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.sharding.typed.GetShardRegionState;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.cluster.typed.Cluster;
import org.ssbtwin.api.jobs.BackgroundJob;
import org.ssbtwin.api.jobs.JobStatus;

/**
 * Samples, every {@code twin.metrics.sample-interval}, what has no event of its own: this node's resident entities
 * and shards per entity type (the shard distribution is the series of all nodes), the entities passivated since the
 * last sample, the cluster's members by status and the unreachable ones, and the job queues. All local queries.
 *
 * <p>Passivations are counted as entities that were resident at the previous sample, in a shard still on this node,
 * and are not any more: an entity started and passivated between two samples is missed (a lower bound).
 */
public final class ClusterSampler {
    private final ActorSystem<?> system;
    private final TwinMetrics metrics;
    private final Map<String, EntityTypeKey<?>> types;
    private final Map<String, Supplier<? extends List<? extends BackgroundJob<?>>>> jobs;
    private final Map<String, AtomicLong> gauges = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Set<String>>> lastResident = new HashMap<>(); // type -> shard -> entity ids
    private final Map<String, Set<String>> timedJobs = new HashMap<>(); // kind -> finished job ids already timed
    private Cancellable schedule;

    public ClusterSampler(ActorSystem<?> system, TwinMetrics metrics, Map<String, EntityTypeKey<?>> types,
                          Map<String, Supplier<? extends List<? extends BackgroundJob<?>>>> jobs) {
        this.system = system;
        this.metrics = metrics;
        this.types = Map.copyOf(types);
        this.jobs = Map.copyOf(jobs);
    }

    /** Samples now and then every interval until the actor system terminates. */
    public synchronized ClusterSampler start() {
        if (!metrics.enabled() || schedule != null) return this;
        for (String type : types.keySet()) {
            gauge("twin.entities.resident", "Entities resident (started, not passivated) on this node", "type", type);
            gauge("twin.shards", "Shards hosted by this node", "type", type);
            Counter.builder("twin.entity.passivations").description("Entities passivated on this node (seen between samples, a lower bound)")
                    .tag("type", type).register(metrics.registry());
        }
        for (String status : List.of("joining", "weakly_up", "up", "leaving", "exiting", "down", "removed")) {
            gauge("twin.cluster.members", "Cluster members by status, as this node sees them", "status", status);
        }
        gauge("twin.cluster.unreachable.members", "Cluster members this node's failure detector marks unreachable");
        for (String kind : jobs.keySet()) {
            for (String status : List.of("queued", "running")) gauge("twin.jobs", "Background jobs queued or running", "kind", kind, "status", status);
            jobTimer(kind);
        }
        Duration every = metrics.settings().sampleInterval();
        schedule = system.scheduler().scheduleAtFixedRate(Duration.ZERO, every, this::sample, system.executionContext());
        system.getWhenTerminated().thenRun(this::stop);
        return this;
    }

    public synchronized void stop() {
        if (schedule != null) schedule.cancel();
    }

    private AtomicLong gauge(String name, String description, String... tags) {
        return gauges.computeIfAbsent(name + String.join("|", tags), k -> {
            AtomicLong v = new AtomicLong();
            Gauge.builder(name, v, AtomicLong::get).description(description).tags(tags).register(metrics.registry());
            return v;
        });
    }

    private Timer jobTimer(String kind) {
        return Timer.builder("twin.job.run").description("Run time of finished background jobs (queued excluded)").tag("kind", kind)
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(100)).maximumExpectedValue(Duration.ofHours(2))
                .register(metrics.registry());
    }

    private void sample() {
        sampleCluster();
        sampleJobs();
        ClusterSharding sharding = ClusterSharding.get(system);
        types.forEach((type, key) -> AskPattern.<org.apache.pekko.cluster.sharding.typed.ClusterShardingQuery, ShardRegion.CurrentShardRegionState>ask(
                        sharding.shardState(), replyTo -> new GetShardRegionState(key, replyTo), Duration.ofSeconds(5), system.scheduler())
                .whenComplete((state, e) -> {
                    if (e == null) sharding(type, state);
                }));
    }

    private synchronized void sharding(String type, ShardRegion.CurrentShardRegionState state) {
        Map<String, Set<String>> now = new HashMap<>();
        long resident = 0;
        for (ShardRegion.ShardState shard : state.getShards()) {
            now.put(shard.shardId(), shard.getEntityIds());
            resident += shard.getEntityIds().size();
        }
        gauge("twin.entities.resident", "", "type", type).set(resident);
        gauge("twin.shards", "", "type", type).set(now.size());
        Map<String, Set<String>> before = lastResident.getOrDefault(type, Map.of());
        long passivated = 0;
        for (Map.Entry<String, Set<String>> shard : before.entrySet()) {
            Set<String> current = now.get(shard.getKey());
            if (current == null) continue; // the shard moved away (rebalance, hand-off): not a passivation
            for (String id : shard.getValue()) if (!current.contains(id)) passivated++;
        }
        if (passivated > 0) metrics.registry().counter("twin.entity.passivations", "type", type).increment(passivated);
        lastResident.put(type, now);
    }

    private void sampleCluster() {
        ClusterEvent.CurrentClusterState state = Cluster.get(system).state();
        Map<String, Long> byStatus = new HashMap<>();
        for (Member m : state.getMembers()) byStatus.merge(label(m.status()), 1L, Long::sum);
        for (String status : List.of("joining", "weakly_up", "up", "leaving", "exiting", "down", "removed")) {
            gauge("twin.cluster.members", "", "status", status).set(byStatus.getOrDefault(status, 0L));
        }
        gauge("twin.cluster.unreachable.members", "").set(state.getUnreachable().size());
    }

    private static String label(MemberStatus s) {
        if (s == MemberStatus.up()) return "up";
        if (s == MemberStatus.joining()) return "joining";
        if (s == MemberStatus.weaklyUp()) return "weakly_up";
        if (s == MemberStatus.leaving()) return "leaving";
        if (s == MemberStatus.exiting()) return "exiting";
        if (s == MemberStatus.down()) return "down";
        return "removed";
    }

    private synchronized void sampleJobs() {
        jobs.forEach((kind, list) -> {
            long queued = 0;
            long running = 0;
            Set<String> timed = timedJobs.computeIfAbsent(kind, k -> new HashSet<>());
            Set<String> retained = new HashSet<>();
            for (BackgroundJob<?> job : list.get()) {
                retained.add(job.id());
                if (job.status() == JobStatus.QUEUED) queued++;
                else if (job.status() == JobStatus.RUNNING) running++;
                else if (!timed.contains(job.id())) {
                    timed.add(job.id());
                    job.runTime().ifPresent(d -> jobTimer(kind).record(d));
                }
            }
            timed.retainAll(retained); // finished jobs evicted by the runner are forgotten here too
            gauge("twin.jobs", "", "kind", kind, "status", "queued").set(queued);
            gauge("twin.jobs", "", "kind", kind, "status", "running").set(running);
        });
    }
}
