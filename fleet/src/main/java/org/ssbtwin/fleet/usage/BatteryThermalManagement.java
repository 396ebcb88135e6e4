package org.ssbtwin.fleet.usage;

/**
 * Battery thermal management assumption (all values assumed). Parked: no conditioning, cell daily mean = ambient +
 * {@code parkedOffsetK} (sun soak/garage). Driving and charging: the BTMS holds cells in
 * [{@code activeMinC}, {@code activeMaxC}], and self-heating adds {@code heatPerEfcK} per EFC. DC fast charging is
 * preconditioned to at least {@code dcPreconditionC}; AC charging warms the cells to at least {@code acMinChargeC}.
 * The daily mean cell temperature weights active hours (driving + charging) against parked hours.
 */
public record BatteryThermalManagement(
        double parkedOffsetK, double activeMinC, double activeMaxC, double heatPerEfcK,
        double dcPreconditionC, double acMinChargeC) {

    /** Liquid-cooled pack with preconditioning (VinFast-class, assumed). */
    public static final BatteryThermalManagement LIQUID_COOLED =
            new BatteryThermalManagement(1.0, 15.0, 35.0, 4.0, 20.0, 5.0);

    public BatteryThermalManagement {
        if (!(activeMinC <= activeMaxC)) {
            throw new IllegalArgumentException("activeMinC must be <= activeMaxC");
        }
    }
}
