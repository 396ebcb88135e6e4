package org.ssbtwin.plant.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.ssbtwin.core.id.StationId;
import org.ssbtwin.plant.cell.CellDesign;
import org.ssbtwin.plant.cell.CellGrade;
import org.ssbtwin.plant.layout.ScrapCause;

/**
 * The line's KPI accounting over the statistics window: the line counters (graded cells by grade, packs) and the
 * computation of {@link StationKpis} from a station's counters and time shares and of {@link PlantKpis} (bottleneck,
 * first-pass yield, scrap Pareto, WIP) from all stations.
 */
final class KpiAccounting {
    private static final ScrapCause[] CAUSES = LineItems.CAUSES;

    private long windowStartMs;
    private long cellsCompleted, gradeA, gradeB, packsAssembled;

    void cellGraded(CellGrade grade) {
        cellsCompleted++;
        if (grade == CellGrade.A) gradeA++; else gradeB++;
    }

    void packAssembled() { packsAssembled++; }

    /** Starts a new window at {@code now} (line counters; the stations reset their own). */
    void reset(long now) {
        windowStartMs = now;
        cellsCompleted = gradeA = gradeB = packsAssembled = 0;
    }

    PlantKpis plantKpis(StationRuntime[] st, LaminationStep lamination, EventCalendar calendar, CellDesign design) {
        long now = calendar.now;
        int inlaysPerCell = design.inlaysPerCell();
        int cellsPerPack = design.cellsPerPack();
        List<StationKpis> list = new ArrayList<>(st.length);
        StationId bottleneck = null;
        double bestActive = -1, bestIdle = Double.MAX_VALUE;
        double fpy = 1;
        long[] scrapTotals = new long[CAUSES.length];
        for (StationRuntime s : st) {
            s.accumulate(now);
            StationKpis k = stationKpis(s);
            list.add(k);
            for (int c = 0; c < CAUSES.length; c++) scrapTotals[c] += s.scrapBy[c];
            if (s.tPlanned > 0) {
                double active = k.activeShare();
                double idle = k.blockedShare() + k.starvedShare();
                if (active > bestActive + 1e-12 || (Math.abs(active - bestActive) <= 1e-12 && idle < bestIdle)) {
                    bestActive = active;
                    bestIdle = idle;
                    bottleneck = s.id;
                }
            }
            if (s.idx >= LineOrder.LAM && s.idx <= LineOrder.EOL) {
                double y = k.quality();
                fpy *= s.idx <= LineOrder.COR ? Math.pow(y, inlaysPerCell) : y;
            }
        }
        long total = 0;
        for (long v : scrapTotals) total += v;
        List<ScrapShare> pareto = new ArrayList<>();
        for (int c = 0; c < CAUSES.length; c++) {
            if (scrapTotals[c] > 0) pareto.add(new ScrapShare(CAUSES[c], scrapTotals[c], (double) scrapTotals[c] / total));
        }
        pareto.sort((a, b) -> a.count() != b.count() ? Long.compare(b.count(), a.count()) : a.cause().compareTo(b.cause()));
        double days = (now - windowStartMs) / 86_400_000.0;
        double perDay = days > 0 ? cellsCompleted / days : 0;
        long wipRolls = 0;
        for (int k = LineOrder.CAT; k <= LineOrder.ANO; k++) {
            wipRolls += st[k].held() + lamination.rollQ[k].size() + (lamination.openLeft[k] > 0 ? 1 : 0);
        }
        StationRuntime lam = st[LineOrder.LAM], frm = st[LineOrder.FRM], cor = st[LineOrder.COR], mab = st[LineOrder.MAB],
                fag = st[LineOrder.FAG], eol = st[LineOrder.EOL], pck = st[LineOrder.PCK];
        long wipInlays = lam.held() + frm.held() + cor.held() + frm.in.size() + cor.in.size() + mab.in.size();
        long wipCells = mab.held() + fag.held() + eol.held() + fag.in.size() + eol.in.size()
                + pck.in.size() + (long) pck.held() * cellsPerPack;
        return new PlantKpis(calendar.instant(windowStartMs), calendar.at(), list, bottleneck,
                cellsCompleted, gradeA, gradeB, packsAssembled, perDay,
                perDay * 365.0 * design.cellEnergyKWh() / 1e6, fpy, pareto, wipRolls, wipInlays, wipCells);
    }

    /**
     * A station's KPIs over the window (its time shares must be accumulated up to now). OEE in the SEMI E10 / E79
     * time model: the time base is the scheduled time of the active units (non-scheduled time - off shift, annual
     * shutdown - is left out); scheduled downtime (planned maintenance) and unscheduled downtime (breakdowns) count
     * against availability; performance = ideal cycle x jobs / uptime; quality = good / jobs.
     */
    static StationKpis stationKpis(StationRuntime s) {
        double planned = s.tPlanned;
        double operating = planned - s.tDown - s.tMaint;
        double avail = planned > 0 ? operating / planned : 0;
        long done = s.cOut + s.cScrap;
        double perf = operating > 0 ? Math.min(1.0, s.idealCycleMs * done / operating) : 0;
        double quality = done > 0 ? (double) s.cOut / done : 1.0;
        double util = planned > 0 ? s.tBusy / planned : 0;
        double blockedShare = planned > 0 ? s.tBlocked / planned : 0;
        double downShare = planned > 0 ? s.tDown / planned : 0;
        double maintenanceShare = planned > 0 ? s.tMaint / planned : 0;
        double starved = planned > 0 ? Math.max(0, 1 - util - blockedShare - downShare - maintenanceShare) : 0;
        Map<ScrapCause, Long> by = new EnumMap<>(ScrapCause.class);
        for (int c = 0; c < CAUSES.length; c++) if (s.scrapBy[c] > 0) by.put(CAUSES[c], s.scrapBy[c]);
        return new StationKpis(s.id, s.kind, s.activeUnits, s.state, s.cIn, s.cOut, s.cScrap, s.held(), s.heldAtWindowStart,
                s.step.inputBuffered(), by, avail, perf, quality, avail * perf * quality, util, blockedShare, starved, downShare, maintenanceShare);
    }
}
