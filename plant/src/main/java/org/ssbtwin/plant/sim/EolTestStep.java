package org.ssbtwin.plant.sim;

import org.ssbtwin.core.quality.ManufacturingFactors;
import org.ssbtwin.plant.cell.CellDesign;
import org.ssbtwin.plant.cell.CellGrade;
import org.ssbtwin.plant.genealogy.CellProductionRecord;
import org.ssbtwin.plant.layout.PhysicsParameters;
import org.ssbtwin.plant.layout.ScrapCause;
import org.ssbtwin.plant.physics.ProcessPhysics;

/**
 * End-of-line test and grading: capacity and resistance are measured (with measurement noise) and graded; an
 * out-of-spec cell is scrapped, a graded one is reported complete (with its production record when genealogy is on).
 */
final class EolTestStep extends ProcessStep {
    private final CellDesign design;
    private final KpiAccounting kpis;
    private final ProductionRecordBuilder records;

    EolTestStep(StationRuntime station, StationRuntime upstream, EventCalendar calendar, LineItems items,
                PhysicsParameters phys, boolean genealogy, CellDesign design, KpiAccounting kpis,
                ProductionRecordBuilder records) {
        super(station, upstream, calendar, items, phys, genealogy, 1);
        this.design = design;
        this.kpis = kpis;
        this.records = records;
    }

    @Override
    int complete(int srv, int u, int item, boolean baseScrap) {
        StationRuntime s = station;
        CellStore cells = items.cells;
        double cap = cells.cap(item) * (1 + phys.measurementSigma() * s.gauss());
        double res = cells.res(item) * (1 + phys.measurementSigma() * s.gauss());
        if (genealogy) {
            cells.eolUnit[item] = u;
            cells.eolStart[item] = s.jobStart(srv);
            cells.eolEnd[item] = calendar.now;
        }
        cells.cap(item, cap);
        cells.res(item, res);
        CellGrade grade = ProcessPhysics.grade(cap, res, design, phys);
        if (grade == null || baseScrap) return items.scrapCell(s, u, ScrapCause.EOL_OUT_OF_SPEC.ordinal(), item);
        cellPassed(item, grade);
        return PASSED;
    }

    private void cellPassed(int item, CellGrade grade) {
        CellStore cells = items.cells;
        ManufacturingFactors f = cells.factors(item);
        kpis.cellGraded(grade);
        CellProductionRecord g = genealogy ? records.build(item, items.cellId(cells.serial(item)), grade, f) : null;
        calendar.emit(new PlantEvent.CellCompleted(calendar.at(), items.site, cells.serial(item), grade, cells.cap(item),
                cells.res(item), cells.sd(item), f, g));
        if (genealogy) items.releaseInlaysOf(item);
    }
}
