package org.ssbtwin.fleet.study;

/**
 * Statistics of one cohort at the end of one service year. SoH and resistance percentiles are taken over every
 * pack that entered service: a pack that failed or retired (below {@link FleetStudy#RETIREMENT_SOH}) keeps the SoH
 * and resistance it left with, so no survivorship bias and percentiles never rise; fixed-bin histograms (SoH bin
 * 0.0005, resistance bin 0.002; values are bin centres). {@code alive / packs} is the survival curve. Below-threshold shares count failed and retired packs as below. Claim share is cumulative up to this year.
 *
 * @param dimension cohort dimension: ALL, VEHICLE_MODEL, CLIMATE, ARCHETYPE, CHARGING_HABIT, PRODUCTION_MONTH,
 *        LAMINATION_BAND
 * @param cohort cohort label within the dimension
 * @param year service year 1..N (value at year end)
 * @param packs packs in the cohort
 * @param alive packs in service: without sudden failure and not retired ({@code alive / packs} = survival)
 * @param sohP5 capacity SoH 5th percentile (fraction of rated)
 * @param resistanceP5 pack resistance relative to a nominal new pack, 5th percentile
 * @param meanEfc mean cumulative equivalent full cycles per pack
 * @param meanKm mean cumulative km per pack
 * @param retiredShare share of the cohort's packs retired from vehicle service (capacity below
 *        {@link FleetStudy#RETIREMENT_SOH}) by the end of this year
 */
public record CohortYearStats(
        String dimension, String cohort, int year, long packs, long alive,
        double sohP5, double sohP50, double sohP95,
        double resistanceP5, double resistanceP50, double resistanceP95,
        double shareBelow80, double shareBelow70, double failedShare, double warrantyClaimShare,
        double meanEfc, double meanKm, double retiredShare) {

    /** Share of the cohort's packs still in vehicle service (the survival curve). */
    public double survivalShare() {
        return packs == 0 ? Double.NaN : alive / (double) packs;
    }

    static final String CSV_HEADER = "dimension,cohort,year,packs,alive,soh_p5,soh_p50,soh_p95,"
            + "resistance_p5,resistance_p50,resistance_p95,share_below_80,share_below_70,failed_share,"
            + "warranty_claim_share,mean_efc,mean_km,retired_share";

    String toCsvRow() {
        return String.format(java.util.Locale.ROOT,
                "%s,%s,%d,%d,%d,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%.6f,%.6f,%.6f,%.6f,%.2f,%.1f,%.6f",
                dimension, cohort, year, packs, alive, sohP5, sohP50, sohP95, resistanceP5, resistanceP50,
                resistanceP95, shareBelow80, shareBelow70, failedShare, warrantyClaimShare, meanEfc, meanKm, retiredShare);
    }
}
