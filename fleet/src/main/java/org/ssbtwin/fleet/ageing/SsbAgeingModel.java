package org.ssbtwin.fleet.ageing;

import static org.ssbtwin.fleet.ageing.LifeModelConstants.*;

import org.ssbtwin.fleet.ageing.reference.AnodePotential;

/**
 * The pack life model: the structure of the BLAST-Lite references with a documented Li-ion baseline and, for the
 * SSB chemistry, the SSB multipliers on top. Every constant is in
 * {@link org.ssbtwin.fleet.ageing.LifeModelConstants} (value, unit, source or "assumed"); docs/life-model.md.
 *
 * <p>Capacity loss of a nominal cell:
 * <ul>
 *   <li>calendar {@code qCal = kCal * u^z} with {@code du/dt = (A(T) * fSoc(SOC) * mCal)^(1/z)}, the continuous form
 *       of BLAST's equivalent-time rule for a power law (reference-ageing-models.md 1.4): exact for constant
 *       conditions, and the daily step is one table lookup and one add. {@code A} = Arrhenius (effective fleet Ea),
 *       {@code fSoc} = the Kokam anode-potential (Tafel) term, 1 at SOC 1;</li>
 *   <li>cycle {@code qCyc = kCyc * sum(dEFC * fT * fDod * fC * fCold * mCyc)}: fDod Kokam, fC the LFP-250Ah C-rate
 *       slope on the DC share of the day, fCold Li plating (Li-ion) or the ceramic's conductivity (SSB) while
 *       charging cold;</li>
 *   <li>knee: the Kokam LAM sigmoid {@code qLam = 1.01 - 2 y(1/2 - 1/(1 + e^(x^p)))}, {@code x = sum(dEFC / q5)},
 *       {@code q5 = q5_0 + q5_1 (T_charge - 55) DOD SOC/0.6} (floored); the pack capacity is the smaller of the
 *       weakest cell and qLam;</li>
 *   <li>resistance growth {@code G = rCal qCal + rCyc qCyc + r6 (1/qLam - 1)}; cell resistance
 *       {@code irf * (1 + irf (1 + cM m) G)} (see {@link PackCells});</li>
 *   <li>latent defects: pack hazard {@code dH = h0 * sum(severity) * (idle + EFC) * (1 + cFcH dcShare C)}; failure
 *       when H exceeds an Exp(1) budget drawn once per pack.</li>
 * </ul>
 * Temperature and SOC factors are tabulated (0.1 K, 0.01 SOC and DOD steps) at construction; the daily step does no
 * exp/pow and allocates nothing; qCal (one pow) and the knee (one pow, one exp) are evaluated at refresh.
 * Thread-safe (immutable after construction).
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
    /** q5 of the knee at 25 degC, DOD 0.8, SOC 0.6: restores the knee state of a snapshot (not persisted). */
    private static final double KNEE_Q5_NOMINAL = KNEE_Q5_0.value() + KNEE_Q5_1.value() * (25 - 55) * 0.8;

    private final SsbAgeingParameters p;
    private final double z = CAL_TIME_EXPONENT.value();
    private final double invZ = 1.0 / z;
    private final double kCal = CAL_K_REF.value();
    private final double kCyc = CYC_K_REF.value();
    private final double cSlope;
    private final double cRef = CYC_C_REF.value();
    private final double coldCoeff = COLD_CHARGE_COEFF.value();
    private final double kneeMult;
    private final double q5Floor = KNEE_Q5_FLOOR.value();
    private final double q5Slope06 = KNEE_Q5_1.value() / 0.6;
    private final double q5Base = KNEE_Q5_0.value();
    /** (A(T) * mCal)^(1/z) / 365 per temperature index: reference-years per day. */
    private final double[] calRateByTemp = new double[T_N];
    private final double[] cycTempByTemp = new double[T_N];
    private final double[] coldStressByTemp = new double[T_N];
    /** fSoc^(1/z) per SOC percent. */
    private final double[] calSocByPercent = new double[101];
    /** fDod * mCyc per DOD percent. */
    private final double[] cycDodByPercent = new double[101];

    public static final SsbAgeingModel DEFAULT = new SsbAgeingModel(SsbAgeingParameters.DEFAULT);
    public static final SsbAgeingModel LI_ION_REFERENCE = new SsbAgeingModel(SsbAgeingParameters.LI_ION_REFERENCE);

    public SsbAgeingModel(SsbAgeingParameters p) {
        this.p = p;
        if (CYC_EFC_EXPONENT.value() != 1.0) {
            throw new IllegalStateException("the cycle state is linear in EFC; cycle.efc-exponent must be 1");
        }
        boolean ssb = p.ssb();
        double mCal = ssb ? SSB_CALENDAR.value() : 1.0;
        double mCyc = ssb ? SSB_CYCLE.value() : 1.0;
        cSlope = CYC_C_SLOPE.value() * (ssb ? SSB_FAST_CHARGE.value() : 1.0) / (1.0 + CYC_C_SLOPE.value() * cRef);
        kneeMult = 1.0 / (ssb ? SSB_KNEE.value() : 1.0);
        double coldEa = ssb ? SSB_COLD_ACTIVATION.value() : COLD_CHARGE_ACTIVATION.value();
        double calEa = CAL_ACTIVATION.value();
        double cycEa = CYC_ACTIVATION.value();
        for (int i = 0; i < T_N; i++) {
            double tk = T_MIN_C + i / T_STEP_INV + 273.15;
            double arr = Math.exp(-calEa / R * (1.0 / tk - 1.0 / T_REF_K));
            calRateByTemp[i] = Math.pow(arr * mCal, invZ) / 365.0;
            cycTempByTemp[i] = Math.exp(-cycEa / R * (1.0 / tk - 1.0 / T_REF_K));
            double inv = Math.exp(coldEa / R * (1.0 / tk - 1.0 / T_REF_K)) - 1.0;
            coldStressByTemp[i] = Math.min(COLD_STRESS_CAP.value(), Math.max(0.0, inv));
        }
        double tn = T_REF_K / CAL_T_NORM.value();
        double tafel = CAL_SOC_TAFEL.value() / CAL_UA_NORM.value() / tn;
        double ua1 = AnodePotential.ua(1.0);
        double e064 = Math.exp(0.64);
        for (int s = 0; s <= 100; s++) {
            double fSoc = Math.exp(tafel * (AnodePotential.ua(s / 100.0) - ua1));
            calSocByPercent[s] = Math.pow(fSoc, invZ);
            double dod = s / 100.0;
            cycDodByPercent[s] = mCyc * Math.exp(CYC_DOD_COEFF.value() * (Math.exp(dod * dod) - e064));
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
        s.calEqYears += calRateByTemp[ti] * calSocByPercent[socIndex(d.meanSoc)];
        double efc = d.efc;
        if (efc > 0.0) {
            double c = d.maxChargeC;
            double fC = c > cRef ? 1.0 + d.dcShare * cSlope * (c - cRef) : 1.0;
            double fCold = 1.0 + coldCoeff * c * coldStressByTemp[tempIndex(d.chargeCellTempC)];
            double dod = d.dod;
            s.cycEqEfc += efc * cycTempByTemp[ti] * cycDodByPercent[socIndex(dod)] * fC * fCold;
            double q5 = q5Base + q5Slope06 * (d.chargeCellTempC - 55.0) * dod * d.meanSoc;
            s.kneeEfc += efc * kneeMult / (q5 > q5Floor ? q5 : q5Floor);
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

    /** Recomputes the losses from the states, and the pack capacity (weakest series cell, knee) and resistance. */
    public void refresh(SsbPackState s, PackCells cells) {
        s.sinceRefresh = 0;
        if (s.fromSnapshot) {
            // a snapshot holds the losses: rebuild the equivalent states (the knee's from the EFC, assumed nominal)
            s.fromSnapshot = false;
            s.calEqYears = s.qCal > 0 ? Math.pow(s.qCal / kCal, invZ) : 0.0;
            s.cycEqEfc = s.qCyc / kCyc;
            s.kneeEfc = s.efcTotal / KNEE_Q5_NOMINAL;
        }
        s.qCal = s.calEqYears > 0 ? kCal * Math.pow(s.calEqYears, z) : 0.0;
        s.qCyc = kCyc * s.cycEqEfc;
        s.qLam = kneeCapacity(s.kneeEfc);
        double cell = cells.capacity(s.qCal, s.qCyc);
        s.capacity = Math.min(cell, s.qLam);
        s.resistance = cells.resistance(resistanceGrowth(s));
    }

    /** Kokam LAM sigmoid: capacity limit 1.01 - y3 at normalised knee EFC x (1 at x = 0, capped at 1). */
    static double kneeCapacity(double x) {
        if (x <= 0.0) {
            return 1.0;
        }
        double y = 2.0 * (0.5 - 1.0 / (1.0 + Math.exp(Math.pow(x, KNEE_EXPONENT.value()))));
        return Math.max(0.01, Math.min(1.0, 1.01 - y));
    }

    public double resistanceGrowth(SsbPackState s) {
        double knee = KNEE_RESISTANCE.value() * (1.0 / Math.max(0.01, s.qLam) - 1.0);
        return RES_CAL_RATIO.value() * s.qCal + RES_CYC_RATIO.value() * s.qCyc + Math.max(0.0, knee);
    }

    /** Self-discharge of the worst cell, %/day, grown by its latent defect. */
    public double worstSelfDischargePctPerDay(SsbPackState s, PackCells cells) {
        return worstSelfDischargePctPerDay(cells.maxSeverity(), s.days);
    }

    /** The same from the worst cell's latent defect severity and the days aged (what a read side keeps of a pack). */
    public double worstSelfDischargePctPerDay(double maxSeverity, int days) {
        return p.selfDischargeBasePctPerDay()
                + maxSeverity * p.selfDischargeGrowthPctPerDayPerYear() * (days / 365.0);
    }

    /** Cold-charging stress (Li plating, or ceramic conductivity sigma(25)/sigma(T) - 1), capped; diagnostics. */
    public double coldStress(double tempC) {
        return coldStressByTemp[tempIndex(tempC)];
    }

    /** Calendar loss of a nominal cell stored {@code years} at constant temperature and SOC (closed form). */
    public double storageLoss(double tempC, double soc, double years) {
        double rate = calRateByTemp[tempIndex(tempC)] * 365.0 * calSocByPercent[socIndex(soc)];
        return kCal * Math.pow(rate * years, z);
    }
}
