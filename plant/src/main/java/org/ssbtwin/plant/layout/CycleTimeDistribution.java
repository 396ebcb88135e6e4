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

    /** One sample in seconds. */
    public double sample(SplittableRandom rng) {
        if (cv == 0) return meanSeconds;
        return Math.exp(muLn(meanSeconds) + sigmaLn() * rng.nextGaussian());
    }
}
