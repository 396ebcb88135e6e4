package org.ssbtwin.fleet.ageing;

/**
 * Semi-empirical ageing model of an oxide-ceramic-electrolyte / silicon-anode cell, applied to a pack.
 *
 * <p>Capacity loss of a nominal cell = calendar part + cycle part:
 * <ul>
 *   <li>calendar: {@code qCal = k * sqrt(t)}, {@code k^2 = kCal25^2 * A(T)^2 * f_soc(soc)^2} with Arrhenius
 *       {@code A(T) = exp(-Ea/R (1/T - 1/298.15))}; integrated with the equivalent-time rule for a t^0.5 law
 *       (reference-ageing-models.md section 1.4): first step {@code y = k sqrt(dt)}, then
 *       {@code dy = k^2 dt / (2y)} (no pow, one division);</li>
 *   <li>cycle: {@code dqCyc = kCyc * dEFC * f_dod * f_fast * f_cold * f_hot} with
 *       {@code f_fast = 1 + cFc * dcShare * max(0, C - C0)} (Si anode at high charge rate),
 *       {@code f_cold = 1 + cCold * C * min(cap, sigma(25)/sigma(Tcharge) - 1)} (ceramic conductivity falls in
 *       the cold, Si plating) and {@code f_hot} Arrhenius above 25 degC only;</li>
 *   <li>resistance growth {@code G = rCal*qCal + rCyc*qCyc}, cell resistance {@code irf*(1 + irf*(1+cM*m)*G)};</li>
 *   <li>latent defects: pack hazard {@code dH = h0 * sum(severity) * (idle + EFC) * (1 + cFcH*dcShare*C)};
 *       failure when H exceeds an Exp(1) budget drawn once per pack.</li>
 * </ul>
 * Temperature and SOC factors are tabulated (0.1 K and 0.01 SOC steps) at construction; the daily step does no
 * exp/pow and allocates nothing. Thread-safe (immutable after construction).
 */
public final class SsbAgeingModel {
    /** Days between refreshes of the cached pack capacity/resistance (weakest-cell minimum). */
    public static final int REFRESH_DAYS = 30;
    static final double T_MIN_C = -40.0;
    static final double T_MAX_C = 80.0;
    static final double T_STEP_INV = 10.0;
    static final int T_N = (int) Math.round((T_MAX_C - T_MIN_C) * T_STEP_INV) + 1;
    private static final double R = 8.314462618;
    private static final double T_REF_K = 298.15;

    private final SsbAgeingParameters p;
    /** kCal25^2 per day times Arrhenius^2 per temperature index. */
    private final double[] calK2ByTemp = new double[T_N];
    private final double[] coldStressByTemp = new double[T_N];
    private final double[] hotCycleByTemp = new double[T_N];
    private final double[] socSqByPercent = new double[101];

    public static final SsbAgeingModel DEFAULT = new SsbAgeingModel(SsbAgeingParameters.DEFAULT);

    public SsbAgeingModel(SsbAgeingParameters p) {
        this.p = p;
        double kPerSqrtDay = p.calendarLossPerSqrtYear25C() / Math.sqrt(365.0);
        for (int i = 0; i < T_N; i++) {
            double tk = T_MIN_C + i / T_STEP_INV + 273.15;
            double arr = Math.exp(-p.calendarActivationJPerMol() / R * (1.0 / tk - 1.0 / T_REF_K));
            calK2ByTemp[i] = kPerSqrtDay * kPerSqrtDay * arr * arr;
            double inv = Math.exp(p.conductivityActivationJPerMol() / R * (1.0 / tk - 1.0 / T_REF_K)) - 1.0;
            coldStressByTemp[i] = Math.min(p.coldStressCap(), Math.max(0.0, inv));
            hotCycleByTemp[i] = tk <= T_REF_K ? 1.0
                    : Math.exp(-p.cycleHotActivationJPerMol() / R * (1.0 / tk - 1.0 / T_REF_K));
        }
        for (int s = 0; s <= 100; s++) {
            double f = p.socStressIntercept() + p.socStressSlope() * (s / 100.0);
            socSqByPercent[s] = f * f;
        }
    }

    public SsbAgeingParameters parameters() {
        return p;
    }

    static int tempIndex(double tC) {
        int i = (int) ((tC - T_MIN_C) * T_STEP_INV + 0.5);
        return i < 0 ? 0 : (i >= T_N ? T_N - 1 : i);
    }

    static int socIndex(double soc) {
        int i = (int) (soc * 100.0 + 0.5);
        return i < 0 ? 0 : (i > 100 ? 100 : i);
    }

    /**
     * Advances the pack by one day. Allocation-free. Refreshes the cached pack capacity/resistance every
     * {@link #REFRESH_DAYS} days (the capacity used to convert energy to EFC is therefore up to 30 days stale,
     * i.e. off by well under 0.5 %).
     */
    public void step(SsbPackState s, PackCells cells, PackDay d) {
        int ti = tempIndex(d.meanCellTempC);
        double k2 = calK2ByTemp[ti] * socSqByPercent[socIndex(d.meanSoc)];
        double q = s.qCal;
        s.qCal = q > 0.0 ? q + 0.5 * k2 / q : Math.sqrt(k2);
        double efc = d.efc;
        if (efc > 0.0) {
            double c = d.maxChargeC;
            double fast = c > p.fastChargeFreeCRate() ? d.dcShare * (c - p.fastChargeFreeCRate()) : 0.0;
            double fDod = p.dodIntercept() + p.dodSlope() * d.dod;
            double fCold = 1.0 + p.coldChargeCoefficient() * c * coldStressByTemp[tempIndex(d.chargeCellTempC)];
            s.qCyc += p.cycleLossPerEfc() * efc * fDod * (1.0 + p.fastChargeCoefficient() * fast) * fCold
                    * hotCycleByTemp[ti];
        }
        double sev = cells.sumSeverity();
        if (sev > 0.0 && !s.failed) {
            s.hazard += p.defectHazardPerDay() * sev * (p.defectHazardIdleShare() + efc)
                    * (1.0 + p.defectFastChargeCoefficient() * d.dcShare * d.maxChargeC);
            if (s.hazard > s.hazardBudget) {
                s.failed = true;
                s.failedOnDay = s.days;
            }
        }
        s.days++;
        s.efcTotal += efc;
        s.throughputKWh += d.dischargeKWh;
        s.dcKWh += d.dischargeKWh * d.dcShare;
        s.km += d.km;
        if (++s.sinceRefresh >= REFRESH_DAYS) {
            refresh(s, cells);
        }
    }

    /** Recomputes the pack capacity (weakest series cell) and resistance (sum) from the states. */
    public void refresh(SsbPackState s, PackCells cells) {
        s.sinceRefresh = 0;
        s.capacity = cells.capacity(s.qCal, s.qCyc);
        s.resistance = cells.resistance(resistanceGrowth(s));
    }

    public double resistanceGrowth(SsbPackState s) {
        return p.resistanceCalendarRatio() * s.qCal + p.resistanceCycleRatio() * s.qCyc;
    }

    /** Self-discharge of the worst cell, %/day, grown by its latent defect. */
    public double worstSelfDischargePctPerDay(SsbPackState s, PackCells cells) {
        return p.selfDischargeBasePctPerDay()
                + cells.maxSeverity() * p.selfDischargeGrowthPctPerDayPerYear() * (s.days / 365.0);
    }

    /** Ionic-conductivity penalty sigma(25)/sigma(T) - 1 (capped), exposed for diagnostics. */
    public double coldStress(double tempC) {
        return coldStressByTemp[tempIndex(tempC)];
    }
}
