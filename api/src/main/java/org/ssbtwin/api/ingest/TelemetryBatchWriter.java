package org.ssbtwin.api.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.fleet.entity.PackEntity;
import org.ssbtwin.fleet.entity.PackEntity.TelemetryAck;
import org.ssbtwin.fleet.pack.TelemetryRecord;

/**
 * Writes one telemetry message (HTTP request, MQTT or Kafka message) to its packs, all or nothing. One pack: one ask
 * ({@link PackEntity.IngestTelemetry}: checked, aged and persisted in one journal write, or refused). Several packs:
 * each pack is asked once with its records ({@link PackEntity.PrepareTelemetry}: checked, aged and held, refusing
 * other writes meanwhile); when every pack holds its part the batch commits ({@link PackEntity.CommitTelemetry}, a
 * small message: each pack persists what it holds), else it aborts and no pack changed. A pack held by another batch
 * answers busy at once (never waits, so two batches cannot deadlock); the batch then aborts and is tried again after a
 * random pause, a few times, so of two conflicting batches one wins whole and the other is refused whole. See
 * docs/ingest-atomicity.md for the choice and what a crash between the phases does.
 *
 * <p>Non-blocking: every step is a future of asks and JDK delayed executors; nothing waits on a thread.
 */
public final class TelemetryBatchWriter {
    /** Tries of a batch that found packs busy before it is answered busy (assumed: a few round trips of racing batches). */
    static final int ATTEMPTS = 6;
    /** Upper bound of the first random pause after a busy try, doubled per try (assumed: around one batch's latency). */
    static final long FIRST_PAUSE_MILLIS = 20;

    private final ClusterSharding sharding;
    private final Supplier<Instant> now;
    private final Duration askTimeout;

    public TelemetryBatchWriter(ClusterSharding sharding, Supplier<Instant> now, Duration askTimeout) {
        this.sharding = sharding;
        this.now = now;
        this.askTimeout = askTimeout;
    }

    /**
     * The outcome of a message. Written when {@code refusals} is empty and neither {@code busy} nor {@code
     * incomplete}: {@code applied} records persisted over {@code packsChanged} packs, {@code duplicateRecordIds}
     * skipped as already recorded. Refused ({@code refusals}: {@code packId, field, message}) or {@code busy}: nothing
     * was recorded. {@code incomplete}: a pack lost what it held between the phases (it stopped, moved or its
     * reservation expired and another write took it) and could not record its part: the outcome is partly written;
     * resending the same message completes it (records are applied once by id) or is refused.
     */
    public record Result(List<Map<String, String>> refusals, boolean busy, boolean incomplete, int packs, int packsChanged,
                         int applied, List<String> duplicateRecordIds) {
        public boolean written() {
            return refusals.isEmpty() && !busy && !incomplete;
        }

        /** Every record was already recorded: nothing changed. */
        public boolean duplicate() {
            return written() && applied == 0;
        }
    }

    public CompletionStage<Result> write(Map<PackId, List<TelemetryRecord>> byPack) {
        return attempt(new LinkedHashMap<>(byPack), now.get(), 1);
    }

    private CompletionStage<Result> attempt(Map<PackId, List<TelemetryRecord>> byPack, Instant at, int attempt) {
        CompletionStage<Result> tried = byPack.size() == 1 ? writeOne(byPack, at) : writeAll(byPack, at);
        return tried.thenCompose(r -> {
            if (!r.busy() || attempt >= ATTEMPTS) return CompletableFuture.completedFuture(r);
            long pause = ThreadLocalRandom.current().nextLong(1, (FIRST_PAUSE_MILLIS << (attempt - 1)) + 1);
            // run on the delay's own scheduler thread (the next attempt only sends asks): without an executor, a JVM
            // with a common pool of parallelism 1 (2 cores) would start a thread per retry
            return CompletableFuture.supplyAsync(() -> attempt, CompletableFuture.delayedExecutor(pause, TimeUnit.MILLISECONDS, Runnable::run))
                    .thenCompose(n -> attempt(byPack, at, n + 1));
        });
    }

    private CompletionStage<Result> writeOne(Map<PackId, List<TelemetryRecord>> byPack, Instant at) {
        var e = byPack.entrySet().iterator().next();
        return allOf(List.of(ingest(e.getKey(), e.getValue(), at))).thenApply(acks -> result(byPack.size(), acks));
    }

    private CompletableFuture<TelemetryAck> ingest(PackId pack, List<TelemetryRecord> records, Instant at) {
        return sharding.entityRefFor(PackEntity.TYPE_KEY, pack.value())
                .<TelemetryAck>ask(r -> new PackEntity.IngestTelemetry(records, at, false, r), askTimeout).toCompletableFuture();
    }

    private CompletionStage<Result> writeAll(Map<PackId, List<TelemetryRecord>> byPack, Instant at) {
        String batchId = UUID.randomUUID().toString();
        // a pack holds its part for two asks (prepare, commit) at most before another write may take it
        long hold = 2 * askTimeout.toMillis();
        List<CompletableFuture<TelemetryAck>> prepared = new ArrayList<>();
        byPack.forEach((pack, records) -> prepared.add(sharding.entityRefFor(PackEntity.TYPE_KEY, pack.value())
                .<TelemetryAck>ask(r -> new PackEntity.PrepareTelemetry(batchId, records, at, hold, r), askTimeout).toCompletableFuture()));
        return allOf(prepared).handle((acks, failure) -> {
            if (failure != null) {
                abort(byPack, batchId); // a pack may hold its part without having answered in time
                return CompletableFuture.<Result>failedFuture(failure);
            }
            boolean refused = acks.stream().anyMatch(a -> a.kind() == TelemetryAck.Kind.REFUSED || a.kind() == TelemetryAck.Kind.BUSY);
            if (refused) {
                abort(byPack, batchId);
                return CompletableFuture.completedFuture(result(byPack.size(), acks));
            }
            return commit(byPack, batchId, acks, at);
        }).thenCompose(s -> s);
    }

    /** Every pack holds its part (or has nothing to write): each persists what it holds. */
    private CompletionStage<Result> commit(Map<PackId, List<TelemetryRecord>> byPack, String batchId, List<TelemetryAck> prepared, Instant at) {
        List<CompletableFuture<TelemetryAck>> committed = new ArrayList<>();
        List<TelemetryAck> unchanged = new ArrayList<>();
        for (TelemetryAck p : prepared) {
            if (p.kind() != TelemetryAck.Kind.HELD) {
                unchanged.add(p);
                continue;
            }
            committed.add(sharding.entityRefFor(PackEntity.TYPE_KEY, p.packId().value())
                    .<TelemetryAck>ask(r -> new PackEntity.CommitTelemetry(batchId, r), askTimeout).toCompletableFuture());
        }
        // no continuation on an ask's own stage: Pekko's stages run every non-async continuation on the common pool
        // (one thread on two cores), which tripled the commit phase; CompletableFuture.allOf does not
        return allOf(committed).thenCompose(acks -> {
            // a pack that lost what it held (stopped, moved, or its reservation expired and was taken): its part is
            // written now as a one-pack write, idempotent by record id; a refusal makes the batch incomplete
            List<CompletableFuture<TelemetryAck>> retried = new ArrayList<>();
            for (TelemetryAck a : acks) {
                retried.add(a.kind() == TelemetryAck.Kind.NOT_HELD ? ingest(a.packId(), byPack.get(a.packId()), at) : CompletableFuture.completedFuture(a));
            }
            return allOf(retried);
        }).thenApply(acks -> {
            List<TelemetryAck> all = new ArrayList<>(unchanged);
            all.addAll(acks);
            boolean lost = acks.stream().anyMatch(a -> a.kind() != TelemetryAck.Kind.APPLIED && a.kind() != TelemetryAck.Kind.DUPLICATE);
            return lost ? new Result(refusals(acks), false, true, byPack.size(), 0, 0, List.of()) : result(byPack.size(), all);
        });
    }

    private void abort(Map<PackId, List<TelemetryRecord>> byPack, String batchId) {
        byPack.keySet().forEach(pack -> sharding.entityRefFor(PackEntity.TYPE_KEY, pack.value()).tell(new PackEntity.AbortTelemetry(batchId)));
    }

    private static Result result(int packs, List<TelemetryAck> acks) {
        List<Map<String, String>> refusals = refusals(acks);
        boolean busy = refusals.isEmpty() && acks.stream().anyMatch(a -> a.kind() == TelemetryAck.Kind.BUSY);
        if (!refusals.isEmpty() || busy) {
            return new Result(busy ? List.of() : refusals, busy, false, packs, 0, 0, List.of());
        }
        int applied = 0;
        int changed = 0;
        List<String> duplicates = new ArrayList<>();
        for (TelemetryAck a : acks) {
            applied += a.applied();
            if (a.applied() > 0) changed++;
            if (a.duplicateRecordIds() != null) duplicates.addAll(a.duplicateRecordIds());
        }
        return new Result(List.of(), false, false, packs, changed, applied, List.copyOf(duplicates));
    }

    /** The packs that refused their part for their state ({@code packId, field, message}); busy packs are not among them. */
    private static List<Map<String, String>> refusals(List<TelemetryAck> acks) {
        List<Map<String, String>> out = new ArrayList<>();
        for (TelemetryAck a : acks) {
            if (a.rejection() != null && a.kind() != TelemetryAck.Kind.BUSY) {
                out.add(Map.of("packId", a.packId().value(), "field", String.valueOf(a.rejection().field()), "message", a.rejection().message()));
            }
        }
        return out;
    }

    private static CompletableFuture<List<TelemetryAck>> allOf(List<CompletableFuture<TelemetryAck>> futures) {
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                .thenApply(v -> futures.stream().map(CompletableFuture::join).toList());
    }
}
