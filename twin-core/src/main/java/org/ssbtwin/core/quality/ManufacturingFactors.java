package org.ssbtwin.core.quality;

/**
 * How a cell was made, reduced to the factors that shape its ageing in the field. This record is the
 * manufacturing-to-field thread: the plant computes it from a cell's genealogy (lamination temperature,
 * dry-room dew point, stacking alignment, ageing self-discharge check) and the fleet's ageing model scales
 * its rates with it.
 *
 * @param interfaceResistanceFactor multiplier (>= 1 typically, 1 = nominal) on the cell's initial interface
 *        resistance, from lamination temperature away from its window and stacking misalignment
 * @param moistureExposure dimensionless dew-point excursion dose in the dry room (0 = nominal dry room,
 *        1 = one hour at 10 K above the dew-point limit; assumed scale)
 * @param latentDefectSeverity 0 = no latent short-circuit defect; > 0 relative size of an undetected defect
 *        that escaped the self-discharge check
 * @param laminationTemperatureC mean lamination temperature of the cell's inlays, degC (for cohorts)
 * @param dewPointC worst dry-room dew point seen while the cell's core was assembled, degC (for cohorts)
 */
public record ManufacturingFactors(
        double interfaceResistanceFactor,
        double moistureExposure,
        double latentDefectSeverity,
        double laminationTemperatureC,
        double dewPointC) {

    /** A cell made exactly at nominal setpoints (assumed nominal: lamination 120 degC, dew point -45 degC). */
    public static final ManufacturingFactors NOMINAL = new ManufacturingFactors(1.0, 0.0, 0.0, 120.0, -45.0);

    public ManufacturingFactors {
        if (!(interfaceResistanceFactor > 0) || !Double.isFinite(interfaceResistanceFactor)) {
            throw new IllegalArgumentException("interfaceResistanceFactor must be > 0, was " + interfaceResistanceFactor);
        }
        if (!(moistureExposure >= 0) || !Double.isFinite(moistureExposure)) {
            throw new IllegalArgumentException("moistureExposure must be >= 0, was " + moistureExposure);
        }
        if (!(latentDefectSeverity >= 0) || !Double.isFinite(latentDefectSeverity)) {
            throw new IllegalArgumentException("latentDefectSeverity must be >= 0, was " + latentDefectSeverity);
        }
        if (!Double.isFinite(laminationTemperatureC) || !Double.isFinite(dewPointC)) {
            throw new IllegalArgumentException("temperatures must be finite");
        }
    }
}
