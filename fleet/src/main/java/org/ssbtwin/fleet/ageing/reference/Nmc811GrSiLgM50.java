package org.ssbtwin.fleet.ageing.reference;

/**
 * NMC811-Si/graphite LG M50 5 Ah 21700 cell, BLAST-Lite 1.1.0 {@code Nmc811_GrSi_LGM50_5Ah_Battery}
 * (reference-ageing-models.md section 4). Data: Truong Bui et al., IEEE 2021 (ieeexplore 9617644); chemistry per
 * O'Regan et al., Electrochim. Acta 2022.
 *
 * <p>States qLoss_t and qLoss_EFC follow power laws in scaled variables (days/1e4, EFC/1e4); q = 1 - y_t - y_EFC.
 * Capacity only (no resistance output). Cycling fade depends on the discharge C-rate (averaged over discharge
 * time only) and temperature; charge rate and DOD have no effect.
 */
public final class Nmc811GrSiLgM50 implements ReferenceModel, ModelKernel {

    /** Twin model name. */
    public static final String NAME = "nmc811-grsi-lgm50";

    static final Nmc811GrSiLgM50 INSTANCE = new Nmc811GrSiLgM50();

    private static final double P_CAL = 0.651697743905278;
    private static final double Q1_B0 = -2.39156628786525;
    private static final double Q1_B1 = 2.44205317834185;
    private static final double Q1_B2 = -4.45998246136905;
    private static final double Q1_B3 = 0.448140062203916;
    private static final double Q1_B4 = -0.185337797906876;
    private static final double P_CYC = 0.441996792536332;
    private static final double Q3_B0 = 0.181235015387132;
    private static final double Q3_B1 = -0.123779206033993;
    private static final double Q3_B2 = 1.24459541295018;

    private static final double T_NORM = 273.15 + 35;
    private static final String[] RATE_NAMES = {"k_cal", "k_cyc"};

    // temperature-term slots
    private static final int TN3 = 0; // TN^3
    private static final int B2TN3 = 1; // q1_b2 * TN^3
    private static final int INV_TN2 = 2; // 1 / TN^2
    private static final int C2TN3 = 3; // q3_b2 * TN^3

    private Nmc811GrSiLgM50() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String label() {
        return "NMC811-GrSi LG M50";
    }

    @Override
    public double nominalCapacityAh() {
        return 5;
    }

    @Override
    public boolean hasResistance() {
        return false;
    }

    @Override
    public String[] rateKeys() {
        return RATE_NAMES.clone();
    }

    @Override
    public int stateCount() {
        return 2;
    }

    @Override
    public void initialStates(double[] y) {
        y[0] = 0;
        y[1] = 0;
    }

    @Override
    public boolean usesDischargeCrate() {
        return true;
    }

    @Override
    public double[][] temperatureTerms(double[] temperatureC) {
        int n = temperatureC.length;
        double[][] terms = new double[4][n];
        for (int i = 0; i < n; i++) {
            double tk = temperatureC[i] + 273.15;
            double tn = tk / T_NORM;
            double tn3 = Math.pow(tn, 3);
            terms[TN3][i] = tn3;
            terms[B2TN3][i] = Q1_B2 * tn3;
            terms[INV_TN2][i] = 1 / (tn * tn);
            terms[C2TN3][i] = Q3_B2 * tn3;
        }
        return terms;
    }

    @Override
    public void computeRates(ChunkStressors c, double[] rates) {
        double[] tn3 = c.temperatureTerms[TN3];
        double[] b2tn3 = c.temperatureTerms[B2TN3];
        double[] invTn2 = c.temperatureTerms[INV_TN2];
        double[] c2tn3 = c.temperatureTerms[C2TN3];
        double[] kCal = c.sampleRates[0];
        double[] kCyc = c.sampleRates[1];
        double cdis = c.cdis;
        double cycA = Q3_B0 * Math.exp(Q3_B1 * Math.pow(cdis, 3));
        double sqrtCdis = Math.pow(cdis, 0.5);
        double[] soc = c.soc;
        double invCbrtUaN = 0;
        double invSqrtUaN = 0;
        double sqrtSoc = 0;
        double b4Term = 0;
        for (int k = 0, i = c.start; k < c.m; k++, i++) {
            if (k == 0 || Double.doubleToRawLongBits(soc[k]) != Double.doubleToRawLongBits(soc[k - 1])) {
                double uaN = c.ua[k] / 0.123;
                invCbrtUaN = 1 / Math.pow(uaN, 1.0 / 3);
                invSqrtUaN = 1 / Math.sqrt(uaN);
                sqrtSoc = Math.sqrt(soc[k]);
                b4Term = Q1_B4 * Math.exp(Math.pow(soc[k], 3));
            }
            kCal[k] = Q1_B0
                    + Q1_B1 * Math.exp(tn3[i] * invCbrtUaN)
                    + b2tn3[i] * invSqrtUaN
                    + Q1_B3 * Math.exp(invTn2[i] * sqrtSoc)
                    + b4Term;
            kCyc[k] = cycA * Math.exp(c2tn3[i] * sqrtCdis);
        }
        rates[0] = c.timeAverage(kCal);
        rates[1] = c.timeAverage(kCyc);
    }

    @Override
    public void updateStates(ChunkStressors c, double[] rates, double[] y, double d) {
        double dy0 = d * StateUpdateRules.power(y[0], c.deltaTDays / 1e4, rates[0], P_CAL);
        double dy1 = d * StateUpdateRules.power(y[1], c.deltaEfc / 1e4, rates[1], P_CYC);
        y[0] += dy0;
        y[1] += dy1;
    }

    @Override
    public double capacity(double[] y) {
        return 1 - y[0] - y[1];
    }

    @Override
    public double resistance(double[] y) {
        return Double.NaN;
    }

    @Override
    public String toString() {
        return NAME;
    }
}
