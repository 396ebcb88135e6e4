package org.ssbtwin.fleet.ageing;

/**
 * Battery warranty terms: covered while age <= years and odometer <= km; a claim arises when capacity SoH falls
 * below {@code sohThreshold} (or the pack fails) inside that cover. Standard: 8 years / 160,000 km / 70 %
 * (DOMAIN 3.5).
 */
public record WarrantyTerms(int years, double km, double sohThreshold) {
    public static final WarrantyTerms STANDARD = new WarrantyTerms(8, 160_000, 0.70);

    public WarrantyTerms {
        if (years < 0) {
            throw new IllegalArgumentException("warranty.years must be >= 0, was " + years);
        }
        if (!(km >= 0)) {
            throw new IllegalArgumentException("warranty.km must be >= 0, was " + km);
        }
        if (!(sohThreshold > 0 && sohThreshold < 1)) {
            throw new IllegalArgumentException("warranty.soh-threshold must be in (0,1), was " + sohThreshold);
        }
    }

    /** Whether a pack of {@code ageDays} days and {@code km} is still covered (365-day years). */
    public boolean covers(int ageDays, double odometerKm) {
        return ageDays <= years * 365 && odometerKm <= km;
    }
}
