package org.ssbtwin.plant.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ssbtwin.core.id.CellId;
import org.ssbtwin.core.id.RollId;
import org.ssbtwin.core.quality.ManufacturingFactors;
import org.ssbtwin.plant.cell.CellGrade;
import org.ssbtwin.plant.genealogy.CellProductionRecord;
import org.ssbtwin.plant.genealogy.InlayGenealogy;
import org.ssbtwin.plant.genealogy.StationPass;

/**
 * Builds a graded cell's {@link CellProductionRecord} from the item stores: per inlay its rolls and the passes
 * through coating, lamination, framing and core assembly; per cell the passes through stacking, formation/ageing
 * and EOL, with the process windows in force.
 */
final class ProductionRecordBuilder {
    private final StationRuntime[] st;
    private final LineItems items;
    private final EventCalendar calendar;
    private final LaminationStep lamination;
    private final CoreAssemblyStep coreAssembly;
    private final BipolarStackingStep stacking;

    ProductionRecordBuilder(StationRuntime[] st, LineItems items, EventCalendar calendar, LaminationStep lamination,
                            CoreAssemblyStep coreAssembly, BipolarStackingStep stacking) {
        this.st = st;
        this.items = items;
        this.calendar = calendar;
        this.lamination = lamination;
        this.coreAssembly = coreAssembly;
        this.stacking = stacking;
    }

    CellProductionRecord build(int c, CellId id, CellGrade grade, ManufacturingFactors f) {
        InlayStore inlays = items.inlays;
        CellStore cells = items.cells;
        int inlaysPerCell = items.inlaysPerCell;
        List<InlayGenealogy> list = new ArrayList<>(inlaysPerCell);
        int base = c * inlaysPerCell;
        for (int k = 0; k < inlaysPerCell; k++) {
            int i = cells.inlay[base + k];
            List<StationPass> passes = new ArrayList<>(6);
            RollId[] rids = new RollId[3];
            for (int kind = 0; kind < 3; kind++) {
                int roll = inlays.roll[i * 3 + kind];
                rids[kind] = LineItems.rollId(kind, roll);
                RollStore rs = items.rolls[kind];
                passes.add(new StationPass(st[kind].id, st[kind].kind, rs.unit[roll], inst(rs.start[roll]), inst(rs.end[roll]),
                        "roll " + rids[kind]));
            }
            StationRuntime lam = st[LineOrder.LAM], frm = st[LineOrder.FRM], cor = st[LineOrder.COR];
            passes.add(new StationPass(lam.id, lam.kind, inlays.lamUnit[i], inst(inlays.lamStart[i]), inst(inlays.lamEnd[i]),
                    String.format("laminated at %.1f degC", inlays.lamTemp(i))));
            passes.add(new StationPass(frm.id, frm.kind, inlays.frmUnit[i], inst(inlays.frmStart[i]), inst(inlays.frmEnd(i)), "framed"));
            passes.add(new StationPass(cor.id, cor.kind, inlays.corUnit[i], inst(inlays.corStart[i]), inst(inlays.corEnd[i]),
                    String.format("core assembled at dew point %.1f degC", inlays.dew(i))));
            list.add(new InlayGenealogy(items.inlayId(inlays.serial(i)), rids[0], rids[1], rids[2], lam.unitIds[inlays.lamUnit[i]],
                    inst(inlays.lamEnd[i]), inlays.lamTemp(i), inlays.dew(i), inlays.dose(i), inlays.sev(i),
                    inlays.cap(i), inlays.res(i), passes));
        }
        StationRuntime mab = st[LineOrder.MAB], fag = st[LineOrder.FAG], eol = st[LineOrder.EOL];
        List<StationPass> cp = List.of(
                new StationPass(mab.id, mab.kind, cells.mabUnit[c], inst(cells.mabStart[c]), inst(cells.mabEnd[c]),
                        String.format("stacked, misalignment %.3f mm", cells.mis(c))),
                new StationPass(fag.id, fag.kind, cells.fagUnit[c], inst(cells.fagStart[c]), inst(cells.fagEnd[c]),
                        String.format("self-discharge %.2f mV/week PASS", cells.sd(c))),
                new StationPass(eol.id, eol.kind, cells.eolUnit[c], inst(cells.eolStart[c]), inst(cells.eolEnd[c]),
                        String.format("grade %s, %.2f Ah, %.3f mOhm", grade, cells.cap(c), cells.res(c))));
        return new CellProductionRecord(id, list, cp, cells.mis(c), cells.sd(c), cells.cap(c), cells.res(c), grade,
                calendar.at(), lamination.window, coreAssembly.dewLimit, stacking.misTol, f);
    }

    private Instant inst(long ms) { return calendar.instant(ms); }
}
