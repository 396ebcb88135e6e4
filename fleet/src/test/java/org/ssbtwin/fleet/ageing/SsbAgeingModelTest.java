package org.ssbtwin.fleet.ageing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ssbtwin.core.quality.ManufacturingFactors;

class SsbAgeingModelTest {
    private final SsbAgeingModel model = SsbAgeingModel.DEFAULT;

    private static PackDay day(double tempC, double efc, double dcShare, double c) {
        PackDay d = new PackDay().clear();
        d.meanCellTempC = tempC;
        d.chargeCellTempC = tempC;
        d.efc = efc;
        d.dischargeKWh = efc * 50;
        d.km = efc * 300;
        d.dod = Math.min(0.75, efc);
        d.meanSoc = 0.6;
        d.dcShare = dcShare;
        d.maxChargeC = c;
        return d;
    }

    private SsbPackState run(PackCells cells, PackDay d, int days) {
        SsbPackState s = new SsbPackState().reset(Double.POSITIVE_INFINITY);
        for (int i = 0; i < days; i++) {
            model.step(s, cells, d);
        }
        model.refresh(s, cells);
        return s;
    }

    private PackCells nominal(int n) {
        return PackCells.of(model, Collections.nCopies(n, ManufacturingFactors.NOMINAL));
    }

    @Test
    void calendarLawMatchesThePowerLawClosedForm() {
        // the law is now kCal * (rate * t)^z with z = 0.743 (was k * sqrt(t)); the equivalent-time state is exact
        // for constant conditions, so daily steps reproduce the closed form to rounding
        PackDay d = day(25, 0, 0, 0);
        d.meanSoc = 0.5;
        SsbPackState s = run(nominal(1), d, 365 * 8);
        double expected = model.storageLoss(25, 0.5, 8);
        assertEquals(expected, s.qCal, expected * 1e-9);
        double z = org.ssbtwin.fleet.ageing.LifeModelConstants.CAL_TIME_EXPONENT.value();
        assertEquals(Math.pow(2, z), model.storageLoss(25, 0.5, 8) / model.storageLoss(25, 0.5, 4), 1e-12);
        assertEquals(0.743, z);
    }

    @Test
    void restoringFromLossesContinuesTheSameTrajectory() {
        PackCells cells = nominal(4);
        PackDay d = day(27, 0.4, 0.3, 1.2);
        SsbPackState a = new SsbPackState().reset(Double.POSITIVE_INFINITY);
        for (int i = 0; i < 1000; i++) {
            model.step(a, cells, d);
        }
        model.refresh(a, cells);
        SsbPackState b = new SsbPackState().reset(Double.POSITIVE_INFINITY);
        b.continueFrom(new AgeingSnapshot(a.qCal, a.qCyc, a.hazard, a.days, a.efcTotal, a.throughputKWh, a.km,
                a.dcKWh, a.capacity, a.resistance, 0, false, java.util.List.of()));
        model.refresh(b, cells);
        assertEquals(a.calEqYears, b.calEqYears, 1e-12 * a.calEqYears);
        assertEquals(a.cycEqEfc, b.cycEqEfc, 1e-12 * a.cycEqEfc);
        for (int i = 0; i < 1000; i++) {
            model.step(a, cells, d);
            model.step(b, cells, d);
        }
        model.refresh(a, cells);
        model.refresh(b, cells);
        assertEquals(a.capacity, b.capacity, 1e-9);
    }

    @Test
    void liIonReferenceAgesFasterThanSsbUnderTheSameDuty() {
        PackDay d = day(25, 0.5, 0.5, 1.5);
        PackCells cells = nominal(10);
        SsbPackState ssb = run(cells, d, 365 * 8);
        SsbPackState li = new SsbPackState().reset(Double.POSITIVE_INFINITY);
        for (int i = 0; i < 365 * 8; i++) {
            SsbAgeingModel.LI_ION_REFERENCE.step(li, cells, d);
        }
        SsbAgeingModel.LI_ION_REFERENCE.refresh(li, cells);
        assertTrue(ssb.capacity > li.capacity, ssb.capacity + " vs " + li.capacity);
        assertTrue(ssb.qCal < li.qCal && ssb.qCyc < li.qCyc);
    }

    @Test
    void kneeCutsCapacityLateUnderHeavyColdCycling() {
        assertEquals(1.0, SsbAgeingModel.kneeCapacity(0), 0);
        assertTrue(SsbAgeingModel.kneeCapacity(0.5) > 0.99);
        assertTrue(SsbAgeingModel.kneeCapacity(1.0) < 0.6);
        PackDay cold = day(5, 2.0, 0.0, 0.3);
        cold.dod = 1.0;
        cold.meanSoc = 0.6;
        SsbPackState s = run(nominal(1), cold, 365 * 8); // 5,840 EFC charged at 5 degC
        assertTrue(s.qLam < 0.9 && s.capacity <= s.qLam, "knee reached: " + s.qLam);
    }

    @Test
    void hotterCellsAgeFaster() {
        PackCells cells = nominal(10);
        double cool = run(cells, day(15, 0.3, 0, 0.2), 365 * 8).capacity;
        double hot = run(cells, day(32, 0.3, 0, 0.2), 365 * 8).capacity;
        assertTrue(hot < cool, "hot " + hot + " vs cool " + cool);
    }

    @Test
    void fastChargingAndColdChargingAgeFaster() {
        PackCells cells = nominal(10);
        double ac = run(cells, day(20, 0.5, 0.0, 0.15), 365 * 5).capacity;
        double dc = run(cells, day(20, 0.5, 1.0, 1.7), 365 * 5).capacity;
        assertTrue(dc < ac, "dc " + dc + " vs ac " + ac);
        PackDay cold = day(20, 0.5, 1.0, 1.7);
        cold.chargeCellTempC = -5;
        assertTrue(run(cells, cold, 365 * 5).capacity < dc);
        assertTrue(model.coldStress(-20) > model.coldStress(0));
        assertEquals(0.0, model.coldStress(30), 0.0);
    }

    @Test
    void worseManufacturingFactorsGiveLowerSohAndHigherResistance() {
        ManufacturingFactors bad = new ManufacturingFactors(1.3, 2.0, 0.0, 126.0, -35.0);
        PackCells good = nominal(20);
        PackCells worse = PackCells.of(model, Collections.nCopies(20, bad));
        PackDay d = day(25, 0.4, 0.3, 1.0);
        SsbPackState g = run(good, d, 365 * 8);
        SsbPackState w = run(worse, d, 365 * 8);
        assertTrue(w.capacity < g.capacity, w.capacity + " vs " + g.capacity);
        assertTrue(w.resistance > g.resistance, w.resistance + " vs " + g.resistance);
        // higher interface resistance also means higher initial resistance
        SsbPackState w0 = new SsbPackState().reset(1);
        model.refresh(w0, worse);
        assertEquals(1.3, w0.resistance, 1e-12);
    }

    @Test
    void packCapacityIsWeakestSeriesElementAndResistanceIsTheSum() {
        List<ManufacturingFactors> list = new ArrayList<>(Collections.nCopies(99, ManufacturingFactors.NOMINAL));
        ManufacturingFactors weak = new ManufacturingFactors(1.5, 3.0, 0.0, 128.0, -30.0);
        list.add(37, weak);
        PackCells pack = PackCells.of(model, list);
        PackCells single = PackCells.of(model, List.of(weak));
        PackCells nom = nominal(1);
        PackDay d = day(28, 0.6, 0.5, 1.5);
        SsbPackState ps = run(pack, d, 2000);
        SsbPackState ws = run(single, d, 2000);
        SsbPackState ns = run(nom, d, 2000);
        assertEquals(ws.capacity, ps.capacity, 1e-12, "pack capacity = weakest cell");
        assertTrue(ns.capacity > ps.capacity);
        assertEquals(ps.capacity, pack.cellCapacity(37, ps.qCal, ps.qCyc), 1e-12);
        double expectedR = (99 * ns.resistance + ws.resistance) / 100.0;
        assertEquals(expectedR, ps.resistance, 1e-12, "pack resistance = sum of cells (relative, / n)");
    }

    @Test
    void latentDefectRaisesHazardAndFailsWhenBudgetExceeded() {
        PackCells clean = nominal(10);
        List<ManufacturingFactors> list = new ArrayList<>(Collections.nCopies(9, ManufacturingFactors.NOMINAL));
        list.add(new ManufacturingFactors(1.0, 0.0, 2.0, 120, -45));
        PackCells defective = PackCells.of(model, list);
        PackDay d = day(25, 0.5, 0.5, 1.5);
        // budget 0.05 (a 5 % quantile of Exp(1)): the hazard is calibrated to ppm-level field failures, issue 16
        SsbPackState a = new SsbPackState().reset(0.05);
        SsbPackState b = new SsbPackState().reset(0.05);
        for (int i = 0; i < 3650; i++) {
            model.step(a, clean, d);
            model.step(b, defective, d);
        }
        assertEquals(0.0, a.hazard);
        assertTrue(!a.failed);
        assertTrue(b.failed && b.failedOnDay > 0);
        assertTrue(model.worstSelfDischargePctPerDay(b, defective) > model.worstSelfDischargePctPerDay(a, clean));
    }

    @Test
    void dailyStepAllocatesNothing() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        PackCells cells = nominal(108);
        PackDay d = day(27, 0.4, 0.3, 1.2);
        SsbPackState s = new SsbPackState().reset(10);
        for (int i = 0; i < 50_000; i++) { // warm-up / JIT
            model.step(s, cells, d);
        }
        s.reset(10);
        long tid = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(tid);
        for (int i = 0; i < 10_000; i++) {
            d.meanCellTempC = 20 + (i % 15);
            model.step(s, cells, d);
        }
        long allocated = mx.getThreadAllocatedBytes(tid) - before;
        assertTrue(allocated < 1024, "daily step allocated " + allocated + " bytes over 10,000 days");
        assertTrue(s.capacity < 1.0);
    }
}
