package org.ssbtwin.plant.cell;

import java.time.Instant;
import java.util.List;
import org.ssbtwin.core.id.InlayId;
import org.ssbtwin.core.id.RollId;
import org.ssbtwin.core.id.StationId;

/**
 * One laminated inlay (cathode + solid electrolyte + silicon anode) inside a cell: the rolls it was cut from and
 * the lamination and dry-room conditions it saw. This is where a cell's field ageing starts.
 */
public record InlayRecord(
        InlayId inlayId,
        List<RollId> rolls,
        StationId laminationUnit,
        Instant laminatedAt,
        double laminationTemperatureC,
        double dewPointC,
        double capacityAh,
        double resistanceMilliOhm) {
    public InlayRecord {
        rolls = List.copyOf(rolls);
    }
}
