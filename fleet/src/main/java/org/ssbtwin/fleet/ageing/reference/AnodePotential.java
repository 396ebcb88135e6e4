package org.ssbtwin.fleet.ageing.reference;

/**
 * Graphite anode-to-lithium potential U_a(SOC) used by BLAST-Lite 1.1.0 as the SOC stressor
 * ({@code BatteryDegradationModel._get_Ua}); equation from M. Safari and C. Delacourt, J. Electrochem. Soc.
 * 158(5) A562 (2011), with the lithiation fraction X_a = 0.0085 + s (0.78 - 0.0085).
 */
public final class AnodePotential {

    /** Offset of the graphite lithiation fraction at SOC 0 ({@code 8.5 * 10**-3} in BLAST). */
    private static final double XA0 = 8.5 * 0.001;
    private static final double XA_SPAN = 0.78 - XA0;

    private AnodePotential() {
    }

    /**
     * Anode potential versus Li/Li+ in volts at state of charge {@code soc} (fraction 0..1).
     * The operation order follows BLAST so results agree to the last few ulps.
     */
    public static double ua(double soc) {
        double xa = XA0 + soc * XA_SPAN;
        return 0.6379
                + 0.5416 * Math.exp(-305.5309 * xa)
                + 0.044 * tanh(-1 * (xa - 0.1958) / 0.1088)
                - 0.1978 * tanh((xa - 1.0571) / 0.0854)
                - 0.6875 * tanh((xa + 0.0117) / 0.0529)
                - 0.0175 * tanh((xa - 0.5692) / 0.0875);
    }

    /**
     * tanh(x) = 1 - 2/(e^{2x} + 1) using the intrinsic {@link Math#exp}; about 4x faster than {@link Math#tanh}
     * (a non-intrinsic fdlibm call on Java 17). Assumption: only the absolute error matters here (each tanh is
     * multiplied by a coefficient and summed into U_a ~ 0.1 V); it is a few 1e-16, the same order as the
     * difference between numpy's and Java's libm, far below the 5e-13 agreement the spec documents.
     */
    static double tanh(double x) {
        return 1 - 2 / (Math.exp(2 * x) + 1);
    }
}
