package org.ssbtwin.fleet.ageing;

/**
 * Primitive, mutable ageing state of one pack (hot-loop form). Reused across packs in a fleet study via
 * {@link #reset(double)}; advancing it allocates nothing.
 */
public final class SsbPackState {
    /** Nominal-cell calendar capacity loss (t^z law), refreshed from {@link #calEqYears}. */
    public double qCal;
    /** Nominal-cell cycle capacity loss (linear in stressed EFC), refreshed from {@link #cycEqEfc}. */
    public double qCyc;
    /**
     * Calendar state: years at the reference condition (25 degC, SOC 1) that give the same loss; advanced by
     * {@code (k(T,SOC)/kRef)^(1/z) * dt}, the continuous form of BLAST's equivalent-time rule (no pow per day).
     */
    public double calEqYears;
    /** Cycle state: EFC at the reference condition (25 degC, DOD 0.8, 0.1 C) that give the same loss. */
    public double cycEqEfc;
    /** Knee state: sum of EFC / q5 (the normalised argument of the Kokam LAM sigmoid). */
    public double kneeEfc;
    /** Nominal-cell capacity limit of the knee (q_LAM = 1.01 - sigmoid), refreshed with capacity. */
    public double qLam = 1.0;
    /** Set by {@link #continueFrom}: the next refresh rebuilds the equivalent states from qCal / qCyc. */
    boolean fromSnapshot;
    /** Cumulative sudden-failure hazard of the pack. */
    public double hazard;
    /** Exp(1) hazard budget drawn once: the pack fails when {@code hazard} exceeds it. */
    public double hazardBudget;
    public boolean failed;
    public int failedOnDay = -1;
    public int days;
    public double efcTotal;
    public double throughputKWh;
    public double km;
    public double dcKWh;
    /** Pack capacity relative to rated (weakest cell), refreshed every {@link SsbAgeingModel#REFRESH_DAYS}. */
    public double capacity = 1.0;
    /** Pack resistance relative to nominal new, refreshed with capacity. */
    public double resistance = 1.0;
    int sinceRefresh;

    public SsbPackState reset(double hazardBudget) {
        qCal = 0; qCyc = 0; calEqYears = 0; cycEqEfc = 0; kneeEfc = 0; qLam = 1.0; fromSnapshot = false;
        hazard = 0; this.hazardBudget = hazardBudget; failed = false; failedOnDay = -1;
        days = 0; efcTotal = 0; throughputKWh = 0; km = 0; dcKWh = 0; capacity = 1.0; resistance = 1.0;
        sinceRefresh = 0;
        return this;
    }

    /**
     * Takes the stress-driven state of a live pack's snapshot (losses, hazard, counters); capacity and resistance
     * follow from them and the pack's cells with {@link SsbAgeingModel#refresh}, which the caller runs next.
     */
    public SsbPackState continueFrom(AgeingSnapshot s) {
        qCal = s.qCal(); qCyc = s.qCyc(); hazard = s.hazard(); days = s.days(); efcTotal = s.efcTotal();
        throughputKWh = s.throughputKWh(); km = s.km(); dcKWh = s.dcKWh();
        fromSnapshot = true;
        return this;
    }

    public void copyFrom(SsbPackState o) {
        qCal = o.qCal; qCyc = o.qCyc; calEqYears = o.calEqYears; cycEqEfc = o.cycEqEfc; kneeEfc = o.kneeEfc;
        qLam = o.qLam; fromSnapshot = o.fromSnapshot; hazard = o.hazard; hazardBudget = o.hazardBudget; failed = o.failed;
        failedOnDay = o.failedOnDay; days = o.days; efcTotal = o.efcTotal; throughputKWh = o.throughputKWh;
        km = o.km; dcKWh = o.dcKWh; capacity = o.capacity; resistance = o.resistance; sinceRefresh = o.sinceRefresh;
    }
}
