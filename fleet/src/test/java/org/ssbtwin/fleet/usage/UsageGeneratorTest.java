package org.ssbtwin.fleet.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ssbtwin.fleet.ageing.PackCells;
import org.ssbtwin.fleet.ageing.PackDay;
import org.ssbtwin.fleet.ageing.SsbAgeingModel;
import org.ssbtwin.fleet.ageing.SsbPackState;
import org.ssbtwin.core.quality.ManufacturingFactors;

class UsageGeneratorTest {

    @Test
    void sameSeedSameDays() {
        UsageGenerator a = new UsageGenerator().reset(new SplittableRandom(5), VehicleModel.VF5, Climate.HANOI,
                DriverArchetype.RIDE_HAILING_TAXI, ChargingHabit.DC_HEAVY, BatteryThermalManagement.LIQUID_COOLED, 0, 0);
        UsageGenerator b = new UsageGenerator().reset(new SplittableRandom(5), VehicleModel.VF5, Climate.HANOI,
                DriverArchetype.RIDE_HAILING_TAXI, ChargingHabit.DC_HEAVY, BatteryThermalManagement.LIQUID_COOLED, 0, 0);
        PackDay x = new PackDay();
        PackDay y = new PackDay();
        for (int i = 0; i < 1000; i++) {
            a.next(x, 0.95);
            b.next(y, 0.95);
            assertEquals(x.km, y.km);
            assertEquals(x.meanCellTempC, y.meanCellTempC);
            assertEquals(x.dcShare, y.dcShare);
        }
    }

    @Test
    void annualStatisticsFollowArchetypeClimateAndHabit() {
        UsageGenerator g = new UsageGenerator().reset(new SplittableRandom(1), VehicleModel.VF8,
                Climate.LILLE_DUNKIRK, DriverArchetype.COMMUTER, ChargingHabit.HOME_AC,
                BatteryThermalManagement.LIQUID_COOLED, 0, 0);
        PackDay d = new PackDay();
        double km = 0, amb = 0, dc = 0, efc = 0, soc = 0;
        int n = 365 * 20;
        for (int i = 0; i < n; i++) {
            g.next(d, 1.0);
            km += d.km;
            amb += d.ambientC;
            dc += d.dcShare;
            efc += d.efc;
            soc += d.meanSoc;
            assertTrue(d.meanSoc > 0 && d.meanSoc <= 1 && d.dod >= 0 && d.dod <= 1);
        }
        assertEquals(44.0, km / n, 2.0, "commuter mean km/day (Enedis 44 km)");
        assertEquals(Climate.LILLE_DUNKIRK.annualMeanC(), amb / n, 0.5);
        assertTrue(dc / n < 0.06, "home AC: few DC days");
        assertTrue(efc / 20 > 30 && efc / 20 < 80, "VF 8 commuter EFC/yr " + efc / 20);
        assertTrue(soc / n > 0.6 && soc / n < 0.8);
    }

    @Test
    void generatorPlusStepAllocatesNothing() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        SsbAgeingModel model = SsbAgeingModel.DEFAULT;
        PackCells cells = PackCells.of(model, java.util.Collections.nCopies(96, ManufacturingFactors.NOMINAL));
        UsageGenerator g = new UsageGenerator().reset(new SplittableRandom(3), VehicleModel.VF5,
                Climate.HO_CHI_MINH_CITY, DriverArchetype.RIDE_HAILING_TAXI, ChargingHabit.MIXED,
                BatteryThermalManagement.LIQUID_COOLED, 2, 100);
        PackDay d = new PackDay();
        SsbPackState s = new SsbPackState().reset(1e9);
        for (int i = 0; i < 50_000; i++) {
            g.next(d, s.capacity);
            model.step(s, cells, d);
        }
        s.reset(1e9);
        long tid = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(tid);
        for (int i = 0; i < 10_000; i++) {
            g.next(d, s.capacity);
            model.step(s, cells, d);
        }
        long allocated = mx.getThreadAllocatedBytes(tid) - before;
        assertTrue(allocated < 1024, "generator + step allocated " + allocated + " bytes");
    }
}
