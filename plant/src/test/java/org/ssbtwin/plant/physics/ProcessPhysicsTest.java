package org.ssbtwin.plant.physics;

import org.ssbtwin.plant.cell.CellDesign;
import org.ssbtwin.plant.layout.PhysicsParameters;
import org.ssbtwin.plant.layout.ProcessWindow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ssbtwin.plant.physics.ProcessConditions;
import org.ssbtwin.plant.physics.ProcessPhysics;
import org.ssbtwin.core.quality.ManufacturingFactors;

class ProcessPhysicsTest {
    private static final PhysicsParameters P = PhysicsParameters.DEFAULTS;
    private static final ProcessWindow LAM = new ProcessWindow(110, 130);

    @Test
    void laminationResistanceRisesMonotonicallyAwayFromTheWindowCentre() {
        double previous = ProcessPhysics.laminationResistanceFactor(120, LAM, P);
        assertEquals(1.0, previous, 1e-12);
        for (double t = 121; t <= 160; t += 1) {
            double f = ProcessPhysics.laminationResistanceFactor(t, LAM, P);
            assertTrue(f > previous, "factor must rise at " + t);
            previous = f;
        }
        assertTrue(ProcessPhysics.laminationResistanceFactor(95, LAM, P) > ProcessPhysics.laminationResistanceFactor(105, LAM, P));
    }

    @Test
    void delaminationIsZeroInsideTheWindowAndRisesOutside() {
        assertEquals(0.0, ProcessPhysics.delaminationProbability(110, LAM, P));
        assertEquals(0.0, ProcessPhysics.delaminationProbability(130, LAM, P));
        double a = ProcessPhysics.delaminationProbability(133, LAM, P);
        double b = ProcessPhysics.delaminationProbability(140, LAM, P);
        double c = ProcessPhysics.delaminationProbability(150, LAM, P);
        assertTrue(a > 0 && b > a && c > b, a + " " + b + " " + c);
        assertTrue(ProcessPhysics.delaminationProbability(100, LAM, P) > ProcessPhysics.delaminationProbability(105, LAM, P));
    }

    @Test
    void wetterDewPointGivesMoreMoistureDefectsAndDose() {
        assertEquals(0.0, ProcessPhysics.moistureDefectProbability(-45, -35, P));
        double prev = 0;
        for (double dp = -34; dp <= -10; dp += 2) {
            double p = ProcessPhysics.moistureDefectProbability(dp, -35, P);
            assertTrue(p > prev, "at " + dp);
            prev = p;
        }
        assertTrue(ProcessPhysics.moistureDose(-25, 2) > ProcessPhysics.moistureDose(-30, 2));
        // the dose is now the water content of the air x dwell (g h/kg, continuous; was K above the limit / 10 x h):
        // DOMAIN 2.3 (Bry-Air) gives 0.14 g/kg at -35 degC and 0.04 g/kg at -45 degC
        assertEquals(0.137, ProcessPhysics.moistureDose(-35, 1), 0.003);
        assertEquals(0.044, ProcessPhysics.moistureDose(-45, 1), 0.002);
        assertEquals(2 * ProcessPhysics.moistureDose(-40, 1), ProcessPhysics.moistureDose(-40, 2), 1e-15);
        assertTrue(ProcessPhysics.latentDefectProbability(1.0, 0, P) > ProcessPhysics.latentDefectProbability(0, 0, P));
    }

    @Test
    void moistureDoseResponseIsContinuousBelowTheLimit() {
        // issue 16: -45 and -36 degC (both below the -35 degC limit) used to give identical cells
        double prev = ProcessPhysics.moistureDose(-60, 0.5);
        for (double dp = -59.9; dp <= -20; dp += 0.1) {
            double d = ProcessPhysics.moistureDose(dp, 0.5);
            assertTrue(d > prev, "dose rises with dew point at " + dp);
            assertTrue(d / prev < 1.02, "no jump at " + dp + ": " + d / prev);
            prev = d;
        }
        ManufacturingFactors dry = meanOf(ProcessConditions.NOMINAL.withDewPoint(-45), 5);
        ManufacturingFactors wet = meanOf(ProcessConditions.NOMINAL.withDewPoint(-36), 5);
        assertTrue(wet.moistureExposure() > 2 * dry.moistureExposure(), wet + " vs " + dry);
        assertTrue(wet.interfaceResistanceFactor() > dry.interfaceResistanceFactor(), wet + " vs " + dry);
    }

    /** Mean factors of 400 shipped cells made under {@code c} (same seed: common random numbers). */
    private static ManufacturingFactors meanOf(ProcessConditions c, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double irf = 0, m = 0;
        for (int i = 0; i < 400; i++) {
            ManufacturingFactors f = ProcessPhysics.sampleManufacturingFactors(c, rng);
            irf += f.interfaceResistanceFactor();
            m += f.moistureExposure();
        }
        return new ManufacturingFactors(irf / 400, m / 400, 0, c.laminationTemperatureC(), c.dewPointC());
    }

    @Test
    void misalignmentLowersCapacityAndRaisesShortRisk() {
        assertTrue(ProcessPhysics.misalignmentCapacityFactor(0.15, 0.2, P) < ProcessPhysics.misalignmentCapacityFactor(0.05, 0.2, P));
        assertEquals(1 - P.misalignmentCapacityLossAtTolerance(), ProcessPhysics.misalignmentCapacityFactor(0.2, 0.2, P), 1e-12);
        assertTrue(ProcessPhysics.misalignmentDefectProbability(0.15, 0.2, P) > ProcessPhysics.misalignmentDefectProbability(0.05, 0.2, P));
        assertEquals(0.0, ProcessPhysics.misalignmentDefectProbability(0.0, 0.2, P));
    }

    @Test
    void misalignmentRaisesResistance() {
        assertTrue(ProcessPhysics.misalignmentResistanceFactor(0.15, 0.2, P) > ProcessPhysics.misalignmentResistanceFactor(0.05, 0.2, P));
        assertEquals(1 + P.misalignmentResistanceAtTolerance(), ProcessPhysics.misalignmentResistanceFactor(0.2, 0.2, P), 1e-12);
    }

    private static double[] meanFactors(ProcessConditions c, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double r = 0, m = 0, d = 0;
        int n = 4000;
        for (int i = 0; i < n; i++) {
            ManufacturingFactors f = ProcessPhysics.sampleManufacturingFactors(c, rng);
            r += f.interfaceResistanceFactor();
            m += f.moistureExposure();
            d += f.latentDefectSeverity();
        }
        return new double[] {r / n, m / n, d / n};
    }

    @Test
    void sampledCellsReflectTheirSettings() {
        double[] nominal = meanFactors(ProcessConditions.NOMINAL, 1);
        double[] hot = meanFactors(ProcessConditions.NOMINAL.withLaminationTemperature(134), 1);
        double[] wet = meanFactors(ProcessConditions.NOMINAL.withDewPoint(-30), 1);
        double[] sloppy = meanFactors(ProcessConditions.NOMINAL.withMisalignmentSigma(0.12), 1);
        assertTrue(hot[0] > nominal[0], "hot lamination must raise interface resistance");
        assertTrue(wet[1] > nominal[1], "wet dry room must raise moisture exposure");
        assertTrue(wet[2] > nominal[2], "wet dry room must raise latent defects");
        assertTrue(sloppy[0] > nominal[0], "misalignment must raise interface resistance");
        assertTrue(nominal[0] >= 1.0 && nominal[0] < 1.05, "nominal factor " + nominal[0]);
    }

    @Test
    void samplingIsDeterministicPerSeed() {
        ManufacturingFactors a = ProcessPhysics.sampleManufacturingFactors(ProcessConditions.NOMINAL, new SplittableRandom(9));
        ManufacturingFactors b = ProcessPhysics.sampleManufacturingFactors(ProcessConditions.NOMINAL, new SplittableRandom(9));
        assertEquals(a, b);
    }

    @Test
    void impossibleConditionsFailClearly() {
        ProcessConditions burnt = ProcessConditions.NOMINAL.withLaminationTemperature(400);
        assertThrows(IllegalStateException.class,
                () -> ProcessPhysics.sampleManufacturingFactors(burnt, new SplittableRandom(1)));
    }

    @Test
    void cellDesignMatchesTheDomainArithmetic() {
        CellDesign d = CellDesign.DUNKIRK;
        assertEquals(0.3922, d.cellEnergyKWh(), 1e-3);
        double cellsFor4GWh = 4e6 / d.cellEnergyKWh();
        assertTrue(cellsFor4GWh > 9.5e6 && cellsFor4GWh < 10.5e6, "~10 M cells/yr per DOMAIN 6, was " + cellsFor4GWh);
    }
}
