package org.ssbtwin.plant.physics;

import java.util.SplittableRandom;
import org.ssbtwin.plant.cell.CellDesign;
import org.ssbtwin.plant.cell.CellGrade;
import org.ssbtwin.plant.layout.PhysicsParameters;
import org.ssbtwin.plant.layout.ProcessWindow;
import org.ssbtwin.plant.genealogy.CellProductionRecord;
import org.ssbtwin.plant.genealogy.InlayGenealogy;
import org.ssbtwin.core.quality.ManufacturingFactors;

/**
 * The process-physics model (pure static functions). Every functional form and parameter is an ASSUMPTION
 * (DOMAIN 1.3 / 6: no published ProLogium lamination, dry-room or yield data); only the trends are meant:
 * <ul>
 *   <li>lamination temperature away from the window centre raises interface resistance (quadratic inside the
 *       window, plus linear per kelvin outside) and, outside the window, delamination scrap;</li>
 *   <li>a dew point above the dry-room limit raises moisture-defect scrap; the moisture dose (water content of the
 *       dry-room air x dwell, continuous in both: -45 and -36 degC give different cells) raises resistance, lowers
 *       capacity and raises the chance of a latent short-circuit defect;</li>
 *   <li>stacking misalignment raises resistance and lowers capacity quadratically and raises the chance of a
 *       latent (edge) short; beyond the tolerance the cell is scrap;</li>
 *   <li>latent defects raise self-discharge; the ageing check (pass below 5 mV/week, DOMAIN 2.2) finds the
 *       large ones and lets the small ones escape to the field.</li>
 * </ul>
 * Bipolar series: cell capacity = min over inlays x misalignment factor, cell resistance = sum over inlays x
 * misalignment factor. This is the ONE cell-quality model: the plant line, the what-if engine and the fleet studies'
 * default cell population ({@code DefaultCellQualitySource}) all draw cells through it.
 */
public final class ProcessPhysics {
    private ProcessPhysics() {}

    /** Interface resistance factor from the lamination temperature (1 at the window centre). */
    public static double laminationResistanceFactor(double temperatureC, ProcessWindow window, PhysicsParameters p) {
        double hw = Math.max(window.halfWidth(), 1e-9);
        double x = (temperatureC - window.centre()) / hw;
        return 1 + p.laminationCurvature() * x * x + p.laminationExcessResistancePerK() * window.excess(temperatureC);
    }

    /** Probability that an inlay delaminates at this temperature (0 inside the window). */
    public static double delaminationProbability(double temperatureC, ProcessWindow window, PhysicsParameters p) {
        double e = window.excess(temperatureC) / p.delaminationScaleK();
        return 1 - Math.exp(-e * e);
    }

    /**
     * Water content of dry-room air at a dew point, g water per kg dry air, at 1013.25 hPa: Magnus formula over ice
     * below 0 degC (6.112 hPa, 22.46, 272.62 degC; over water 17.62, 243.12 degC, WMO-No. 8 Annex 4.B), mixing
     * ratio 621.98 e / (p - e). Checks against DOMAIN 2.3: -35 / -40 / -45 degC give 0.137 / 0.079 / 0.044 g/kg
     * (Bry-Air: -35..-45 degC = 0.14..0.04 g/kg; -40 degC < 0.12 g/kg).
     */
    public static double humidityRatioGPerKg(double dewPointC) {
        double e = dewPointC < 0 ? 6.112 * Math.exp(22.46 * dewPointC / (272.62 + dewPointC))
                : 6.112 * Math.exp(17.62 * dewPointC / (243.12 + dewPointC));
        return 621.98 * e / (1013.25 - e);
    }

    /**
     * Moisture dose of an inlay: water content of the air it saw (g/kg, {@link #humidityRatioGPerKg}) x hours of
     * exposure, in g h / kg. Continuous in dew point and dwell (no threshold: a drier room always gives a smaller
     * dose); the dry-room limit only governs detected moisture-defect scrap ({@link #moistureDefectProbability}).
     */
    public static double moistureDose(double dewPointC, double dwellHours) {
        return humidityRatioGPerKg(dewPointC) * Math.max(0, dwellHours);
    }

    /** Probability of a moisture defect detected at core assembly. */
    public static double moistureDefectProbability(double dewPointC, double dewPointLimitC, PhysicsParameters p) {
        return Math.min(1.0, p.moistureDefectPerK() * Math.max(0, dewPointC - dewPointLimitC));
    }

    public static double moistureResistanceFactor(double dose, PhysicsParameters p) {
        return 1 + p.moistureResistancePerDose() * dose;
    }

    public static double moistureCapacityFactor(double dose, PhysicsParameters p) {
        return Math.max(0.0, 1 - p.moistureCapacityLossPerDose() * dose);
    }

    public static double misalignmentResistanceFactor(double misalignmentMm, double toleranceMm, PhysicsParameters p) {
        double x = misalignmentMm / toleranceMm;
        return 1 + p.misalignmentResistanceAtTolerance() * x * x;
    }

    /** Capacity factor of a misaligned stack (electrode overlap lost): 1 - loss (x/tolerance)^2. */
    public static double misalignmentCapacityFactor(double misalignmentMm, double toleranceMm, PhysicsParameters p) {
        double x = misalignmentMm / toleranceMm;
        return Math.max(0.0, 1 - p.misalignmentCapacityLossAtTolerance() * x * x);
    }

    /** Probability that a misaligned cell carries a latent edge short (on top of its inlays' defects). */
    public static double misalignmentDefectProbability(double misalignmentMm, double toleranceMm, PhysicsParameters p) {
        double x = misalignmentMm / toleranceMm;
        return Math.min(1.0, p.latentDefectProbability() * p.latentDefectPerMisalignment() * x * x);
    }

    /** Probability that an inlay carries a latent short-circuit defect. */
    public static double latentDefectProbability(double moistureDose, double laminationExcessK, PhysicsParameters p) {
        return Math.min(1.0, p.latentDefectProbability()
                * (1 + p.latentDefectPerDose() * moistureDose + p.latentDefectPerKLamination() * laminationExcessK));
    }

    /** Interface resistance factor of one inlay (lamination x moisture). */
    public static double inlayInterfaceFactor(double laminationTemperatureC, ProcessWindow window, double moistureDose, PhysicsParameters p) {
        return laminationResistanceFactor(laminationTemperatureC, window, p) * moistureResistanceFactor(moistureDose, p);
    }

    /** Grade for measured values, or null if outside grade B (EOL scrap). */
    public static CellGrade grade(double capacityAh, double resistanceMilliOhm, CellDesign d, PhysicsParameters p) {
        double c = capacityAh / d.cellCapacityAh();
        double r = resistanceMilliOhm / d.cellResistanceMilliOhm();
        if (c >= p.gradeAMinCapacity() && r <= p.gradeAMaxResistance()) return CellGrade.A;
        if (c >= p.gradeBMinCapacity() && r <= p.gradeBMaxResistance()) return CellGrade.B;
        return null;
    }

    /**
     * The manufacturing-to-field link, as a pure function of a completed cell's genealogy:
     * interfaceResistanceFactor = mean over inlays of (lamination factor x moisture factor) x misalignment factor;
     * moistureExposure = sum of the inlays' moisture doses; latentDefectSeverity = sum of the latent defect
     * severities that escaped the self-discharge check (every defect of a completed cell escaped it);
     * laminationTemperatureC = mean over inlays; dewPointC = worst (highest) over inlays.
     */
    public static ManufacturingFactors manufacturingFactors(CellProductionRecord g, PhysicsParameters p) {
        double sumFactor = 0, dose = 0, severity = 0, temp = 0, worstDew = Double.NEGATIVE_INFINITY;
        for (InlayGenealogy i : g.inlays()) {
            sumFactor += inlayInterfaceFactor(i.laminationTemperatureC(), g.laminationWindow(), i.moistureDose(), p);
            dose += i.moistureDose();
            severity += i.latentDefectSeverity();
            temp += i.laminationTemperatureC();
            worstDew = Math.max(worstDew, i.dewPointC());
        }
        int n = Math.max(1, g.inlays().size());
        double align = misalignmentResistanceFactor(g.misalignmentMm(), g.misalignmentToleranceMm(), p);
        return new ManufacturingFactors(sumFactor / n * align, dose, severity, temp / n,
                g.inlays().isEmpty() ? ManufacturingFactors.NOMINAL.dewPointC() : worstDew);
    }

    /** {@link #manufacturingFactors(CellProductionRecord, PhysicsParameters)} with the default (assumed) parameters. */
    public static ManufacturingFactors manufacturingFactors(CellProductionRecord g) {
        return manufacturingFactors(g, PhysicsParameters.DEFAULTS);
    }

    /** Same formula as {@link #manufacturingFactors(CellProductionRecord, PhysicsParameters)} on raw per-inlay arrays (hot path). */
    public static ManufacturingFactors manufacturingFactors(double[] laminationTempC, double[] dewPointC, double[] dose,
                                                            double[] severity, int n, ProcessWindow lamWindow,
                                                            double misalignmentMm, double toleranceMm, PhysicsParameters p) {
        double sumFactor = 0, d = 0, s = 0, t = 0, worstDew = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            sumFactor += inlayInterfaceFactor(laminationTempC[k], lamWindow, dose[k], p);
            d += dose[k];
            s += severity[k];
            t += laminationTempC[k];
            worstDew = Math.max(worstDew, dewPointC[k]);
        }
        double align = misalignmentResistanceFactor(misalignmentMm, toleranceMm, p);
        return new ManufacturingFactors(sumFactor / n * align, d, s, t / n, worstDew);
    }

    /**
     * Samples the factors of one SHIPPED cell (one that passed delamination, moisture, stacking, self-discharge and
     * grading checks) made under the given conditions, without running the line. Station base scrap (independent
     * of the cell) is not modelled here. Dew-point excursions occur with the stationary probability implied by the
     * physics parameters (rate x mean duration).
     *
     * @throws IllegalStateException if the conditions practically never yield a shippable cell
     */
    public static ManufacturingFactors sampleManufacturingFactors(ProcessConditions c, CellDesign design,
                                                                  PhysicsParameters p, SplittableRandom rng) {
        int n = design.inlaysPerCell();
        double[] temp = new double[n], dew = new double[n], dose = new double[n], sev = new double[n];
        double excursionShare = Math.min(1.0, p.dewExcursionsPerDay() * p.dewExcursionMeanHours() / 24.0);
        for (int attempt = 0; attempt < 100_000; attempt++) {
            boolean rejected = false;
            double minCap = Double.MAX_VALUE, sumRes = 0, sevSum = 0;
            for (int k = 0; k < n && !rejected; k++) {
                temp[k] = c.laminationTemperatureC() + p.laminationTemperatureSigmaC() * rng.nextGaussian();
                if (rng.nextDouble() < delaminationProbability(temp[k], c.laminationWindow(), p)) { rejected = true; break; }
                double rise = rng.nextDouble() < excursionShare ? -p.dewExcursionMeanRiseK() * Math.log(1 - rng.nextDouble()) : 0;
                dew[k] = c.dewPointC() + rise + p.dewPointNoiseC() * rng.nextGaussian();
                dose[k] = moistureDose(dew[k], p.dryRoomDwellHours());
                if (rng.nextDouble() < moistureDefectProbability(dew[k], c.dewPointLimitC(), p)) { rejected = true; break; }
                double lamExcess = c.laminationWindow().excess(temp[k]);
                sev[k] = rng.nextDouble() < latentDefectProbability(dose[k], lamExcess, p)
                        ? -p.latentDefectMeanSeverity() * Math.log(1 - rng.nextDouble()) : 0;
                sevSum += sev[k];
                minCap = Math.min(minCap, design.inlayCapacityAh() * moistureCapacityFactor(dose[k], p)
                        * (1 + p.capacitySigma() * rng.nextGaussian()));
                sumRes += design.inlayResistanceMilliOhm() * inlayInterfaceFactor(temp[k], c.laminationWindow(), dose[k], p)
                        * (1 + p.resistanceSigma() * rng.nextGaussian());
            }
            if (rejected) continue;
            double mis = Math.abs(c.misalignmentSigmaMm() * rng.nextGaussian());
            if (mis > c.misalignmentToleranceMm()) continue;
            double edge = rng.nextDouble() < misalignmentDefectProbability(mis, c.misalignmentToleranceMm(), p)
                    ? -p.latentDefectMeanSeverity() * Math.log(1 - rng.nextDouble()) : 0;
            sevSum += edge;
            sev[0] += edge;
            minCap *= misalignmentCapacityFactor(mis, c.misalignmentToleranceMm(), p);
            double sd = Math.max(0, p.selfDischargeMeanMvPerWeek() + p.selfDischargeSigmaMvPerWeek() * rng.nextGaussian())
                    + p.selfDischargePerSeverity() * sevSum;
            if (sd >= c.selfDischargeLimitMvPerWeek()) continue;
            double res = sumRes * misalignmentResistanceFactor(mis, c.misalignmentToleranceMm(), p);
            if (grade(minCap, res, design, p) == null) continue;
            return manufacturingFactors(temp, dew, dose, sev, n, c.laminationWindow(), mis, c.misalignmentToleranceMm(), p);
        }
        throw new IllegalStateException("conditions " + c + " yield no shippable cell in 100000 attempts");
    }

    /** Convenience: default parameters and the Dunkirk cell design. */
    public static ManufacturingFactors sampleManufacturingFactors(ProcessConditions c, SplittableRandom rng) {
        return sampleManufacturingFactors(c, CellDesign.DUNKIRK, PhysicsParameters.DEFAULTS, rng);
    }
}
