package org.ssbtwin.fleet.ageing;

/**
 * Primitive, mutable ageing state of one pack (hot-loop form). Reused across packs in a fleet study via
 * {@link #reset(double)}; advancing it allocates nothing.
 */
public final class SsbPackState {
    /** Nominal-cell calendar capacity loss (t^0.5 law, equivalent-time update). */
    public double qCal;
    /** Nominal-cell cycle capacity loss (linear in stressed EFC). */
    public double qCyc;
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
        qCal = 0; qCyc = 0; hazard = 0; this.hazardBudget = hazardBudget; failed = false; failedOnDay = -1;
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
        return this;
    }

    public void copyFrom(SsbPackState o) {
        qCal = o.qCal; qCyc = o.qCyc; hazard = o.hazard; hazardBudget = o.hazardBudget; failed = o.failed;
        failedOnDay = o.failedOnDay; days = o.days; efcTotal = o.efcTotal; throughputKWh = o.throughputKWh;
        km = o.km; dcKWh = o.dcKWh; capacity = o.capacity; resistance = o.resistance; sinceRefresh = o.sinceRefresh;
    }
}
