package org.ssbtwin.fleet.ageing.reference;

/**
 * Standard normal pdf and cdf ({@code scipy.stats.norm.pdf} / {@code .cdf}) for the LFP break-in term of
 * BLAST-Lite. The cdf uses erf by its all-positive series (|z| &lt; 3) and erfc by its continued fraction
 * beyond; both are accurate to a few ulps over the range used here.
 */
final class NormalDistribution {

    private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);
    private static final double SQRT1_2 = Math.sqrt(0.5);
    private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
    private static final double ONE_OVER_SQRT_PI = 1 / Math.sqrt(Math.PI);

    private NormalDistribution() {
    }

    static double pdf(double x) {
        return Math.exp(-(x * x) / 2.0) / SQRT_2PI;
    }

    static double cdf(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        double z = x * SQRT1_2;
        if (z < -3) {
            return 0.5 * erfcPositive(-z);
        }
        if (z > 3) {
            return 1 - 0.5 * erfcPositive(z);
        }
        return 0.5 * (1 + erf(z));
    }

    /** erf(z) = 2/sqrt(pi) exp(-z^2) sum_n 2^n z^(2n+1) / (2n+1)!!, for |z| &lt;= 3. */
    private static double erf(double z) {
        double z2 = z * z;
        double term = z;
        double sum = z;
        for (int n = 1; n < 200; n++) {
            term *= 2 * z2 / (2 * n + 1);
            double next = sum + term;
            if (next == sum) {
                break;
            }
            sum = next;
        }
        return TWO_OVER_SQRT_PI * Math.exp(-z2) * sum;
    }

    /** erfc(z) for z &gt;= 3 by the Laplace continued fraction, evaluated backwards. */
    private static double erfcPositive(double z) {
        if (z == Double.POSITIVE_INFINITY) {
            return 0;
        }
        double f = z;
        for (int n = 60; n >= 1; n--) {
            f = z + (n / 2.0) / f;
        }
        return ONE_OVER_SQRT_PI * Math.exp(-z * z) / f;
    }
}
