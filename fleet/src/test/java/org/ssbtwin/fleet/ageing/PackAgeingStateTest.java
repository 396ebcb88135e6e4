package org.ssbtwin.fleet.ageing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.core.quality.ManufacturingFactors;

class PackAgeingStateTest {
    private static final PackDesign VF8 = new PackDesign(87.7, 112, 3.7);
    private static final LocalDate START = LocalDate.of(2029, 3, 1);

    private static DailyTelemetry hotTaxiDay(LocalDate d) {
        return new DailyTelemetry(d, 230, 45, Double.NaN, 0.2, 0.9, 31, 35, Double.NaN);
    }

    @Test
    void telemetryAdvancesStateAndProjectsThresholdDates() {
        PackAgeingState p = PackAgeingState.nominal(PackId.of("P-DK1-000007"), VF8, START);
        for (int i = 0; i < 365; i++) {
            p.advance(hotTaxiDay(START.plusDays(i)));
        }
        assertEquals(365, p.days());
        assertEquals(365 * 230.0, p.km(), 1e-6);
        // issue 16: one year of hot taxi duty costs 1-5 % (the old sqrt(t) law took 5-9 % in year 1)
        assertTrue(p.capacitySoh() < 0.99 && p.capacitySoh() > 0.95, "SoH " + p.capacitySoh());
        assertTrue(p.resistanceRelative() > 1.0);
        assertTrue(p.equivalentFullCycles() > 150);
        assertEquals(365 * 45.0, p.throughputKWh(), 1e-6);
        SohProjection proj = p.project();
        assertNotNull(proj.date80());
        assertNotNull(proj.date70());
        assertTrue(proj.date80().isAfter(proj.asOf()) && proj.date70().isAfter(proj.date80()));
        assertTrue(proj.sohAtWarrantyEnd() < p.capacitySoh());
    }

    @Test
    void worseCellsProjectEarlierThresholds() {
        List<ManufacturingFactors> cells = new ArrayList<>(Collections.nCopies(111, ManufacturingFactors.NOMINAL));
        cells.add(new ManufacturingFactors(1.4, 3.0, 0.0, 127, -33));
        PackAgeingState bad = PackAgeingState.create(PackId.of("P-DK1-000008"), VF8, cells, START,
                WarrantyTerms.STANDARD, SsbAgeingModel.DEFAULT);
        PackAgeingState good = PackAgeingState.nominal(PackId.of("P-DK1-000009"), VF8, START);
        for (int i = 0; i < 200; i++) {
            bad.advance(hotTaxiDay(START.plusDays(i)));
            good.advance(hotTaxiDay(START.plusDays(i)));
        }
        assertTrue(bad.capacitySoh() < good.capacitySoh());
        assertTrue(bad.project().date80().isBefore(good.project().date80()));
        assertEquals(bad.capacitySoh(), bad.cellCapacity(111), 1e-12);
        assertEquals(112, bad.cellCount());
    }

    @Test
    void warrantyStatus() {
        WarrantyTerms w = WarrantyTerms.STANDARD;
        assertTrue(w.covers(8 * 365, 160_000));
        assertFalse(w.covers(8 * 365 + 1, 1000));
        assertFalse(w.covers(100, 160_001));

        PackAgeingState p = PackAgeingState.nominal(PackId.of("P-DK1-000010"), VF8, START);
        WarrantyStatus s0 = p.warrantyStatus();
        assertTrue(s0.covered());
        assertFalse(s0.claimEligible());
        assertEquals(8 * 365, s0.daysLeft());
        // a taxi runs out of km cover before it runs out of capacity
        for (int i = 0; i < 800; i++) {
            p.advance(hotTaxiDay(START.plusDays(i)));
        }
        WarrantyStatus s1 = p.warrantyStatus();
        assertFalse(s1.covered());
        assertFalse(s1.claimEligible());
        assertTrue(s1.reason().contains("odometer"), s1.reason());
        // an observed sudden failure inside cover is a claim
        PackAgeingState q = PackAgeingState.nominal(PackId.of("P-DK1-000011"), VF8, START);
        q.advance(hotTaxiDay(START));
        q.markFailed();
        assertTrue(q.warrantyStatus().claimEligible());
        // SoH below threshold inside cover: a pack with very poor cells and a strict 95 % threshold
        PackAgeingState r = PackAgeingState.create(PackId.of("P-DK1-000012"), VF8,
                Collections.nCopies(112, ManufacturingFactors.NOMINAL), START, new WarrantyTerms(8, 160_000, 0.99),
                SsbAgeingModel.DEFAULT);
        for (int i = 0; i < 365; i++) {
            r.advance(new DailyTelemetry(START.plusDays(i), 40, 8, Double.NaN, 0.5, 1.0, 33, 0, Double.NaN));
        }
        WarrantyStatus s2 = r.warrantyStatus();
        assertTrue(s2.covered() && s2.claimEligible(), s2.reason());
    }

    @Test
    void generatedDayAdvanceAllocatesNothing() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean)
                java.lang.management.ManagementFactory.getThreadMXBean();
        PackAgeingState p = PackAgeingState.nominal(PackId.of("P-DK1-000013"), VF8, START);
        PackDay d = new PackDay().clear();
        d.efc = 0.3;
        d.dischargeKWh = 26;
        d.km = 120;
        d.dod = 0.3;
        d.meanSoc = 0.65;
        d.meanCellTempC = 24;
        d.chargeCellTempC = 24;
        for (int i = 0; i < 30_000; i++) {
            p.advance(d);
        }
        long tid = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(tid);
        for (int i = 0; i < 10_000; i++) {
            p.advance(d);
        }
        long allocated = mx.getThreadAllocatedBytes(tid) - before;
        assertTrue(allocated < 1024, "allocated " + allocated);
    }
}
