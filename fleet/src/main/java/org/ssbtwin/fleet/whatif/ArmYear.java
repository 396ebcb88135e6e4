package org.ssbtwin.fleet.whatif;

/**
 * Fleet statistics of one arm at the end of one horizon year. SoH percentiles are over every pack; a pack that
 * failed or retired keeps the SoH it left service with (PackRetirement, as in the fleet study), so they never rise
 * (histogram bin 0.0005, values are bin centres); shares count failed and retired packs as below.
 *
 * @param meanSoh mean capacity SoH of every pack (a pack that failed or retired at the SoH it left service with)
 * @param below80 share of packs below 80 % SoH
 * @param below70 share of packs below 70 % SoH
 * @param warrantyClaimShare cumulative share of packs with a warranty claim
 */
public record ArmYear(double p5, double p50, double p95, double meanSoh, double below80, double below70,
                      double warrantyClaimShare) {
}
