package org.ssbtwin.fleet.whatif;

/**
 * Fleet statistics of one arm at the end of one horizon year. SoH percentiles are over packs without sudden
 * failure (histogram bin 0.0005, values are bin centres); shares count failed packs as below.
 *
 * @param meanSoh mean capacity SoH of the packs without sudden failure
 * @param below80 share of packs below 80 % SoH
 * @param below70 share of packs below 70 % SoH
 * @param warrantyClaimShare cumulative share of packs with a warranty claim
 */
public record ArmYear(double p5, double p50, double p95, double meanSoh, double below80, double below70,
                      double warrantyClaimShare) {
}
