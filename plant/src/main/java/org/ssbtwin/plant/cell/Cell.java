package org.ssbtwin.plant.cell;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ssbtwin.core.AssetState;
import org.ssbtwin.core.Rejection;
import org.ssbtwin.core.TwinSerializable;
import org.ssbtwin.core.id.CellId;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.core.id.VehicleId;
import org.ssbtwin.core.quality.ManufacturingFactors;

/** A cell as the twin knows it: the fold of its {@link CellEvent}s. */
public record Cell(
        CellId id,
        CellStatus status,
        List<InlayRecord> inlays,
        List<GenealogyStep> steps,
        String grade,
        double capacityAh,
        double resistanceMilliOhm,
        double selfDischargeMvPerWeek,
        ManufacturingFactors factors,
        PackId packId,
        Integer packPosition,
        VehicleId vehicleId,
        Double stateOfHealth,
        Double relativeResistance,
        Double equivalentFullCycles,
        Instant lastEventAt,
        long revision) implements TwinSerializable, AssetState<CellEvent, Cell> {

    public Cell {
        inlays = List.copyOf(inlays);
        steps = List.copyOf(steps);
    }

    public static Cell unknown(CellId id) {
        return new Cell(id, CellStatus.UNKNOWN, List.of(), List.of(), null, 0, 0, 0, null, null, null, null,
                null, null, null, null, 0);
    }

    public boolean exists() {
        return status != CellStatus.UNKNOWN;
    }

    /**
     * A fact this cell already holds (a retried write whose first attempt was recorded, e.g. across a failover): its
     * lamination with the same inlays, or an event not after the cell's last one whose genealogy step is already
     * in the genealogy. Such a fact is skipped, not refused (idempotent retries, issue 22).
     */
    @Override
    public boolean alreadyRecorded(CellEvent event) {
        if (!exists() || event.at() == null || lastEventAt == null || event.at().isAfter(lastEventAt)) return false;
        if (event instanceof CellEvent.InlaysLaminated l) return l.cellId().equals(id) && l.inlays().equals(inlays);
        if (status == CellStatus.SCRAPPED && !(event instanceof CellEvent.Scrapped)) return false;
        List<GenealogyStep> after = apply(event).steps();
        return after.size() == steps.size() + 1 && steps.contains(after.get(after.size() - 1));
    }

    /** Why this cell cannot accept {@code event}, or {@code null} if it can. */
    @Override
    public Rejection check(CellEvent event) {
        if (event.at() == null) return Rejection.invalid("at", "event time is required");
        if (lastEventAt != null && event.at().isBefore(lastEventAt)) {
            return Rejection.conflict("at", "time goes backwards for cell " + id + ": " + event.at() + " is before " + lastEventAt);
        }
        if (event instanceof CellEvent.InlaysLaminated l) {
            if (!l.cellId().equals(id)) return Rejection.invalid("cellId", "event is for " + l.cellId() + ", not " + id);
            if (exists()) return Rejection.conflict("inlays", "cell " + id + " was already laminated");
            return null;
        }
        if (!exists()) return Rejection.notFound("cell " + id + " has no genealogy yet (not laminated)");
        if (status == CellStatus.SCRAPPED) return Rejection.conflict("status", "cell " + id + " was scrapped");
        if (event instanceof CellEvent.Shipped && status != CellStatus.GRADED) {
            return Rejection.conflict("status", "cell " + id + " must be graded before shipping, is " + status);
        }
        if (event instanceof CellEvent.Packed && status != CellStatus.GRADED && status != CellStatus.SHIPPED) {
            return Rejection.conflict("status", "cell " + id + " must be graded (and shipped) before packing, is " + status);
        }
        if (event instanceof CellEvent.Installed && status != CellStatus.PACKED) {
            return Rejection.conflict("status", "cell " + id + " must be packed before installation, is " + status);
        }
        if (event instanceof CellEvent.FieldStateReported f && !(f.stateOfHealth() >= 0 && f.stateOfHealth() <= 1.2)) {
            return Rejection.invalid("stateOfHealth", "must be within [0, 1.2], was " + f.stateOfHealth());
        }
        return null;
    }

    @Override
    public Cell apply(CellEvent event) {
        long rev = revision + 1;
        Instant at = event.at();
        List<GenealogyStep> s = new ArrayList<>(steps);
        if (event instanceof CellEvent.InlaysLaminated l) {
            l.inlays().forEach(i -> s.add(new GenealogyStep("lamination", i.laminationUnit().value(), i.laminatedAt(), "pass",
                    Map.of("laminationTemperatureC", i.laminationTemperatureC(), "dewPointC", i.dewPointC()))));
            return new Cell(id, CellStatus.IN_PRODUCTION, l.inlays(), s, grade, capacityAh, resistanceMilliOhm,
                    selfDischargeMvPerWeek, factors, packId, packPosition, vehicleId, stateOfHealth, relativeResistance,
                    equivalentFullCycles, at, rev);
        } else if (event instanceof CellEvent.StationPassed p) {
            s.add(new GenealogyStep(p.step(), p.station().value(), at, p.result(), p.measurements()));
            return new Cell(id, status == CellStatus.UNKNOWN ? CellStatus.IN_PRODUCTION : status, inlays, s, grade,
                    capacityAh, resistanceMilliOhm, selfDischargeMvPerWeek, factors, packId, packPosition, vehicleId,
                    stateOfHealth, relativeResistance, equivalentFullCycles, at, rev);
        } else if (event instanceof CellEvent.Graded g) {
            s.add(new GenealogyStep("grading", "EOL", at, g.grade(), Map.of("capacityAh", g.capacityAh(),
                    "resistanceMilliOhm", g.resistanceMilliOhm(), "selfDischargeMvPerWeek", g.selfDischargeMvPerWeek())));
            return new Cell(id, CellStatus.GRADED, inlays, s, g.grade(), g.capacityAh(), g.resistanceMilliOhm(),
                    g.selfDischargeMvPerWeek(), g.factors(), packId, packPosition, vehicleId, stateOfHealth,
                    relativeResistance, equivalentFullCycles, at, rev);
        } else if (event instanceof CellEvent.Scrapped x) {
            s.add(new GenealogyStep("scrap", x.station().value(), at, x.cause(), Map.of()));
            return new Cell(id, CellStatus.SCRAPPED, inlays, s, grade, capacityAh, resistanceMilliOhm,
                    selfDischargeMvPerWeek, factors, packId, packPosition, vehicleId, stateOfHealth, relativeResistance,
                    equivalentFullCycles, at, rev);
        } else if (event instanceof CellEvent.Shipped x) {
            s.add(new GenealogyStep("shipment", x.lotId(), at, "shipped from " + x.origin() + " to " + x.destination(),
                    Map.of("cellsInLot", (double) x.cellsInLot())));
            return new Cell(id, CellStatus.SHIPPED, inlays, s, grade, capacityAh, resistanceMilliOhm,
                    selfDischargeMvPerWeek, factors, packId, packPosition, vehicleId, stateOfHealth, relativeResistance,
                    equivalentFullCycles, at, rev);
        } else if (event instanceof CellEvent.Packed p) {
            s.add(new GenealogyStep("pack-assembly", p.packId().value(), at, "pass", Map.of("position", (double) p.position())));
            return new Cell(id, CellStatus.PACKED, inlays, s, grade, capacityAh, resistanceMilliOhm,
                    selfDischargeMvPerWeek, factors, p.packId(), p.position(), vehicleId, stateOfHealth,
                    relativeResistance, equivalentFullCycles, at, rev);
        } else if (event instanceof CellEvent.Installed i) {
            s.add(new GenealogyStep("installation", i.vehicleId().value(), at, "pass", Map.of()));
            return new Cell(id, CellStatus.IN_FIELD, inlays, s, grade, capacityAh, resistanceMilliOhm,
                    selfDischargeMvPerWeek, factors, packId, packPosition, i.vehicleId(), 1.0, 1.0, 0.0, at, rev);
        } else if (event instanceof CellEvent.FieldStateReported f) {
            // field updates change health, they are not new genealogy pages
            return new Cell(id, status, inlays, steps, grade, capacityAh, resistanceMilliOhm, selfDischargeMvPerWeek,
                    factors, packId, packPosition, vehicleId, f.stateOfHealth(), f.relativeResistance(),
                    f.equivalentFullCycles(), at, rev);
        }
        throw new IllegalStateException("unhandled cell event " + event);
    }

    /** The cell's genealogy from lamination to today. */
    public CellGenealogy genealogy() {
        return new CellGenealogy(id, status, inlays, steps, factors, packId, vehicleId);
    }
}
