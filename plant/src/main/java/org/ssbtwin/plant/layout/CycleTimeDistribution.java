package org.ssbtwin.plant.layout;

import java.util.SplittableRandom;

/**
 * Cycle time of one job on one unit: a lognormal with the given mean and coefficient of variation
 * (cv = 0 gives a constant). Lognormal is an assumption (positive, right-skewed, common in DES practice).
 */
public record CycleTimeDistribution(double meanSeconds, double cv) {
    public CycleTimeDistribution {
        if (!(meanSeconds > 0) || !Double.isFinite(meanSeconds)) {
            throw new IllegalArgumentException("meanSeconds must be > 0, was " + meanSeconds);
        }
        if (!(cv >= 0) || !Double.isFinite(cv)) {
            throw new IllegalArgumentException("cv must be >= 0, was " + cv);
        }
    }

    /** Log-space sigma. */
    public double sigmaLn() { return Math.sqrt(Math.log1p(cv * cv)); }

    /** Log-space mu for a mean of {@code mean}. */
    public double muLn(double mean) {
        double s = sigmaLn();
        return Math.log(mean) - s * s / 2;
    }

    /** The {@code p}-quantile in seconds, 0 < p < 1. */
    public double quantile(double p) {
        if (cv == 0) return meanSeconds;
        return Math.exp(muLn(meanSeconds) + sigmaLn() * standardNormalQuantile(p));
    }

    /**
     * The standard normal quantile function (inverse CDF), 0 < p < 1, by P. J. Acklam's rational approximation
     * (relative error below 1.15e-9), "An algorithm for computing the inverse normal cumulative distribution
     * function" (2003).
     */
    public static double standardNormalQuantile(double p) {
        if (!(p > 0 && p < 1)) throw new IllegalArgumentException("p must be in (0, 1), was " + p);
        final double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
                -3.066479806614716e+01, 2.506628277459239e+00};
        final double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
                -1.328068155288572e+01};
        final double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
                4.374664141464968e+00, 2.938163982698783e+00};
        final double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
        final double low = 0.02425;
        if (p < low) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - low) return -standardNormalQuantile(1 - p);
        double q = p - 0.5, r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }

    /** One sample in seconds. */
    public double sample(SplittableRandom rng) {
        if (cv == 0) return meanSeconds;
        return Math.exp(muLn(meanSeconds) + sigmaLn() * rng.nextGaussian());
    }
}
