package org.ssbtwin.fleet.usage;


/**
 * Climates: 12 monthly mean temperatures interpolated to a 365-day table, plus day-to-day weather noise
 * (sigma, from a 256-entry normal table).
 */
public enum Climate {
    /** Ho Chi Minh City, WMO daily means (DOMAIN 3.4, sourced). Day-to-day sigma 1.0 K assumed. */
    HO_CHI_MINH_CITY(false, 1.0, 26.4, 27.7, 29.2, 30.2, 29.6, 28.5, 28.2, 28.1, 27.9, 27.6, 26.9, 26.1),
    /**
     * Hanoi: monthly table ASSUMED (not found, DOMAIN 6); chosen to match the sourced annual mean ~23.2 degC,
     * winter mean ~17 degC, summer ~29 degC, coolest January, hottest June/July (DOMAIN 3.4). Sigma 2 K assumed.
     */
    HANOI(true, 2.0, 16.4, 17.2, 20.0, 23.9, 27.4, 29.2, 29.3, 28.6, 27.5, 24.9, 21.6, 18.2),
    /**
     * Lille / Dunkirk: Jan 4.1, Feb 4.8, Mar 7.5 sourced (Lille 1991-2020, DOMAIN 3.4); Apr-Dec assumed to give
     * the ~11-12 degC annual mean (DOMAIN 3.4). Sigma 3 K assumed.
     */
    LILLE_DUNKIRK(true, 3.0, 4.1, 4.8, 7.5, 10.1, 13.6, 16.5, 18.7, 18.6, 15.6, 11.9, 7.8, 4.8),
    /** Oslo: monthly table ASSUMED (approximate normals, not from DOMAIN). Sigma 4 K assumed. */
    OSLO(true, 4.0, -2.3, -2.0, 1.2, 5.9, 11.0, 15.0, 17.3, 16.1, 11.8, 6.4, 2.0, -1.6);

    private final boolean monthlyTableAssumed;
    private final double weatherSigmaK;
    private final double[] monthlyMeanC;
    private final double[] dayMeanC = new double[365];
    private final double[] noiseTable = new double[256];

    Climate(boolean monthlyTableAssumed, double weatherSigmaK, double... monthlyMeanC) {
        this.monthlyTableAssumed = monthlyTableAssumed;
        this.weatherSigmaK = weatherSigmaK;
        this.monthlyMeanC = monthlyMeanC.clone();
        for (int d = 0; d < 365; d++) {
            int hi = 0;
            while (hi < 12 && Stats.MID_MONTH_DOY[hi] <= d) {
                hi++;
            }
            int lo = hi - 1;
            double dLo = lo < 0 ? Stats.MID_MONTH_DOY[11] - 365 : Stats.MID_MONTH_DOY[lo];
            double dHi = hi > 11 ? Stats.MID_MONTH_DOY[0] + 365 : Stats.MID_MONTH_DOY[hi];
            double tLo = monthlyMeanC[(lo + 12) % 12];
            double tHi = monthlyMeanC[hi % 12];
            dayMeanC[d] = tLo + (tHi - tLo) * (d - dLo) / (dHi - dLo);
        }
        for (int i = 0; i < 256; i++) {
            noiseTable[i] = weatherSigmaK * Stats.normalQuantile((i + 0.5) / 256.0);
        }
    }

    public boolean monthlyTableAssumed() { return monthlyTableAssumed; }
    public double weatherSigmaK() { return weatherSigmaK; }
    /** Monthly mean, month 1..12. */
    public double monthlyMeanC(int month) { return monthlyMeanC[month - 1]; }
    /** Seasonal mean for day-of-year 0..364 (no leap day). */
    public double dayMeanC(int dayOfYear0) { return dayMeanC[dayOfYear0]; }
    public double annualMeanC() {
        double s = 0;
        for (double t : monthlyMeanC) {
            s += t;
        }
        return s / 12.0;
    }

    double[] dayMeanTable() { return dayMeanC; }
    double[] noiseTable() { return noiseTable; }
}
