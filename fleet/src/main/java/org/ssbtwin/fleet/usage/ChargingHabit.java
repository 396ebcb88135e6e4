package org.ssbtwin.fleet.usage;

/**
 * Charging habits (all values assumed: no published DC share for Vietnam or France, DOMAIN 3.3; 80 % of EU
 * drivers usually charge at home, DOMAIN 3.3).
 *
 * @see #dcDayProbability()
 */
public enum ChargingHabit {
    /** Nightly home AC to 80 %, DC on 3 % of days. */
    HOME_AC(0.03, 0.80),
    /** Home AC to 100 % every night, DC on 3 % of days (high-SOC storage). */
    HOME_AC_FULL(0.03, 1.00),
    /** Mixed home AC / public DC: DC on 30 % of days, target 90 %. */
    MIXED(0.30, 0.90),
    /** DC-heavy (no home charger, taxi depots): DC on 85 % of days, target 90 %. */
    DC_HEAVY(0.85, 0.90);

    private final double dcDayProbability;
    private final double targetSoc;

    ChargingHabit(double dcDayProbability, double targetSoc) {
        this.dcDayProbability = dcDayProbability;
        this.targetSoc = targetSoc;
    }

    /** Probability that a day's charging is DC fast charging (forced to 1 when the day exceeds the range). */
    public double dcDayProbability() { return dcDayProbability; }
    /** SOC the driver charges to. */
    public double targetSoc() { return targetSoc; }
    /** SOC at which the driver recharges within the day (assumed 15 %). */
    public double reserveSoc() { return 0.15; }
}
