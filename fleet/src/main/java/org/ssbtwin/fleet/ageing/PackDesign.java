package org.ssbtwin.fleet.ageing;

/**
 * Electrical layout of a CIP/CIM pack: {@code seriesElements} large-format cells in series, one cell per series
 * element (no parallel strings: the large-footprint ceramic cells allow dropping parallel connections, DOMAIN 1.2
 * June 2023; the element count is assumed per vehicle model).
 *
 * @param ratedKWh rated (usable) pack energy
 * @param seriesElements cells in series
 * @param nominalCellVoltage nominal cell voltage, V (assumed 3.7 V)
 */
public record PackDesign(double ratedKWh, int seriesElements, double nominalCellVoltage) {
    public PackDesign {
        if (!(ratedKWh > 0) || !Double.isFinite(ratedKWh)) {
            throw new IllegalArgumentException("ratedKWh must be > 0, was " + ratedKWh);
        }
        if (seriesElements < 1 || seriesElements > 1000) {
            throw new IllegalArgumentException("seriesElements must be in [1,1000], was " + seriesElements);
        }
        if (!(nominalCellVoltage > 0)) {
            throw new IllegalArgumentException("nominalCellVoltage must be > 0, was " + nominalCellVoltage);
        }
    }

    /** Cell capacity in Ah implied by energy, series count and voltage. */
    public double cellAmpHours() {
        return ratedKWh * 1000.0 / (seriesElements * nominalCellVoltage);
    }
}
