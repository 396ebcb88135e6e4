package org.ssbtwin.fleet.ageing.reference;

/**
 * LFP-graphite Sony-Murata 3 Ah 26650 cell, BLAST-Lite 1.1.0 {@code Lfp_Gr_SonyMurata3Ah_Battery}
 * (reference-ageing-models.md section 3). Data: TU Munich, Naumann et al., J. Energy Storage 2018
 * (doi 10.1016/j.est.2018.01.019) and J. Power Sources 2020 (doi 10.1016/j.jpowsour.2019.227666); capacity model
 * by Gasper et al., J. Electrochem. Soc. 2022 (doi 10.1149/1945-7111/ac86a8).
 *
 * <p>States: qLoss_LLI_t (sigmoid in days towards a temperature/SOC-dependent asymptote q1), qLoss_LLI_EFC
 * (power-B in EFC), qLoss_BreakIn_EFC (initial 1e-10, only above 3 EFC/day), rGain_LLI_t (linear in seconds),
 * rGain_LLI_EFC (linear in EFC/100). q = 1 - y1 - y2 - y3, r = 1 + y4 + y5. When the calendar loss passes a
 * (colder) asymptote the sigmoid rule returns NaN; this port keeps BLAST's NaN deliberately.
 */
public final class LfpGrSonyMurata3Ah implements ReferenceModel, ModelKernel {

    /** Twin model name. */
    public static final String NAME = "lfp-gr-sonymurata3ah";

    static final LfpGrSonyMurata3Ah INSTANCE = new LfpGrSonyMurata3Ah();

    private static final double Q2 = 0.000130510034211874;
    private static final double Q1_B0 = 0.989687151293590;
    private static final double Q1_B1 = -2881067.56019324;
    private static final double Q1_B2 = 8742.06309157261;
    private static final double Q3_B0 = 0.000332850281062177;
    private static final double Q3_B1 = 734553185711.369;
    private static final double Q3_B2 = -2.82161575620780e-06;
    private static final double Q3_B3 = -3284991315.45121;
    private static final double Q3_B4 = 0.00127227593657290;
    private static final double Q8 = 0.00303553871631028;
    private static final double Q9 = 1.43752162947637;
    private static final double Q7_B0 = 0.582258029148225;
    private static final double Q7_SOC_SKEW = 0.0583128906965484;
    private static final double Q7_SOC_WIDTH = 0.208738181522897;
    private static final double Q7_DOD_SKEW = -3.80744333129564;
    private static final double Q7_DOD_WIDTH = 1.16126260428210;
    private static final double Q7_DOD_GROWTH = 25.4130804598602;
    private static final double Q6 = 1.12847759334355;
    private static final double Q5_B0 = -6.81260579372875e-06;
    private static final double Q5_B1 = 2.59615973160844e-05;
    private static final double Q5_B2 = 2.11559710307295e-06;
    private static final double K_REF_R_CAL = 3.4194e-10;
    private static final double EA_R_CAL = 71827;
    private static final double C_R_CAL = -3.3903;
    private static final double D_R_CAL = 1.5604;
    private static final double A_R_CYC = -0.002;
    private static final double B_R_CYC = 0.0021;
    private static final double C_R_CYC = 6.8477;
    private static final double D_R_CYC = 0.91882;

    private static final String[] RATE_NAMES = {"q1", "q3", "q5", "q7", "r_kcal", "r_kcyc"};

    // temperature-term slots
    private static final int A1 = 0; // q1_b1 * (1/T^2)
    private static final int A2 = 1; // q1_b2 * (1/T)
    private static final int C1 = 2; // q3_b1 * (1/T^4)
    private static final int C2 = 3; // q3_b2 * T^3
    private static final int C3 = 4; // q3_b3 * (1/T^3)
    private static final int C4 = 5; // q3_b4 * T^2
    private static final int KT = 6; // Arrhenius calendar resistance factor

    // sample-rate scratch slots
    private static final int S_Q1 = 0;
    private static final int S_Q3 = 1;
    private static final int S_Q7 = 2;
    private static final int S_KT = 3;
    private static final int S_KS = 4;

    private LfpGrSonyMurata3Ah() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String label() {
        return "LFP-Gr Sony-Murata";
    }

    @Override
    public double nominalCapacityAh() {
        return 3;
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
        y[2] = 1e-10;
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
        double[][] terms = new double[7][n];
        for (int i = 0; i < n; i++) {
            double tk = temperatureC[i] + 273.15;
            terms[A1][i] = Q1_B1 * (1 / (tk * tk));
            terms[A2][i] = Q1_B2 * (1 / tk);
            terms[C1][i] = Q3_B1 * (1 / Math.pow(tk, 4));
            terms[C2][i] = Q3_B2 * Math.pow(tk, 3);
            terms[C3][i] = Q3_B3 * (1 / Math.pow(tk, 3));
            terms[C4][i] = Q3_B4 * (tk * tk);
            terms[KT][i] = K_REF_R_CAL * Math.exp((-EA_R_CAL / 8.3144) * (1 / tk - 1 / 298.15));
        }
        return terms;
    }

    static double skewNormPdf(double x, double skew, double width) {
        double xPrime = (x - 0.5) / width;
        return 2 * NormalDistribution.pdf(xPrime) * NormalDistribution.cdf(skew * xPrime);
    }

    /** BLAST's {@code sigmoid(x, alpha, beta, gamma)} helper with alpha = 1, gamma = 1. */
    private static double unitSigmoid(double x, double beta) {
        return 2 * 1 * (0.5 - 1 / (1 + Math.exp(beta * x)));
    }

    @Override
    public void computeRates(ChunkStressors c, double[] rates) {
        double[] a1 = c.temperatureTerms[A1];
        double[] a2 = c.temperatureTerms[A2];
        double[] c1 = c.temperatureTerms[C1];
        double[] c2 = c.temperatureTerms[C2];
        double[] c3 = c.temperatureTerms[C3];
        double[] c4 = c.temperatureTerms[C4];
        double[] kt = c.temperatureTerms[KT];
        double[] q1 = c.sampleRates[S_Q1];
        double[] q3 = c.sampleRates[S_Q3];
        double[] q7 = c.sampleRates[S_Q7];
        double[] kT = c.sampleRates[S_KT];
        double[] kS = c.sampleRates[S_KS];
        double dod = c.dod;
        double crate = c.crate;
        double snDod = skewNormPdf(dod, Q7_DOD_SKEW, Q7_DOD_WIDTH);
        double sigDod = unitSigmoid(dod, Q7_DOD_GROWTH);
        double[] soc = c.soc;
        double[] ua = c.ua;
        // SOC-only sub-terms, reused while consecutive samples have the identical SOC (exact caching)
        double sqrtUa = 0;
        double ua13 = 0;
        double ua14 = 0;
        double snSoc = 0;
        double kSoc = 0;
        for (int k = 0, i = c.start; k < c.m; k++, i++) {
            if (k == 0 || Double.doubleToRawLongBits(soc[k]) != Double.doubleToRawLongBits(soc[k - 1])) {
                double u = ua[k];
                sqrtUa = Math.sqrt(u);
                ua13 = Math.pow(u, 1.0 / 3);
                ua14 = Math.pow(u, 0.25);
                snSoc = skewNormPdf(soc[k], Q7_SOC_SKEW, Q7_SOC_WIDTH);
                kSoc = C_R_CAL * Math.pow(soc[k] - 0.5, 3) + D_R_CAL;
            }
            q1[k] = Math.abs(Q1_B0 * Math.exp(a1[i] * sqrtUa) * Math.exp(a2[i] * sqrtUa));
            q3[k] = Math.abs(Q3_B0 * Math.exp(c1[i] * ua13) * Math.exp(c2[i] * ua14)
                    * Math.exp(c3[i] * ua13) * Math.exp(c4[i] * ua14));
            q7[k] = Math.abs(Q7_B0 * snSoc * snDod * sigDod);
            kT[k] = kt[i];
            kS[k] = kSoc;
        }
        rates[0] = c.timeAverage(q1);
        rates[1] = c.timeAverage(q3);
        rates[2] = Math.abs(Q5_B0 + Q5_B1 * dod + Q5_B2 * Math.exp((dod * dod) * Math.pow(crate, 3)));
        rates[3] = c.timeAverage(q7);
        rates[4] = c.timeAverage(kT) * c.timeAverage(kS);
        rates[5] = (A_R_CYC * crate + B_R_CYC) * (C_R_CYC * Math.pow(dod - 0.5, 3) + D_R_CYC);
    }

    @Override
    public void updateStates(ChunkStressors c, double[] rates, double[] y, double d) {
        double dt = c.deltaTDays;
        double defc = c.deltaEfc;
        double dy0 = d * StateUpdateRules.sigmoid(y[0], dt, rates[0], Q2, rates[1]);
        double dy1 = d * StateUpdateRules.powerB(y[1], defc, rates[2], Q6);
        double dy2 = 0;
        if (defc / dt > 3) { // break-in only above 3 full cycles per day
            dy2 = d * StateUpdateRules.sigmoid(y[2], defc, rates[3], Q8, Q9);
        }
        double dy3 = d * rates[4] * dt * 86400;
        double dy4 = d * rates[5] * defc / 100;
        y[0] += dy0;
        y[1] += dy1;
        y[2] += dy2;
        y[3] += dy3;
        y[4] += dy4;
    }

    @Override
    public double capacity(double[] y) {
        return 1 - y[0] - y[1] - y[2];
    }

    @Override
    public double resistance(double[] y) {
        return 1 + y[3] + y[4];
    }

    @Override
    public String toString() {
        return NAME;
    }
}
