package org.ssbtwin.fleet.ageing;

/**
 * Warranty status of a pack.
 *
 * @param covered age and odometer still inside the warranty
 * @param daysLeft days of cover left (0 if expired)
 * @param kmLeft km of cover left (0 if expired)
 * @param claimEligible covered and (SoH below threshold or sudden failure)
 * @param reason human-readable explanation
 */
public record WarrantyStatus(boolean covered, int daysLeft, double kmLeft, boolean claimEligible, String reason) {
}
