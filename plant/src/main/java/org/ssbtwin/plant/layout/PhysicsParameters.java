package org.ssbtwin.plant.layout;

/**
 * Parameters of the process-physics model. EVERY value is assumed (no public ProLogium data exist, DOMAIN 1.3
 * and 6); they are chosen to give plausible magnitudes and the right monotonic trends. See docs/plant-model.md.
 *
 * @param laminationTemperatureSigmaC  unit-to-unit/job-to-job scatter of the actual lamination temperature around its setpoint
 * @param laminationCurvature          interface resistance rise at the window edge: factor 1 + k((T-Tc)/halfWidth)^2 inside the window
 * @param laminationExcessResistancePerK additional resistance factor per kelvin outside the window
 * @param delaminationScaleK           delamination probability outside the window: 1 - exp(-(excess/scale)^2)
 * @param dewPointNoiseC               scatter of the dry-room dew point reading
 * @param dewExcursionsPerDay          rate of dry-room dew-point excursions (door, dehumidifier trip)
 * @param dewExcursionMeanHours        mean duration of an excursion (exponential)
 * @param dewExcursionMeanRiseK        mean dew-point rise during an excursion (exponential)
 * @param moistureDefectPerK           probability of a moisture defect per kelvin of dew point above the limit
 * @param moistureResistancePerDose    resistance factor per unit of moisture dose (g water per kg dry air x hours of
 *                                     exposure, {@code ProcessPhysics#moistureDose}: continuous in dew point and dwell)
 * @param moistureCapacityLossPerDose  relative capacity loss per unit of moisture dose
 * @param dryRoomDwellHours            dwell time used when sampling factors without the line (the simulation measures it)
 * @param misalignmentResistanceAtTolerance resistance factor rise for a misalignment equal to the tolerance
 * @param misalignmentCapacityLossAtTolerance relative capacity loss (electrode overlap lost) at a misalignment equal
 *                                     to the tolerance, quadratic below it
 * @param latentDefectProbability      base probability that an inlay carries a latent short-circuit defect
 * @param latentDefectPerDose          relative rise of that probability per unit of moisture dose
 * @param latentDefectPerKLamination   relative rise per kelvin of lamination temperature outside its window
 * @param latentDefectPerMisalignment  relative rise of the cell's latent (edge) short probability at a misalignment
 *                                     equal to the tolerance, quadratic below it
 * @param latentDefectMeanSeverity     mean severity (exponential) of a latent defect
 * @param selfDischargeMeanMvPerWeek   self-discharge of a defect-free cell, mean
 * @param selfDischargeSigmaMvPerWeek  self-discharge of a defect-free cell, standard deviation
 * @param selfDischargePerSeverity     extra self-discharge per unit of defect severity
 * @param capacitySigma                relative scatter of inlay capacity
 * @param resistanceSigma              relative scatter of inlay resistance
 * @param measurementSigma             relative EOL measurement noise
 * @param gradeAMinCapacity            grade A: capacity >= this fraction of nominal
 * @param gradeAMaxResistance          grade A: resistance <= this multiple of nominal
 * @param gradeBMinCapacity            grade B: capacity >= this fraction of nominal (else EOL scrap)
 * @param gradeBMaxResistance          grade B: resistance <= this multiple of nominal (else EOL scrap)
 */
public record PhysicsParameters(
        double laminationTemperatureSigmaC,
        double laminationCurvature,
        double laminationExcessResistancePerK,
        double delaminationScaleK,
        double dewPointNoiseC,
        double dewExcursionsPerDay,
        double dewExcursionMeanHours,
        double dewExcursionMeanRiseK,
        double moistureDefectPerK,
        double moistureResistancePerDose,
        double moistureCapacityLossPerDose,
        double dryRoomDwellHours,
        double misalignmentResistanceAtTolerance,
        double misalignmentCapacityLossAtTolerance,
        double latentDefectProbability,
        double latentDefectPerDose,
        double latentDefectPerKLamination,
        double latentDefectPerMisalignment,
        double latentDefectMeanSeverity,
        double selfDischargeMeanMvPerWeek,
        double selfDischargeSigmaMvPerWeek,
        double selfDischargePerSeverity,
        double capacitySigma,
        double resistanceSigma,
        double measurementSigma,
        double gradeAMinCapacity,
        double gradeAMaxResistance,
        double gradeBMinCapacity,
        double gradeBMaxResistance) {

    /** The assumed defaults used by the bundled layouts. */
    public static final PhysicsParameters DEFAULTS = new PhysicsParameters(
            1.5, 0.08, 0.03, 6.0,
            0.8, 1.0 / 14.0, 3.0, 8.0,
            0.015, 1.0, 0.05, 0.5,
            0.15, 0.01,
            0.004, 5.0, 0.10, 1.0, 0.5,
            1.5, 0.4, 10.0,
            0.01, 0.03, 0.003,
            0.97, 1.15, 0.93, 1.35);

    public PhysicsParameters {
        double[] all = {laminationTemperatureSigmaC, laminationCurvature, laminationExcessResistancePerK, delaminationScaleK,
                dewPointNoiseC, dewExcursionsPerDay, dewExcursionMeanHours, dewExcursionMeanRiseK, moistureDefectPerK,
                moistureResistancePerDose, moistureCapacityLossPerDose, dryRoomDwellHours, misalignmentResistanceAtTolerance,
                misalignmentCapacityLossAtTolerance, latentDefectProbability, latentDefectPerDose,
                latentDefectPerKLamination, latentDefectPerMisalignment, latentDefectMeanSeverity,
                selfDischargeMeanMvPerWeek, selfDischargeSigmaMvPerWeek, selfDischargePerSeverity, capacitySigma,
                resistanceSigma, measurementSigma, gradeAMinCapacity, gradeAMaxResistance, gradeBMinCapacity, gradeBMaxResistance};
        for (double v : all) {
            if (!(v >= 0) || !Double.isFinite(v)) throw new IllegalArgumentException("physics parameters must be finite and >= 0, got " + v);
        }
        if (!(delaminationScaleK > 0) || !(dewExcursionMeanHours > 0) || !(latentDefectMeanSeverity > 0)) {
            throw new IllegalArgumentException("delaminationScaleK, dewExcursionMeanHours, latentDefectMeanSeverity must be > 0");
        }
        if (latentDefectProbability > 1) throw new IllegalArgumentException("latentDefectProbability must be <= 1");
    }
}
