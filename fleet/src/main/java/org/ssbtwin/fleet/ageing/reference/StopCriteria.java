package org.ssbtwin.fleet.ageing.reference;

/**
 * BLAST-Lite's stopping thresholds ({@code threshold_time}, {@code threshold_capacity}, {@code threshold_efc} of
 * {@code simulate_battery_life}). After every chunk the run stops if {@code t_days/365 > maxYears}, or
 * {@code q < minCapacity}, or {@code efc > maxEfc}. NaN means "not given". If none is given, BLAST stops after
 * {@code (t_last - 1 s)/(365 * 86400)} years of its own clock.
 *
 * @param maxYears threshold on BLAST time in years (365-day years of counted chunk time), NaN if absent
 * @param minCapacity threshold on relative capacity q, NaN if absent
 * @param maxEfc threshold on cumulative equivalent full cycles, NaN if absent
 */
public record StopCriteria(double maxYears, double minCapacity, double maxEfc) {

    /**
     * Safety cap on BLAST time when no time threshold is given but a capacity/EFC threshold is (assumption: BLAST
     * would loop forever if such a threshold is never reached, e.g. once q is NaN; the port stops at 1000 years).
     */
    public static final double SAFETY_CAP_YEARS = 1000;

    /** Only a time threshold, as in {@code simulate_battery_life(input, threshold_time=years)}. */
    public static StopCriteria years(double years) {
        return new StopCriteria(years, Double.NaN, Double.NaN);
    }

    /** No threshold: BLAST's default, one input span of BLAST time. */
    public static StopCriteria blastDefault() {
        return new StopCriteria(Double.NaN, Double.NaN, Double.NaN);
    }

    boolean noneGiven() {
        return Double.isNaN(maxYears) && Double.isNaN(minCapacity) && Double.isNaN(maxEfc);
    }
}
