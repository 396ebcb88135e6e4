package org.ssbtwin.fleet.ageing;

/**
 * Electrical layout of a CIP/CIM pack as the ageing model sees it: {@code seriesElements} series elements, each the
 * pack's parallel cells at one series position (derived from designs.conf by
 * {@link org.ssbtwin.fleet.design.PackArchitecture#packDesign()}: element Ah = parallel x cell Ah, element V = cell V).
 *
 * @param ratedKWh rated pack energy (the sum of its cells' energy)
 * @param seriesElements series elements (cells in series)
 * @param nominalCellVoltage nominal voltage of one series element = one cell, V
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

    /** Series-element capacity in Ah implied by energy, series count and voltage (parallel x cell Ah). */
    public double cellAmpHours() {
        return ratedKWh * 1000.0 / (seriesElements * nominalCellVoltage);
    }
}
