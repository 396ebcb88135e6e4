package org.ssbtwin.plant.cell;

import org.ssbtwin.core.id.CellId;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.core.id.VehicleId;

/** The few fields of a cell that lists and filters need; folded from the same events as {@link Cell}. */
public record CellSummary(CellId id, CellStatus status, String grade, double capacityAh, double resistanceMilliOhm,
                          double laminationTemperatureC, double dewPointC, PackId packId, VehicleId vehicleId,
                          Double stateOfHealth) {

    public static CellSummary of(CellId id) {
        return new CellSummary(id, CellStatus.UNKNOWN, null, 0, 0, Double.NaN, Double.NaN, null, null, null);
    }

    public CellSummary apply(CellEvent e) {
        if (e instanceof CellEvent.InlaysLaminated l) {
            double t = l.inlays().stream().mapToDouble(InlayRecord::laminationTemperatureC).average().orElse(Double.NaN);
            double dp = l.inlays().stream().mapToDouble(InlayRecord::dewPointC).max().orElse(Double.NaN);
            return new CellSummary(id, CellStatus.IN_PRODUCTION, grade, capacityAh, resistanceMilliOhm, t, dp, packId, vehicleId, stateOfHealth);
        } else if (e instanceof CellEvent.Graded g) {
            return new CellSummary(id, CellStatus.GRADED, g.grade(), g.capacityAh(), g.resistanceMilliOhm(), laminationTemperatureC, dewPointC, packId, vehicleId, stateOfHealth);
        } else if (e instanceof CellEvent.Scrapped) {
            return new CellSummary(id, CellStatus.SCRAPPED, grade, capacityAh, resistanceMilliOhm, laminationTemperatureC, dewPointC, packId, vehicleId, stateOfHealth);
        } else if (e instanceof CellEvent.Shipped) {
            return new CellSummary(id, CellStatus.SHIPPED, grade, capacityAh, resistanceMilliOhm, laminationTemperatureC, dewPointC, packId, vehicleId, stateOfHealth);
        } else if (e instanceof CellEvent.Packed p) {
            return new CellSummary(id, CellStatus.PACKED, grade, capacityAh, resistanceMilliOhm, laminationTemperatureC, dewPointC, p.packId(), vehicleId, stateOfHealth);
        } else if (e instanceof CellEvent.Installed i) {
            return new CellSummary(id, CellStatus.IN_FIELD, grade, capacityAh, resistanceMilliOhm, laminationTemperatureC, dewPointC, packId, i.vehicleId(), 1.0);
        } else if (e instanceof CellEvent.FieldStateReported f) {
            return new CellSummary(id, status, grade, capacityAh, resistanceMilliOhm, laminationTemperatureC, dewPointC, packId, vehicleId, f.stateOfHealth());
        }
        return this;
    }
}
