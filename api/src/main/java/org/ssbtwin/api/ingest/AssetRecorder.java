package org.ssbtwin.api.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.ssbtwin.core.Rejection;
import org.ssbtwin.feed.AssetBatch;
import org.ssbtwin.fleet.entity.PackEntity;
import org.ssbtwin.plant.entity.CellEntity;
import org.ssbtwin.plant.entity.StationEntity;

/**
 * Records batches of facts through the sharded entities: batches for different assets in parallel, batches for
 * the same asset in order, each atomically (all its events or none). Answers, per batch, the rejection or null.
 */
public final class AssetRecorder {
    private static final int PARALLELISM = 16;

    private final ActorSystem<?> system;
    private final ClusterSharding sharding;
    private final Duration timeout;

    private final java.util.function.Supplier<java.time.Instant> at;

    public AssetRecorder(ActorSystem<?> system, ClusterSharding sharding, Duration timeout, java.util.function.Supplier<java.time.Instant> now) {
        this.at = now;
        this.system = system;
        this.sharding = sharding;
        this.timeout = timeout;
        this.telemetry = new TelemetryBatchWriter(sharding, now, timeout);
    }

    private final TelemetryBatchWriter telemetry;

    /** Reads the states of the assets an MES batch names from their entities (see {@link EntityStates}). */
    CompletionStage<EntityStates> states(org.ssbtwin.feed.mes.MesBatchValidator.Named named,
                                         java.util.function.Function<org.ssbtwin.core.id.VehicleId, java.util.Optional<org.ssbtwin.core.id.PackId>> packOfVehicle) {
        return EntityStates.read(system, sharding, timeout, named, packOfVehicle);
    }

    /** The outcome for one batch: {@code rejection} is null when recorded. */
    public record Outcome(AssetBatch batch, Rejection rejection) {}

    public CompletionStage<List<Outcome>> recordAll(List<AssetBatch> batches) {
        LinkedHashMap<String, List<AssetBatch>> byAsset = new LinkedHashMap<>();
        for (AssetBatch b : batches) {
            byAsset.computeIfAbsent(b.getClass().getSimpleName() + "|" + b.entityId(), k -> new ArrayList<>()).add(b);
        }
        return Source.from(new ArrayList<>(byAsset.values()))
                .mapAsyncUnordered(PARALLELISM, this::recordInOrder)
                .runWith(Sink.fold(new ArrayList<Outcome>(), (acc, list) -> {
                    acc.addAll(list);
                    return acc;
                }), system)
                .thenApply(List::copyOf);
    }

    private CompletionStage<List<Outcome>> recordInOrder(List<AssetBatch> sameAsset) {
        CompletionStage<List<Outcome>> chain = CompletableFuture.completedFuture(new ArrayList<>());
        for (AssetBatch b : sameAsset) {
            chain = chain.thenCompose(acc -> record(b).thenApply(o -> {
                acc.add(o);
                return acc;
            }));
        }
        return chain;
    }

    /** Records one batch; a failed ask (timeout) fails the stage, a refusal completes it with the rejection. */
    public CompletionStage<Outcome> record(AssetBatch batch) {
        CompletionStage<Rejection> rejection;
        if (batch instanceof AssetBatch.ForStation s) {
            rejection = sharding.entityRefFor(StationEntity.TYPE_KEY, s.entityId())
                    .<StationEntity.Reply>ask(r -> new StationEntity.RecordAll(s.events(), r), timeout).thenApply(StationEntity.Reply::rejection);
        } else if (batch instanceof AssetBatch.ForCell c) {
            rejection = sharding.entityRefFor(CellEntity.TYPE_KEY, c.entityId())
                    .<CellEntity.Reply>ask(r -> new CellEntity.RecordAll(c.events(), r), timeout).thenApply(CellEntity.Reply::rejection);
        } else if (batch instanceof AssetBatch.TelemetryForPack t) {
            // through the telemetry writer: one ask, tried again while a multi-pack batch holds the pack
            rejection = telemetry.write(java.util.Map.of(org.ssbtwin.core.id.PackId.of(t.entityId()), t.records())).thenApply(w ->
                    !w.refusals().isEmpty() ? Rejection.conflict(w.refusals().get(0).get("field"), w.refusals().get(0).get("message"))
                            : w.busy() ? Rejection.conflict("packId", "pack " + t.entityId() + " stayed held by telemetry batches in flight")
                            : null);
        } else {
            AssetBatch.ForPack p = (AssetBatch.ForPack) batch;
            rejection = sharding.entityRefFor(PackEntity.TYPE_KEY, p.entityId())
                    .<PackEntity.Reply>ask(r -> new PackEntity.RecordAll(p.events(), r), timeout).thenApply(PackEntity.Reply::rejection);
        }
        return rejection.thenApply(r -> new Outcome(batch, r));
    }
}
