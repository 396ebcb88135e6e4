package org.ssbtwin.core.pack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.ssbtwin.core.AssetState;
import org.ssbtwin.core.Rejection;
import org.ssbtwin.core.TwinSerializable;
import org.ssbtwin.core.ageing.ssb.AgeingSnapshot;
import org.ssbtwin.core.compact.CompactLists;
import org.ssbtwin.core.quality.ManufacturingFactors;
import org.ssbtwin.core.id.CellId;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.core.id.VehicleId;

/** A deployed vehicle pack as the twin knows it: the fold of its {@link PackEvent}s. */
public record Pack(
        PackId id,
        PackStatus status,
        String vehicleModel,
        List<CellId> cells,
        List<ManufacturingFactors> cellFactors,
        double nominalCapacityKwh,
        VehicleId vehicleId,
        String climate,
        String archetype,
        Instant installedAt,
        double stateOfHealth,
        double relativeResistance,
        double equivalentFullCycles,
        double km,
        double throughputKwh,
        Instant healthAt,
        List<HealthPoint> history,
        List<String> recentRecordIds,
        AgeingSnapshot ageing,
        Instant lastEventAt,
        long revision) implements TwinSerializable, AssetState<PackEvent, Pack> {

    /** How many recent usage record ids a pack remembers to drop duplicates. */
    public static final int IDEMPOTENCY_WINDOW = 512;
    /** Spacing of the stored state-of-health history points. */
    public static final Duration HISTORY_SPACING = Duration.ofDays(7);

    public Pack {
        // compact forms: a resident pack holds 112 cells' ids and factors (see CompactLists)
        cells = CompactLists.cellIds(cells);
        cellFactors = CompactLists.factors(cellFactors);
        history = List.copyOf(history);
        recentRecordIds = List.copyOf(recentRecordIds);
    }

    public static Pack unknown(PackId id) {
        return new Pack(id, PackStatus.UNKNOWN, null, List.of(), List.of(), 0, null, null, null, null, 1.0, 1.0, 0, 0, 0, null,
                List.of(), List.of(), null, null, 0);
    }

    public boolean exists() {
        return status != PackStatus.UNKNOWN;
    }

    public boolean hasSeen(String recordId) {
        return recentRecordIds.contains(recordId);
    }

    /** A usage record whose id is in the idempotency window was already applied. */
    @Override
    public boolean alreadyRecorded(PackEvent event) {
        return event instanceof PackEvent.UsageRecorded u && hasSeen(u.recordId());
    }

    /** Why this pack cannot accept {@code event}, or {@code null} if it can. */
    @Override
    public Rejection check(PackEvent event) {
        if (event.at() == null) return Rejection.invalid("at", "event time is required");
        if (event instanceof PackEvent.Assembled a) {
            if (!a.packId().equals(id)) return Rejection.invalid("packId", "event is for " + a.packId() + ", not " + id);
            if (exists()) return Rejection.conflict("packId", "pack " + id + " was already assembled");
            return null;
        }
        if (!exists()) return Rejection.notFound("pack " + id + " is not assembled");
        if (event instanceof PackEvent.Installed) {
            if (status == PackStatus.IN_SERVICE) return Rejection.conflict("vehicleId", "pack " + id + " is already installed in " + vehicleId);
            return null;
        }
        if (event instanceof PackEvent.UsageRecorded u) {
            if (status != PackStatus.IN_SERVICE) return Rejection.conflict("status", "pack " + id + " is not installed in a vehicle");
            if (u.periodStart() == null || u.periodEnd() == null || u.periodEnd().isBefore(u.periodStart())) {
                return Rejection.invalid("periodEnd", "period end must not be before period start");
            }
            if (healthAt != null && u.periodEnd().isBefore(healthAt)) {
                return Rejection.conflict("periodEnd", "usage period ends at " + u.periodEnd() + ", before the pack's last update " + healthAt);
            }
            if (!(u.km() >= 0)) return Rejection.invalid("km", "must be >= 0, was " + u.km());
            if (!(u.energyKwh() >= 0)) return Rejection.invalid("energyKwh", "must be >= 0, was " + u.energyKwh());
            if (!(u.stateOfHealthAfter() > 0 && u.stateOfHealthAfter() <= 1.2)) {
                return Rejection.invalid("stateOfHealthAfter", "must be within (0, 1.2], was " + u.stateOfHealthAfter());
            }
        }
        return null;
    }

    @Override
    public Pack apply(PackEvent event) {
        long rev = revision + 1;
        Instant at = event.at();
        if (event instanceof PackEvent.Assembled a) {
            return new Pack(id, PackStatus.ASSEMBLED, a.vehicleModel(), a.cells(), a.cellFactors(), a.nominalCapacityKwh(), null, null,
                    null, null, 1.0, 1.0, 0, 0, 0, at, List.of(new HealthPoint(at, 1.0, 1.0, 0, 0)), recentRecordIds, null, at, rev);
        } else if (event instanceof PackEvent.Installed i) {
            return new Pack(id, PackStatus.IN_SERVICE, vehicleModel, cells, cellFactors, nominalCapacityKwh, i.vehicleId(), i.climate(),
                    i.archetype(), at, stateOfHealth, relativeResistance, equivalentFullCycles, km, throughputKwh,
                    healthAt, history, recentRecordIds, ageing, at, rev);
        } else if (event instanceof PackEvent.UsageRecorded u) {
            double efc = equivalentFullCycles + u.equivalentFullCycles();
            double kmTotal = km + u.km();
            List<HealthPoint> h = history;
            HealthPoint last = history.isEmpty() ? null : history.get(history.size() - 1);
            if (last == null || !u.periodEnd().isBefore(last.at().plus(HISTORY_SPACING))) {
                List<HealthPoint> next = new ArrayList<>(history);
                next.add(new HealthPoint(u.periodEnd(), u.stateOfHealthAfter(), u.relativeResistanceAfter(), efc, kmTotal));
                h = next;
            }
            List<String> idList = rememberRecordId(recentRecordIds, u.recordId());
            return new Pack(id, status, vehicleModel, cells, cellFactors, nominalCapacityKwh, vehicleId, climate, archetype,
                    installedAt, u.stateOfHealthAfter(), u.relativeResistanceAfter(), efc, kmTotal,
                    throughputKwh + u.energyKwh(), u.periodEnd(), h, idList, u.ageingAfter() != null ? u.ageingAfter() : ageing, at, rev);
        }
        throw new IllegalStateException("unhandled pack event " + event);
    }

    /**
     * The idempotency window after {@code id}: the ids in first-seen order without repeats, the newest
     * {@link #IDEMPOTENCY_WINDOW} kept. A new id is appended with one array copy (no set per event).
     */
    static List<String> rememberRecordId(List<String> recent, String id) {
        int n = recent.size();
        if (n <= IDEMPOTENCY_WINDOW) {
            if (recent.contains(id)) return recent;
            int drop = n == IDEMPOTENCY_WINDOW ? 1 : 0; // a full window forgets its oldest id
            String[] next = new String[n - drop + 1];
            for (int i = drop; i < n; i++) next[i - drop] = recent.get(i);
            next[n - drop] = id;
            return List.of(next);
        }
        Set<String> ids = new LinkedHashSet<>(recent);
        ids.add(id);
        List<String> idList = new ArrayList<>(ids);
        return idList.size() > IDEMPOTENCY_WINDOW ? idList.subList(idList.size() - IDEMPOTENCY_WINDOW, idList.size()) : idList;
    }
}
