package org.ssbtwin.plant.genealogy;

import java.time.Instant;
import java.util.List;
import org.ssbtwin.core.id.CellId;
import org.ssbtwin.plant.cell.CellGrade;
import org.ssbtwin.plant.layout.ProcessWindow;
import org.ssbtwin.core.quality.ManufacturingFactors;

/**
 * Full genealogy of a completed (graded) cell: its inlays in stacking order (bipolar series), the cell-level
 * station passes (stacking, formation/ageing, EOL), the measurements, the process windows in force, and the
 * {@link ManufacturingFactors} derived from all of it (see ProcessPhysics.manufacturingFactors).
 */
public record CellProductionRecord(CellId cell, List<InlayGenealogy> inlays, List<StationPass> passes,
                            double misalignmentMm, double selfDischargeMvPerWeek,
                            double capacityAh, double resistanceMilliOhm, CellGrade grade, Instant completedAt,
                            ProcessWindow laminationWindow, double dewPointLimitC, double misalignmentToleranceMm,
                            ManufacturingFactors factors) {
    public CellProductionRecord {
        inlays = List.copyOf(inlays);
        passes = List.copyOf(passes);
    }
}
