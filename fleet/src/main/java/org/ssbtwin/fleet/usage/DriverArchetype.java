package org.ssbtwin.fleet.usage;


/**
 * Driver usage archetypes. Daily distance = mean * weekday factor * lognormal(sigma) (unit mean); the lognormal is
 * sampled from a 1024-entry inverse-CDF table so a day costs a table lookup.
 */
public enum DriverArchetype {
    /** Private commuter: 44 km/day mean (Enedis, DOMAIN 3.3; JRC 40-80 km/day), weekends lower (assumed). */
    COMMUTER(44.0, 0.55, new double[] {1.10, 1.10, 1.10, 1.10, 1.15, 0.80, 0.65}, 32.0, 2.5),
    /** Ride-hailing/taxi (Xanh SM-like, DOMAIN 3.3): 220 km/day mean, 6.3 working days/week (assumed). */
    RIDE_HAILING_TAXI(220.0, 0.25, new double[] {1.08, 1.08, 1.08, 1.08, 1.08, 1.05, 0.55}, 25.0, 14.0),
    /** Long-distance: 90 km/day mean with long weekend trips (assumed). */
    LONG_DISTANCE(90.0, 0.80, new double[] {0.85, 0.85, 0.85, 0.85, 1.20, 1.40, 1.00}, 55.0, 3.0);

    private final double meanKmPerDay;
    private final double sigma;
    private final double[] weekdayFactor;
    private final double avgSpeedKmh;
    private final double tripsPerDay;
    private final double[] kmTable = new double[1024];

    DriverArchetype(double meanKmPerDay, double sigma, double[] weekdayFactor, double avgSpeedKmh,
                    double tripsPerDay) {
        this.meanKmPerDay = meanKmPerDay;
        this.sigma = sigma;
        double sum = 0;
        for (double w : weekdayFactor) {
            sum += w;
        }
        this.weekdayFactor = weekdayFactor.clone();
        for (int i = 0; i < 7; i++) {
            this.weekdayFactor[i] *= 7.0 / sum; // normalise to weekly mean 1
        }
        this.avgSpeedKmh = avgSpeedKmh;
        this.tripsPerDay = tripsPerDay;
        double m = 0;
        for (int i = 0; i < 1024; i++) {
            double z = Stats.normalQuantile((i + 0.5) / 1024.0);
            kmTable[i] = meanKmPerDay * Math.exp(sigma * z - 0.5 * sigma * sigma);
            m += kmTable[i];
        }
        double corr = meanKmPerDay / (m / 1024.0);
        for (int i = 0; i < 1024; i++) {
            kmTable[i] *= corr;
        }
    }

    public double meanKmPerDay() { return meanKmPerDay; }
    public double sigma() { return sigma; }
    /** Weekday factor, Monday = 0; weekly mean is 1. */
    public double weekdayFactor(int dayOfWeekMonday0) { return weekdayFactor[dayOfWeekMonday0]; }
    public double avgSpeedKmh() { return avgSpeedKmh; }
    public double tripsPerDay() { return tripsPerDay; }

    double[] kmTable() { return kmTable; }
    double[] weekdayFactors() { return weekdayFactor; }
}
