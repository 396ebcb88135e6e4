package org.ssbtwin.fleet.ageing.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Behaviour stated in reference-ageing-models.md, checked on 15-year runs of every model and profile. */
class ReferenceBehaviourTest {

    private static final Map<String, ReferenceTrajectory> RUNS = new HashMap<>();

    @BeforeAll
    static void runAll() {
        for (String m : ReferenceModel.NAMES) {
            for (String p : DutyProfile.NAMES) {
                ReferenceSimulator sim = new ReferenceSimulator(ReferenceModel.byName(m), DutyProfile.byName(p).input());
                RUNS.put(m + "/" + p, sim.simulate(StopCriteria.years(15)));
            }
        }
    }

    private static ReferenceTrajectory run(String model, String profile) {
        return RUNS.get(model + "/" + profile);
    }

    @Test
    void everyRunReachesFifteenYearsWithTheExpectedNumberOfUpdates() {
        for (Map.Entry<String, ReferenceTrajectory> e : RUNS.entrySet()) {
            ReferenceTrajectory tr = e.getValue();
            String profile = e.getKey().substring(e.getKey().indexOf('/') + 1);
            ChunkPlan plan = DutyProfile.byName(profile).input().chunkPlan();
            double last = tr.tDays(tr.size() - 1);
            assertTrue(last / 365 > 15, e.getKey());
            assertTrue(tr.tDays(tr.size() - 2) / 365 <= 15, e.getKey() + ": stops at the first chunk past 15 y");
            int expectedUpdates = (int) Math.ceil(15 * 365 / plan.countedDaysPerPass() * plan.chunkCount());
            assertEquals(expectedUpdates, tr.updateCount(), plan.chunkCount(), e.getKey());
            assertEquals(1.0, tr.capacity(0));
            assertEquals(0.0, tr.tDays(0));
        }
    }

    @Test
    void capacityStaysInUnitIntervalAndNeverRisesWhileFinite() {
        for (Map.Entry<String, ReferenceTrajectory> e : RUNS.entrySet()) {
            ReferenceTrajectory tr = e.getValue();
            boolean kokamP5 = e.getKey().equals(Nmc111GrKokam75Ah.NAME + "/p5");
            for (int i = 1; i < tr.size(); i++) {
                double q = tr.capacity(i);
                if (Double.isNaN(q)) {
                    assertTrue(kokamP5, e.getKey() + ": only Kokam p5 goes NaN");
                    break;
                }
                // Kokam p5: the unstable collapse below q = 0.5 (q5 < 0, sigmoid past y_inf, q even passes 0
                // before it turns NaN) is BLAST's own output and exempt (spec section 2)
                if (kokamP5 && tr.capacity(i - 1) < 0.5) {
                    continue;
                }
                assertTrue(q > 0 && q <= 1, e.getKey() + " q=" + q + " at row " + i);
                assertTrue(q <= tr.capacity(i - 1), e.getKey() + " q rises at row " + i);
                assertTrue(tr.efc(i) >= tr.efc(i - 1), e.getKey() + " efc");
            }
        }
    }

    @Test
    void resistanceNeverFallsWhileFinite() {
        for (Map.Entry<String, ReferenceTrajectory> e : RUNS.entrySet()) {
            ReferenceTrajectory tr = e.getValue();
            if (!tr.hasResistance()) {
                for (int i = 0; i < tr.size(); i++) {
                    if (i > 0) {
                        assertTrue(Double.isNaN(tr.resistance(i)), e.getKey());
                    }
                }
                continue;
            }
            for (int i = 1; i < tr.size(); i++) {
                if (Double.isNaN(tr.capacity(i)) || tr.capacity(i - 1) < 0.5) {
                    break;
                }
                assertTrue(tr.resistance(i) >= tr.resistance(i - 1), e.getKey() + " r falls at row " + i);
            }
        }
    }

    @Test
    void kokamP5KneeBelowHalfCapacityByAbout3p7YearsThenNaNFromAbout3p83Years() {
        ReferenceTrajectory tr = run(Nmc111GrKokam75Ah.NAME, "p5");
        int firstBelowHalf = -1;
        for (int i = 0; i < tr.size(); i++) {
            if (tr.capacity(i) < 0.5) {
                firstBelowHalf = i;
                break;
            }
        }
        assertTrue(firstBelowHalf > 0);
        double yearsBelowHalf = tr.tDays(firstBelowHalf) / 365;
        assertTrue(yearsBelowHalf > 3.4 && yearsBelowHalf <= 3.7, "q < 0.5 at " + yearsBelowHalf);
        int nan = tr.firstNaNIndex();
        assertTrue(nan > firstBelowHalf);
        assertEquals(3.83, tr.tDays(nan) / 365, 0.01);
        for (int i = nan; i < tr.size(); i++) {
            assertTrue(Double.isNaN(tr.capacity(i)) && Double.isNaN(tr.resistance(i)), "NaN persists");
        }
        assertTrue(tr.tDays(tr.size() - 1) / 365 > 15, "BLAST time keeps running after NaN");
    }

    @Test
    void kokamP1CalendarResistanceGrowsAndAccelerates() {
        ReferenceTrajectory tr = run(Nmc111GrKokam75Ah.NAME, "p1");
        double r5 = tr.interpolateResistance(5 * 365);
        double r10 = tr.interpolateResistance(10 * 365);
        double r15 = tr.interpolateResistance(15 * 365);
        assertTrue(r5 > 1 && r10 > r5 && r15 > r10);
        assertTrue(r15 - r10 > r10 - r5, "r1 q1 t^1.25 accelerates");
        assertTrue(r15 > 10 && r15 < 18, "r after 15 y in the 10..18 band, was " + r15);
    }

    @Test
    void kokamP3ReachesAboutTwentySevenResistance() {
        ReferenceTrajectory tr = run(Nmc111GrKokam75Ah.NAME, "p3");
        assertEquals(27, tr.interpolateResistance(15 * 365), 1.0);
    }

    @Test
    void storageProfilesCountNoCycles() {
        for (String m : ReferenceModel.NAMES) {
            assertEquals(0.0, run(m, "p1").efc(run(m, "p1").size() - 1));
            assertEquals(0.0, run(m, "p2").efc(run(m, "p2").size() - 1));
        }
    }

    @Test
    void energyThroughputIsConservedByRescalingWithoutClipping() {
        // p6 never clips (SOC 10..80 %), so dEFC per pass equals the counted EFC of the original SOC
        ReferenceTrajectory tr = run(Nmc811GrSiLgM50.NAME, "p6");
        ChunkPlan plan = DutyProfile.byName("p6").input().chunkPlan();
        assertEquals(plan.countedEfcPerPass(), tr.efc(plan.chunkCount()), 1e-6);
        // p3 (0..100 %) clips as soon as q < 1, so throughput falls below nominal
        ReferenceTrajectory p3 = run(Nmc811GrSiLgM50.NAME, "p3");
        assertTrue(p3.efc(p3.size() - 1) < 15 * 351.0);
    }

    @Test
    void lfpCalendarLossPassesColdWinterAsymptoteAndTurnsNaN() {
        // seasonal -5..30 degC, 50 % SOC storage, hourly: BLAST returns NaN after about 7.7 years
        int n = 8761;
        double[] t = new double[n];
        double[] s = new double[n];
        double[] temp = new double[n];
        for (int k = 0; k < n; k++) {
            t[k] = k * 3600.0;
            s[k] = 0.5;
            temp[k] = 12.5 + 17.5 * Math.cos(2 * Math.PI * (t[k] / 86400 - 196) / 365);
        }
        ReferenceTrajectory tr = new ReferenceSimulator(ReferenceModel.byName(LfpGrSonyMurata3Ah.NAME),
                ReferenceInput.of(t, s, temp)).simulate(StopCriteria.years(15));
        int nan = tr.firstNaNIndex();
        assertTrue(nan > 0);
        assertEquals(7.7, tr.tDays(nan) / 365, 0.3);
        assertFalse(Double.isNaN(tr.capacity(nan - 1)));
    }

    @Test
    void degradationScalarScalesFade() {
        ReferenceSimulator sim = new ReferenceSimulator(ReferenceModel.byName(Nmc811GrSiLgM50.NAME),
                DutyProfile.byName("p2").input());
        ReferenceTrajectory base = sim.simulate(StopCriteria.years(2));
        ReferenceTrajectory worse = sim.simulate(StopCriteria.years(2), 1.2);
        ReferenceTrajectory again = sim.simulate(StopCriteria.years(2));
        assertEquals(base.size(), worse.size());
        // every increment is scaled; along a power law t^p the equivalent-time step makes the loss grow by
        // less than the scalar itself (roughly 1.2^p with p_cal = 0.65)
        double lossBase = 1 - base.capacity(base.size() - 1);
        double lossWorse = 1 - worse.capacity(worse.size() - 1);
        assertTrue(lossWorse > 1.05 * lossBase && lossWorse < 1.2 * lossBase, lossBase + " vs " + lossWorse);
        assertEquals(base.capacity(base.size() - 1), again.capacity(again.size() - 1), 0.0, "simulator reusable");
    }

    @Test
    void thresholdsStopTheRun() {
        ReferenceSimulator sim = new ReferenceSimulator(ReferenceModel.byName(LfpGrSonyMurata3Ah.NAME),
                DutyProfile.byName("p5").input());
        ReferenceTrajectory byQ = sim.simulate(new StopCriteria(Double.NaN, 0.95, Double.NaN));
        assertTrue(byQ.capacity(byQ.size() - 1) < 0.95 && byQ.capacity(byQ.size() - 2) >= 0.95);
        ReferenceTrajectory byEfc = sim.simulate(new StopCriteria(Double.NaN, Double.NaN, 100));
        assertTrue(byEfc.efc(byEfc.size() - 1) > 100 && byEfc.efc(byEfc.size() - 2) <= 100);
        ReferenceTrajectory dflt = sim.simulate(StopCriteria.blastDefault());
        // default: (t_last - 1 s) of BLAST time, i.e. one pass plus part of a replay
        assertTrue(dflt.tDays(dflt.size() - 1) > 365 - 1 / 86400.0);
        assertTrue(dflt.tDays(dflt.size() - 2) <= 365 - 1 / 86400.0);
    }
}
