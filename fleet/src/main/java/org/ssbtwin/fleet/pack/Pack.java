package org.ssbtwin.fleet.pack;

import java.time.Instant;
import java.util.List;
import org.ssbtwin.core.AssetState;
import org.ssbtwin.core.Rejection;
import org.ssbtwin.core.TwinSerializable;
import org.ssbtwin.fleet.ageing.AgeingSnapshot;
import org.ssbtwin.core.quality.CompactCellLists;
import org.ssbtwin.core.quality.ManufacturingFactors;
import org.ssbtwin.core.quality.SeriesCellProfile;
import org.ssbtwin.core.id.CellId;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.core.id.VehicleId;

/**
 * A deployed vehicle pack as the twin knows it: the fold of its {@link PackEvent}s, and what a resident pack entity
 * holds. Kept small because a node holds many (~1.7 KB of state, ~5 KB per resident entity with Pekko's own, see the
 * entity-memory bench and docs/benchmarks.md): cell ids as
 * serial numbers, the cells' manufacturing factors as the exact {@link SeriesCellProfile} the ageing model needs
 * (each cell's own factors stay in its cell twin and in the {@code Assembled} event), the idempotency window as
 * hashes; the health history is read from the journal when asked for (GET /packs/{id}/history), not held.
 *
 * <p>Schema version 4 (version 1 held cellFactors, history and recentRecordIds, version 2 64-bit record-id hashes,
 * version 3 had no negativeEvents; PackSnapshotMigration reads them all).
 */
public record Pack(
        PackId id,
        PackStatus status,
        String vehicleModel,
        List<CellId> cells,
        SeriesCellProfile cellProfile,
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
        RecentRecordIds recentRecords,
        AgeingSnapshot ageing,
        Instant lastEventAt,
        long revision,
        NegativeEvents negativeEvents) implements TwinSerializable, AssetState<PackEvent, Pack> {

    /** How many recent usage record ids a pack remembers to drop duplicates. */
    public static final int IDEMPOTENCY_WINDOW = RecentRecordIds.CAPACITY;

    public Pack {
        // compact forms: a resident pack holds 112 cells' ids (see CompactCellLists); shared strings for the few names
        cells = CompactCellLists.cellIds(cells);
        recentRecords = recentRecords == null ? RecentRecordIds.EMPTY : recentRecords;
        negativeEvents = negativeEvents == null ? NegativeEvents.NONE : negativeEvents;
        vehicleModel = vehicleModel == null ? null : vehicleModel.intern();
        climate = climate == null ? null : climate.intern();
        archetype = archetype == null ? null : archetype.intern();
    }

    /** A pack without negative events (the form before schema version 4). */
    public Pack(PackId id, PackStatus status, String vehicleModel, List<CellId> cells, SeriesCellProfile cellProfile,
                double nominalCapacityKwh, VehicleId vehicleId, String climate, String archetype, Instant installedAt,
                double stateOfHealth, double relativeResistance, double equivalentFullCycles, double km, double throughputKwh,
                Instant healthAt, RecentRecordIds recentRecords, AgeingSnapshot ageing, Instant lastEventAt, long revision) {
        this(id, status, vehicleModel, cells, cellProfile, nominalCapacityKwh, vehicleId, climate, archetype, installedAt,
                stateOfHealth, relativeResistance, equivalentFullCycles, km, throughputKwh, healthAt, recentRecords, ageing,
                lastEventAt, revision, NegativeEvents.NONE);
    }

    @Override
    public int schemaVersion() {
        return 4;
    }

    public static Pack unknown(PackId id) {
        return new Pack(id, PackStatus.UNKNOWN, null, List.of(), null, 0, null, null, null, null, 1.0, 1.0, 0, 0, 0, null,
                RecentRecordIds.EMPTY, null, null, 0);
    }

    public boolean exists() {
        return status != PackStatus.UNKNOWN;
    }

    public boolean hasSeen(String recordId) {
        return recentRecords.contains(recordId);
    }

    /**
     * A usage record already applied: its period is not after the pack's last update and its id is in the
     * idempotency window. A record for a later period is new whatever its id (the window is never asked about it).
     */
    @Override
    public boolean alreadyRecorded(PackEvent event) {
        // a retried assembly or installation (issue 22): the same pack, cells and instant, or the same vehicle and instant
        if (event instanceof PackEvent.Assembled a) {
            return exists() && a.packId().equals(id) && a.cells().equals(cells) && a.vehicleModel() != null
                    && a.vehicleModel().equals(vehicleModel) && a.at() != null && lastEventAt != null && !a.at().isAfter(lastEventAt);
        }
        if (event instanceof PackEvent.Installed i) {
            return status == PackStatus.IN_SERVICE && i.vehicleId() != null && i.vehicleId().equals(vehicleId)
                    && i.at() != null && i.at().equals(installedAt);
        }
        return event instanceof PackEvent.UsageRecorded u && healthAt != null && u.periodEnd() != null
                && !u.periodEnd().isAfter(healthAt) && hasSeen(u.recordId());
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
        if (event instanceof PackEvent.NegativeEventRecorded n) {
            if (status != PackStatus.IN_SERVICE) return Rejection.conflict("status", "pack " + id + " is not installed in a vehicle");
            if (n.kind() == null || n.periodEnd() == null) return Rejection.invalid("kind", "kind and periodEnd are required");
        }
        return null;
    }

    /**
     * The pack's series elements for the ageing model: with its vehicle model's architecture and all its cells, each
     * element stands for its parallel cells ({@link org.ssbtwin.fleet.design.PackArchitecture#seriesElements});
     * otherwise (unknown model, a pack of another cell count) every cell is its own series element, as before.
     */
    static List<ManufacturingFactors> seriesElements(String vehicleModel, List<ManufacturingFactors> cells) {
        var arch = vehicleModel == null ? null : org.ssbtwin.fleet.design.DesignCatalogue.bundled().architecture(vehicleModel).orElse(null);
        return arch != null && arch.cells() == cells.size() ? arch.seriesElements(cells) : cells;
    }

    @Override
    public Pack apply(PackEvent event) {
        long rev = revision + 1;
        Instant at = event.at();
        if (event instanceof PackEvent.Assembled a) {
            SeriesCellProfile profile = a.cellFactors().isEmpty() ? null : SeriesCellProfile.of(seriesElements(a.vehicleModel(), a.cellFactors()));
            return new Pack(id, PackStatus.ASSEMBLED, a.vehicleModel(), a.cells(), profile, a.nominalCapacityKwh(), null, null,
                    null, null, 1.0, 1.0, 0, 0, 0, at, recentRecords, null, at, rev, negativeEvents);
        } else if (event instanceof PackEvent.Installed i) {
            return new Pack(id, PackStatus.IN_SERVICE, vehicleModel, cells, cellProfile, nominalCapacityKwh, i.vehicleId(), i.climate(),
                    i.archetype(), at, stateOfHealth, relativeResistance, equivalentFullCycles, km, throughputKwh,
                    healthAt, recentRecords, ageing, at, rev, negativeEvents);
        } else if (event instanceof PackEvent.UsageRecorded u) {
            return new Pack(id, status, vehicleModel, cells, cellProfile, nominalCapacityKwh, vehicleId, climate, archetype,
                    installedAt, u.stateOfHealthAfter(), u.relativeResistanceAfter(), equivalentFullCycles + u.equivalentFullCycles(),
                    km + u.km(), throughputKwh + u.energyKwh(), u.periodEnd(), recentRecords.remember(u.recordId()),
                    u.stateAfter(ageing), at, rev, negativeEvents);
        } else if (event instanceof PackEvent.NegativeEventRecorded n) {
            return new Pack(id, status, vehicleModel, cells, cellProfile, nominalCapacityKwh, vehicleId, climate, archetype,
                    installedAt, stateOfHealth, relativeResistance, equivalentFullCycles, km, throughputKwh, healthAt,
                    recentRecords, ageing, at, rev, negativeEvents.with(n));
        }
        throw new IllegalStateException("unhandled pack event " + event);
    }
}
