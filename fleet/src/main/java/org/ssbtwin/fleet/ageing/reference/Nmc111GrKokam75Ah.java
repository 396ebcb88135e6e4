package org.ssbtwin.fleet.ageing.reference;

/**
 * NMC111-graphite Kokam 75 Ah pouch cell, BLAST-Lite 1.1.0 {@code Nmc111_Gr_Kokam75Ah_Battery}
 * (reference-ageing-models.md section 2). Source: K. Smith et al., "Life prediction model for grid-connected
 * Li-ion battery energy storage system", American Control Conference 2017 (IEEE Xplore 7963578).
 *
 * <p>States: qLoss_LLI_t, qLoss_LLI_EFC, qLoss_LAM (initial 1e-8), rGain_LLI_t, rGain_LLI_EFC. Outputs
 * q = min(1 - y1 - y2, 1.01 - y3) and r = max(1 + y4 + y5, r5 + r6 / q_LAM), both NaN-propagating like
 * {@code np.min}/{@code np.max}. No C-rate dependence. The LAM sigmoid (p = 10) gives a sharp knee; when its
 * half-height EFC q5 turns negative the state passes 1 and q, r become NaN, as in BLAST.
 */
public final class Nmc111GrKokam75Ah implements ReferenceModel, ModelKernel {

    /** Twin model name. */
    public static final String NAME = "nmc111-gr-kokam75ah";

    static final Nmc111GrKokam75Ah INSTANCE = new Nmc111GrKokam75Ah();

    private static final double Q1_0 = 2.66e7;
    private static final double Q1_1 = -17.8;
    private static final double Q1_2 = -5.21;
    private static final double Q2 = 0.357;
    private static final double Q3_0 = 3.80e3;
    private static final double Q3_1 = -18.4;
    private static final double Q3_2 = 1.04;
    private static final double Q4 = 0.778;
    private static final double Q5_0 = 1e4;
    private static final double Q5_1 = 153;
    private static final double P_LAM = 10;
    private static final double R1 = 0.0570;
    private static final double R2 = 1.25;
    private static final double R3 = 4.87;
    private static final double R4 = 0.712;
    private static final double R5 = -0.08;
    private static final double R6 = 1.09;

    private static final double T_NORM = 273.15 + 35;
    private static final String[] RATE_NAMES = {"q1", "q3", "q5"};

    // temperature-term slots
    private static final int TN = 0;
    private static final int Q1A = 1;
    private static final int Q3A = 2;
    private static final int Q5A = 3;

    private Nmc111GrKokam75Ah() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String label() {
        return "NMC111-Gr Kokam";
    }

    @Override
    public double nominalCapacityAh() {
        return 75;
    }

    @Override
    public boolean hasResistance() {
        return true;
    }

    @Override
    public String[] rateKeys() {
        return RATE_NAMES.clone();
    }

    @Override
    public int stateCount() {
        return 5;
    }

    @Override
    public void initialStates(double[] y) {
        y[0] = 0;
        y[1] = 0;
        y[2] = 1e-8;
        y[3] = 0;
        y[4] = 0;
    }

    @Override
    public boolean usesDischargeCrate() {
        return false;
    }

    @Override
    public double[][] temperatureTerms(double[] temperatureC) {
        int n = temperatureC.length;
        double[][] terms = new double[4][n];
        for (int i = 0; i < n; i++) {
            double tk = temperatureC[i] + 273.15;
            double tn = tk / T_NORM;
            double tc = tk - 273.15; // BLAST: TdegC = TdegK - 273.15
            terms[TN][i] = tn;
            terms[Q1A][i] = Q1_0 * Math.exp(Q1_1 * (1 / tn));
            terms[Q3A][i] = Q3_0 * Math.exp(Q3_1 * (1 / tn));
            terms[Q5A][i] = Q5_1 * (tc - 55);
        }
        return terms;
    }

    @Override
    public void computeRates(ChunkStressors c, double[] rates) {
        double[] tn = c.temperatureTerms[TN];
        double[] q1a = c.temperatureTerms[Q1A];
        double[] q3a = c.temperatureTerms[Q3A];
        double[] q5a = c.temperatureTerms[Q5A];
        double[] q1 = c.sampleRates[0];
        double[] q3 = c.sampleRates[1];
        double[] q5 = c.sampleRates[2];
        double dod = c.dod;
        double dodFactor = Math.exp(Q3_2 * Math.exp(dod * dod));
        double socFactor = c.meanSoc / 0.6;
        for (int k = 0, i = c.start; k < c.m; k++, i++) {
            double uaN = c.ua[k] / 0.123;
            q1[k] = q1a[i] * Math.exp(Q1_2 * (uaN / tn[i]));
            q3[k] = q3a[i] * dodFactor;
            q5[k] = Q5_0 + q5a[i] * dod * socFactor;
        }
        rates[0] = c.timeAverage(q1);
        rates[1] = c.timeAverage(q3);
        rates[2] = c.timeAverage(q5);
    }

    @Override
    public void updateStates(ChunkStressors c, double[] rates, double[] y, double d) {
        double dt = c.deltaTDays;
        double defc = c.deltaEfc;
        double q1 = rates[0];
        double q3 = rates[1];
        double q5 = rates[2];
        double dy0 = d * StateUpdateRules.power(y[0], dt, q1, Q2);
        double dy1 = d * StateUpdateRules.power(y[1], defc, q3, Q4);
        double dy2 = d * StateUpdateRules.sigmoid(y[2], defc, 1, 1 / q5, P_LAM);
        double dy3 = d * StateUpdateRules.power(y[3], dt, R1 * q1, R2);
        double dy4 = d * StateUpdateRules.power(y[4], defc, R3 * q3, R4);
        y[0] += dy0;
        y[1] += dy1;
        y[2] += dy2;
        y[3] += dy3;
        y[4] += dy4;
    }

    @Override
    public double capacity(double[] y) {
        double qLli = 1 - y[0] - y[1];
        double qLam = 1.01 - y[2];
        return Math.min(qLli, qLam);
    }

    @Override
    public double resistance(double[] y) {
        double rLli = 1 + y[3] + y[4];
        double qLam = 1.01 - y[2];
        double rLam = R5 + R6 * (1 / qLam);
        return Math.max(rLli, rLam);
    }

    @Override
    public String toString() {
        return NAME;
    }
}
