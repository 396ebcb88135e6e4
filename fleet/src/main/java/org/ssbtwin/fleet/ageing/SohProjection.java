package org.ssbtwin.fleet.ageing;

import java.time.LocalDate;

/**
 * Projection of a pack's capacity SoH by continuing its own observed usage (per-calendar-month means of its
 * history, falling back to the overall mean for months not yet seen).
 *
 * @param asOf date of the last observed day
 * @param date80 first projected date below 80 % SoH, null if not within the horizon
 * @param date70 first projected date below 70 % SoH, null if not within the horizon
 * @param horizonYears projection horizon
 * @param sohAtWarrantyEnd projected SoH at the end of the warranty period (NaN if already past)
 */
public record SohProjection(LocalDate asOf, LocalDate date80, LocalDate date70, int horizonYears,
                            double sohAtWarrantyEnd) {
}
