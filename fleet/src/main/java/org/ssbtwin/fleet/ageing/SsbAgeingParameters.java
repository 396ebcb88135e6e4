package org.ssbtwin.fleet.ageing;

/**
 * Parameters of the semi-empirical solid-state (oxide ceramic electrolyte, Si anode) cell ageing model.
 * Every value is either sourced (docs/domain.md section given) or marked "assumed". The same table is in
 * docs/ssb-ageing-model.md.
 *
 * @param calendarLossPerSqrtYear25C calendar capacity loss (fraction) after 1 year at 25 degC, SOC 0.5:
 *        assumed, calibrated so that a European commuter loses ~1.5-3 %/yr (Geotab 1.8-2.3 %/yr, DOMAIN 3.2)
 * @param calendarActivationJPerMol effective Arrhenius activation energy of calendar fade. Lab SEI values are
 *        50-70 kJ/mol (DOMAIN 3.2) but fleet data show only +0.4 %/yr for hot vs temperate climates (Geotab,
 *        DOMAIN 3.2); 30 kJ/mol is an assumed effective value calibrated between the two (lumps BTMS, shade)
 * @param socStressIntercept calendar SOC stress f = a + b*soc (f(0.5)=1): assumed; high SOC worst (DOMAIN 3.2)
 * @param socStressSlope see socStressIntercept; assumed
 * @param cycleLossPerEfc capacity loss per equivalent full cycle at 25 degC, DOD 0.8, no fast charge:
 *        calibrated loosely to QuantumScape >1000 cycles at 95 % retention (DOMAIN 3.1)
 * @param dodIntercept cycle DOD stress f = a + b*DOD (f(0.8)=1): assumed
 * @param dodSlope see dodIntercept; assumed
 * @param fastChargeCoefficient cycle stress 1 + c*dcShare*max(0, C - freeC): assumed, sized to the Geotab
 *        DC-fast-charge effect (~1.5 vs 3.0 %/yr, DOMAIN 3.2) and Si plating at high rate (DOMAIN 3.1 TUM)
 * @param fastChargeFreeCRate C-rate below which charging adds no stress: assumed
 * @param coldChargeCoefficient cycle stress 1 + c*C*coldStress(Tcharge): assumed
 * @param conductivityActivationJPerMol ceramic ionic-conductivity activation energy, derived from "up to two
 *        orders of magnitude between 25 and -20 degC" (DOMAIN 3.1): ln(100)*R/(1/253.15-1/298.15) = 64 kJ/mol
 * @param coldStressCap cap of coldStress = sigma(25)/sigma(T) - 1: assumed
 * @param cycleHotActivationJPerMol Arrhenius for cycle fade above 25 degC only: assumed
 * @param resistanceCalendarRatio relative resistance rise per unit calendar capacity fade: assumed
 * @param resistanceCycleRatio relative resistance rise per unit cycle capacity fade: assumed
 * @param capacityPerInterfaceFactor initial capacity deficit per unit (interfaceResistanceFactor - 1): assumed
 * @param moistureCalendarCoefficient calendar-rate multiplier 1 + c*moistureExposure: assumed (DOMAIN 2.3 note)
 * @param interfaceCycleCoefficient cycle-rate multiplier 1 + c*(interfaceResistanceFactor - 1): assumed
 * @param moistureResistanceCoefficient resistance-growth multiplier 1 + c*moistureExposure: assumed
 * @param defectHazardPerDay sudden-failure hazard per day per unit latent-defect severity: assumed (mechanism:
 *        dendrite short through a ceramic defect, Weibull-like, DOMAIN 3.1)
 * @param defectHazardIdleShare hazard weight of a day without cycling, relative to one EFC: assumed
 * @param defectFastChargeCoefficient hazard multiplier 1 + c*dcShare*C: assumed (Jcrit, DOMAIN 3.1)
 * @param selfDischargeBasePctPerDay self-discharge of a healthy cell, %/day: assumed
 * @param selfDischargeGrowthPctPerDayPerYear self-discharge growth per unit severity per year: assumed
 */
public record SsbAgeingParameters(
        double calendarLossPerSqrtYear25C,
        double calendarActivationJPerMol,
        double socStressIntercept,
        double socStressSlope,
        double cycleLossPerEfc,
        double dodIntercept,
        double dodSlope,
        double fastChargeCoefficient,
        double fastChargeFreeCRate,
        double coldChargeCoefficient,
        double conductivityActivationJPerMol,
        double coldStressCap,
        double cycleHotActivationJPerMol,
        double resistanceCalendarRatio,
        double resistanceCycleRatio,
        double capacityPerInterfaceFactor,
        double moistureCalendarCoefficient,
        double interfaceCycleCoefficient,
        double moistureResistanceCoefficient,
        double defectHazardPerDay,
        double defectHazardIdleShare,
        double defectFastChargeCoefficient,
        double selfDischargeBasePctPerDay,
        double selfDischargeGrowthPctPerDayPerYear) {

    /** Default, loosely calibrated set (see docs/ssb-ageing-model.md). */
    public static final SsbAgeingParameters DEFAULT = new SsbAgeingParameters(
            0.055,      // calendar loss after 1 yr at 25 degC / SOC 0.5 (assumed, calibrated)
            30_000,     // effective fleet value, calibrated to Geotab hot-climate effect (DOMAIN 3.2)
            0.35, 1.30, // assumed
            2.0e-5,     // DOMAIN 3.1 (QuantumScape), loose
            0.40, 0.75, // assumed
            1.5, 0.5,   // assumed (Geotab direction, DOMAIN 3.2)
            0.10,       // assumed
            64_000,     // derived from DOMAIN 3.1
            20.0,       // assumed
            30_000,     // assumed
            2.0, 3.0,   // assumed
            0.02, 0.15, 1.0, 0.10, // assumed manufacturing links
            3.0e-4, 0.2, 1.0,      // assumed defect hazard
            0.01, 0.05);           // assumed self-discharge

    public SsbAgeingParameters {
        double[] all = {calendarLossPerSqrtYear25C, calendarActivationJPerMol, socStressIntercept, socStressSlope,
                cycleLossPerEfc, dodIntercept, dodSlope, fastChargeCoefficient, fastChargeFreeCRate,
                coldChargeCoefficient, conductivityActivationJPerMol, coldStressCap, cycleHotActivationJPerMol,
                resistanceCalendarRatio, resistanceCycleRatio, capacityPerInterfaceFactor,
                moistureCalendarCoefficient, interfaceCycleCoefficient, moistureResistanceCoefficient,
                defectHazardPerDay, defectHazardIdleShare, defectFastChargeCoefficient,
                selfDischargeBasePctPerDay, selfDischargeGrowthPctPerDayPerYear};
        for (double v : all) {
            if (!Double.isFinite(v) || v < 0) {
                throw new IllegalArgumentException("SSB ageing parameters must be finite and >= 0, got " + v);
            }
        }
    }
}
