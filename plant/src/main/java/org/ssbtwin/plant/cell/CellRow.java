package org.ssbtwin.plant.cell;

import java.time.Instant;
import org.ssbtwin.core.id.CellId;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.core.id.VehicleId;

/**
 * One cell as the read side stores it (a row of {@code rs_cell}): its {@link CellSummary} (folded by the same rule)
 * plus the keys recalls search by. {@code lastSeqNr} is the sequence number of the last event folded in: an event at
 * or below it is already in the row and changes nothing, so a replay never counts an event twice.
 *
 * @param laminationUnit the lamination unit of the cell's first inlay (null before lamination)
 * @param laminatedAt when its first inlay was laminated
 * @param laminationTemperatureC mean lamination temperature over the inlays (NaN before lamination)
 * @param dewPointC highest dry-room dew point over the inlays (NaN before lamination)
 * @param lotId the shipping lot ({@link CellEvent.Shipped}), null when not shipped
 * @param packPosition position in its pack ({@link CellEvent.Packed}), null when not packed
 * @param stateOfHealth last field state of health, null before installation
 * @param updatedAt virtual time of the latest event folded in
 */
public record CellRow(String cellId, CellStatus status, String grade, double capacityAh, double resistanceMilliOhm,
                      String laminationUnit, Instant laminatedAt, double laminationTemperatureC, double dewPointC,
                      String lotId, Instant shippedAt, String destination, String packId, Integer packPosition,
                      String vehicleId, Double stateOfHealth, long lastSeqNr, Instant updatedAt) {

    public static CellRow empty(String cellId) {
        return of(CellSummary.of(CellId.of(cellId)), null, null, null, null, null, null, 0, null);
    }

    private static CellRow of(CellSummary s, String unit, Instant laminatedAt, String lot, Instant shippedAt, String destination,
                              Integer position, long seqNr, Instant at) {
        return new CellRow(s.id().value(), s.status(), s.grade(), s.capacityAh(), s.resistanceMilliOhm(), unit, laminatedAt,
                s.laminationTemperatureC(), s.dewPointC(), lot, shippedAt, destination, s.packId() == null ? null : s.packId().value(),
                position, s.vehicleId() == null ? null : s.vehicleId().value(), s.stateOfHealth(), seqNr, at);
    }

    /** Whether the event with this sequence number is already folded into the row. */
    public boolean hasApplied(long seqNr) {
        return seqNr <= lastSeqNr;
    }

    /** The summary lists show (the same value {@link CellSummary#apply} folds from the same events). */
    public CellSummary summary() {
        return new CellSummary(CellId.of(cellId), status, grade, capacityAh, resistanceMilliOhm, laminationTemperatureC, dewPointC,
                packId == null ? null : PackId.of(packId), vehicleId == null ? null : VehicleId.of(vehicleId), stateOfHealth);
    }

    /** The row after one more event of this cell; an already-applied sequence number returns the row unchanged. */
    public CellRow apply(CellEvent event, long seqNr) {
        if (hasApplied(seqNr)) return this;
        CellSummary next = summary().apply(event);
        String unit = laminationUnit;
        Instant laminated = laminatedAt;
        String lot = lotId;
        Instant shipped = shippedAt;
        String dest = destination;
        Integer position = packPosition;
        if (event instanceof CellEvent.InlaysLaminated l) {
            InlayRecord first = l.inlays().get(0);
            unit = first.laminationUnit() == null ? null : first.laminationUnit().value();
            laminated = first.laminatedAt();
        } else if (event instanceof CellEvent.Shipped s) {
            lot = s.lotId();
            shipped = s.at();
            dest = s.destination();
        } else if (event instanceof CellEvent.Packed p) {
            position = p.position();
        }
        return of(next, unit, laminated, lot, shipped, dest, position, seqNr, event.at());
    }
}
