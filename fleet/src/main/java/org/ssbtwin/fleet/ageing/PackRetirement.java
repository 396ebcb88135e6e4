package org.ssbtwin.fleet.ageing;

/**
 * The one retirement rule of studies and what-if runs: a pack leaves vehicle service when it fails suddenly or its
 * capacity falls below {@link LifeModelConstants#RETIREMENT_SOH}. A pack that left keeps the SoH (and resistance)
 * it had when it left in every later year's percentiles, so percentiles always cover every pack that entered
 * service (no survivorship bias) and, since a pack's SoH never rises, never rise from one year to the next.
 */
public final class PackRetirement {
    /** Capacity (fraction of rated) below which a pack leaves vehicle service. */
    public static final double SOH = LifeModelConstants.RETIREMENT_SOH.value();

    private PackRetirement() {
    }

    /** Whether a pack with this capacity and failure flag has left vehicle service. */
    public static boolean leavesService(double capacity, boolean failed) {
        return failed || capacity < SOH;
    }
}
