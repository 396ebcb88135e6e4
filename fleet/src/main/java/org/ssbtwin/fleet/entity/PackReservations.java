package org.ssbtwin.fleet.entity;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.fleet.pack.PackEvent;

/**
 * The telemetry a pack holds for a multi-pack batch between its answer to {@link PackEntity.PrepareTelemetry} and the
 * batch's commit or abort: the events checked and aged against the pack's state, not persisted (the first phase of
 * the batch, see docs/ingest-atomicity.md). In memory only, never persisted: a pack that stops (passivation,
 * hand-off, crash) forgets its reservation, and the batch's commit then finds nothing held.
 *
 * <p>One map for the packs of this JVM, keyed by pack id, instead of a field of each entity: the entity's handlers
 * are shared by every pack (memory per resident pack, see {@code PackEntity}), and a map entry costs nothing while a
 * pack holds nothing (nearly always). Each entry is read and written only by its own pack's entity, one command at a
 * time (sharding runs one incarnation of a pack in the cluster; one cluster per JVM).
 *
 * <p>Expiry is lazy: a reservation past its deadline is dropped when another write wants the pack; until then its own
 * batch may still commit it (nothing else changed the pack: the revision is checked).
 */
final class PackReservations {
    private PackReservations() {}

    /** What a pack holds for one batch: its events, the revision they were computed on, until when it refuses others. */
    record Reservation(String batchId, List<PackEvent> events, long revision, long deadlineNanos, List<String> duplicateRecordIds) {
        boolean expired(long nowNanos) {
            return nowNanos - deadlineNanos > 0;
        }
    }

    private static final ConcurrentHashMap<PackId, Reservation> HELD = new ConcurrentHashMap<>();

    /**
     * The reservation of another batch that still holds the pack (so a write of {@code batchId}, or of no batch when
     * null, must be refused as busy), or null. An expired one is dropped on the way.
     */
    static Reservation heldByOther(PackId pack, String batchId) {
        Reservation r = HELD.get(pack);
        if (r == null || r.batchId().equals(batchId)) return null;
        if (r.expired(System.nanoTime())) {
            HELD.remove(pack, r);
            return null;
        }
        return r;
    }

    static void hold(PackId pack, Reservation reservation) {
        HELD.put(pack, reservation);
    }

    /** Takes (removes) the reservation of {@code batchId} if the pack still holds it at {@code revision}; else null. */
    static Reservation take(PackId pack, String batchId, long revision) {
        Reservation r = HELD.get(pack);
        if (r == null || !r.batchId().equals(batchId)) return null;
        HELD.remove(pack, r);
        return r.revision() == revision ? r : null;
    }

    /** Drops the reservation of {@code batchId} (any batch's when null). */
    static void release(PackId pack, String batchId) {
        Reservation r = HELD.get(pack);
        if (r != null && (batchId == null || r.batchId().equals(batchId))) HELD.remove(pack, r);
    }

    /** Packs of this JVM holding a reservation now (tests, diagnostics). */
    static int held() {
        return HELD.size();
    }
}
