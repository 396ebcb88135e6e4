package org.ssbtwin.fleet.ageing;

import java.util.List;

/**
 * THE constants table of the pack life model ({@code org.ssbtwin.fleet.ageing.SsbAgeingModel}): every constant
 * the model uses, with its value, unit and source (or "assumed: why"). {@code docs/life-model.md} carries the same
 * table; {@code LifeModelConstantsTest} fails when the two differ or a constant lacks a source.
 *
 * <p>Structure (from the BLAST-Lite ports, reference-ageing-models.md): calendar loss
 * {@code kCal * (Arrhenius(T) * fSoc(SOC) * mSsbCal)^... * t^z} (power law with the equivalent-time rule),
 * cycle loss linear in stress-weighted EFC ({@code kCyc * fT * fDod * fC * fCold * mSsbCyc}), a lithium-plating /
 * LAM knee (Kokam sigmoid), resistance growth proportional to the losses. The Li-ion reference is a documented
 * blend: Kokam NMC111 (Smith et al. 2017) SOC/DOD stress and knee, LG MJ1 time exponent, LFP-250Ah C-rate
 * slope, magnitudes calibrated to the BLAST-Lite storage runs and to Geotab fleet data (DOMAIN 3.2). The SSB cell
 * is the reference times the {@code ssb.*} multipliers (all 1 for {@link Chemistry#LI_ION_REFERENCE}).
 */
public final class LifeModelConstants {
    private LifeModelConstants() {
    }

    // ---------------------------------------------------------------- calendar (Li-ion reference)
    public static final LifeConstant CAL_K_REF = new LifeConstant("calendar.k-ref", 0.0320, "1/yr^z",
            "calibrated: 8-yr storage at 25 degC / SOC 1.0 within the three BLAST-Lite ports' 0.84-0.89 "
                    + "(issue 16; recomputed live by the model card)");
    public static final LifeConstant CAL_TIME_EXPONENT = new LifeConstant("calendar.time-exponent", 0.743, "1",
            "BLAST-Lite Nmc811_GrSi_LGMJ1 p_cal = 0.743 (EU EVERLASTING D2.3; reference-ageing-models.md App. A); "
                    + "Kokam's 0.357 would put ~38 % of 15-yr storage fade into year 1, against roughly linear "
                    + "fleet fade (Geotab, DOMAIN 3.2)");
    public static final LifeConstant CAL_ACTIVATION = new LifeConstant("calendar.activation-energy", 12_000,
            "J/mol", "calibrated (effective fleet value): Geotab hot climate +0.4 %/yr vs temperate (DOMAIN 3.2), model "
                    + "+0.36 (HCMC vs Lille); "
                    + "lab SEI 45.6 kJ/mol (Smith 2017) applies to cell temperature, the fleet value lumps BTMS, "
                    + "cabin and shade");
    public static final LifeConstant CAL_SOC_TAFEL = new LifeConstant("calendar.soc-tafel", -5.21, "1",
            "BLAST-Lite Nmc111_Gr_Kokam75Ah q1_2 (Smith et al., ACC 2017): fSoc = exp(q1_2 * Ua/0.123 V / T_N), "
                    + "normalised to 1 at SOC 1.0; Ua(SOC) of Safari & Delacourt 2011");
    public static final LifeConstant CAL_UA_NORM = new LifeConstant("calendar.ua-norm", 0.123, "V",
            "BLAST-Lite Nmc111_Gr_Kokam75Ah anode-potential normalisation (Smith 2017)");
    public static final LifeConstant CAL_T_NORM = new LifeConstant("calendar.t-norm", 308.15, "K",
            "BLAST-Lite Nmc111_Gr_Kokam75Ah temperature normalisation T_N = T / 308.15 K (Smith 2017)");

    // ---------------------------------------------------------------- cycle (Li-ion reference)
    public static final LifeConstant CYC_K_REF = new LifeConstant("cycle.k-ref", 3.8e-4, "1/EFC",
            "calibrated: temperate home-AC commuter 1.5-2.3 %/yr and high mileage worse (Geotab, DOMAIN 3.2); "
                    + "linear in EFC (cycle.efc-exponent). Known tensions (INFO on the model card): very high mileage "
                    + "ages ~3x faster than Tesla S/X's ~12 % at 320,000 km (DOMAIN 3.2), and a 1C/100 % DOD lab "
                    + "cycle costs far more than lab cycle lives of 1,000-1,500 to 80 % (DOMAIN 3.1)");
    public static final LifeConstant CYC_EFC_EXPONENT = new LifeConstant("cycle.efc-exponent", 1.0, "1",
            "assumed: linear in EFC; the BLAST-Lite ports span 0.44 (LG M50) to 1.13 (LFP Sony); linear keeps "
                    + "heavy-duty fade proportional to throughput and no year-1 excess");
    public static final LifeConstant CYC_DOD_COEFF = new LifeConstant("cycle.dod-coefficient", 1.04, "1",
            "BLAST-Lite Nmc111_Gr_Kokam75Ah q3_2 (Smith 2017): fDod = exp(q3_2 * (exp(DOD^2) - exp(0.64))), "
                    + "1 at DOD 0.8");
    public static final LifeConstant CYC_C_SLOPE = new LifeConstant("cycle.c-rate-slope", 0.45, "1/C",
            "calibrated: frequent DC fast charging ~+1 %/yr (Geotab DC > 100 kW up to 3.0 vs ~1.5 %/yr, DOMAIN "
                    + "3.2); form (linear in C) from BLAST-Lite Lfp_Gr_250AhPrismatic, whose lab slope p6/(p4+0.8 p5) "
                    + "= 2.99 per C (fit <= 0.65 C) would give +5 %/yr at 1.7 C");
    public static final LifeConstant CYC_C_REF = new LifeConstant("cycle.c-rate-reference", 0.1, "C",
            "assumed: home AC charging of a 60-90 kWh pack (7-11 kW, VehicleModel) is ~0.1 C; the calibration "
                    + "point of cycle.k-ref");
    public static final LifeConstant CYC_ACTIVATION = new LifeConstant("cycle.activation-energy", 12_000,
            "J/mol", "calibrated (effective fleet value) with calendar.activation-energy to Geotab hot +0.4 %/yr "
                    + "(DOMAIN 3.2); Kokam lab cycling 47.1 kJ/mol (Smith 2017)");
    public static final LifeConstant COLD_CHARGE_COEFF = new LifeConstant("cycle.cold-charge-coefficient", 0.5,
            "1/C", "assumed: size of Li plating when charging cold; direction TUM (Si-graphite plating at 0-10 degC, "
                    + "0.2-1.5 C, DOMAIN 3.1)");
    public static final LifeConstant COLD_CHARGE_ACTIVATION = new LifeConstant("cycle.cold-charge-activation",
            50_000, "J/mol", "assumed: charge-transfer activation of a graphite anode (typical 50-70 kJ/mol, same "
                    + "range as SEI, DOMAIN 3.2); cold stress = exp(Ea/R (1/T - 1/298.15)) - 1");
    public static final LifeConstant COLD_STRESS_CAP = new LifeConstant("cycle.cold-stress-cap", 20, "1",
            "assumed: cap of the cold stress (charging below about -15 degC is limited by the BMS)");

    // ---------------------------------------------------------------- knee (Kokam LAM sigmoid)
    public static final LifeConstant KNEE_Q5_0 = new LifeConstant("knee.q5-0", 1e4, "EFC",
            "BLAST-Lite Nmc111_Gr_Kokam75Ah q5_0 (Smith 2017): half-height EFC of the LAM sigmoid at 55 degC");
    public static final LifeConstant KNEE_Q5_1 = new LifeConstant("knee.q5-1", 153, "EFC/K",
            "BLAST-Lite Nmc111_Gr_Kokam75Ah q5_1 (Smith 2017): q5 = q5_0 + q5_1 (T - 55) DOD SOC/0.6, T = charge "
                    + "temperature here");
    public static final LifeConstant KNEE_EXPONENT = new LifeConstant("knee.exponent", 10, "1",
            "BLAST-Lite Nmc111_Gr_Kokam75Ah p_LAM (Smith 2017)");
    public static final LifeConstant KNEE_Q5_FLOOR = new LifeConstant("knee.q5-floor", 1000, "EFC",
            "assumed: lower bound of q5 (BLAST lets q5 turn negative and returns NaN, reference-ageing-models.md "
                    + "section 2)");
    public static final LifeConstant KNEE_RESISTANCE = new LifeConstant("knee.resistance-r6", 1.09, "1",
            "BLAST-Lite Nmc111_Gr_Kokam75Ah r6 (Smith 2017): r_LAM = r5 + r6 / q_LAM");

    // ---------------------------------------------------------------- resistance growth
    public static final LifeConstant RES_CAL_RATIO = new LifeConstant("resistance.calendar-ratio", 2.0, "1",
            "assumed: relative resistance rise per unit calendar capacity loss (resistance rises faster than "
                    + "capacity fades; Kokam's t^1.25 law extrapolates to r = 10-18 in 15 yr, "
                    + "reference-ageing-models.md section 2)");
    public static final LifeConstant RES_CYC_RATIO = new LifeConstant("resistance.cycle-ratio", 3.0, "1",
            "assumed: relative resistance rise per unit cycle capacity loss");

    // ---------------------------------------------------------------- SSB multipliers (1 for the Li-ion reference)
    public static final LifeConstant SSB_CALENDAR = new LifeConstant("ssb.calendar-multiplier", 0.70, "1",
            "assumed: direction from the seed ('degrades more slowly') and the non-flammable oxide ceramic "
                    + "electrolyte (DOMAIN 1.2); size not published (DOMAIN 6); partly offset by Si-anode calendar "
                    + "ageing (DOMAIN 3.1)");
    public static final LifeConstant SSB_CYCLE = new LifeConstant("ssb.cycle-multiplier", 0.40, "1",
            "assumed: direction from the seed and QuantumScape/PowerCo (oxide separator, >1,000 cycles at 95 % "
                    + "retention, 1C/1C, DOMAIN 3.1; not ProLogium, whose cycle life is not published, DOMAIN 6); the "
                    + "lab point itself is outside the fleet calibration (see cycle.k-ref) and shown as INFO on the card");
    public static final LifeConstant SSB_FAST_CHARGE = new LifeConstant("ssb.fast-charge-multiplier", 0.5, "1",
            "assumed: ProLogium fast-charge claims (300 km in 5 min, 80 % in 12 min, DOMAIN 1.2) scale the "
                    + "C-rate slope; no field data");
    public static final LifeConstant SSB_COLD_ACTIVATION = new LifeConstant("ssb.cold-charge-activation",
            64_000, "J/mol", "derived: oxide conductivity falls up to 100x from 25 to -20 degC (DOMAIN 3.1): "
                    + "ln(100) R / (1/253.15 - 1/298.15); replaces cycle.cold-charge-activation for the SSB");
    public static final LifeConstant SSB_KNEE = new LifeConstant("ssb.knee-multiplier", 1.0, "1",
            "assumed: no source on an SSB knee; kept at the Li-ion reference");

    // ---------------------------------------------------------------- manufacturing-to-field links
    public static final LifeConstant CAPACITY_PER_IRF = new LifeConstant("cell.capacity-per-interface-factor",
            0.02, "1", "assumed: initial capacity deficit per unit (interface resistance factor - 1)");
    public static final LifeConstant MOISTURE_CALENDAR = new LifeConstant("cell.moisture-calendar",
            0.6, "1/(g h/kg)", "assumed: calendar-rate multiplier 1 + c * moisture dose; mechanism DOMAIN 2.3 "
                    + "(Li-metal/Si and garnet oxides are moisture sensitive)");
    public static final LifeConstant INTERFACE_CYCLE = new LifeConstant("cell.interface-cycle", 1.0, "1",
            "assumed: cycle-rate multiplier 1 + c * (interface resistance factor - 1)");
    public static final LifeConstant MOISTURE_RESISTANCE = new LifeConstant("cell.moisture-resistance",
            0.4, "1/(g h/kg)", "assumed: resistance-growth multiplier 1 + c * moisture dose");

    // ---------------------------------------------------------------- latent defects, self-discharge
    public static final LifeConstant DEFECT_HAZARD = new LifeConstant("defect.hazard-per-day", 8e-6,
            "1/day per unit severity", "calibrated: latent-defect field failures 1-10 ppm of cells (DfR "
                    + "Solutions 2017 'field failures occur at 1 to 10 ppm'; 1 in a million to 1 in ten million "
                    + "cells, Higgins 'Power Play'), checked by the model card");
    public static final LifeConstant DEFECT_IDLE_SHARE = new LifeConstant("defect.idle-share", 0.2, "EFC",
            "assumed: hazard of a day without cycling, relative to one EFC");
    public static final LifeConstant DEFECT_FAST_CHARGE = new LifeConstant("defect.fast-charge-coefficient", 1.0,
            "1/C", "assumed: hazard multiplier 1 + c * dcShare * C (dendrite Jcrit, DOMAIN 3.1)");
    public static final LifeConstant SELF_DISCHARGE_BASE = new LifeConstant("self-discharge.base", 0.01, "%/day",
            "assumed: healthy cell (EOL pass < 5 mV/week, DOMAIN 2.2)");
    public static final LifeConstant SELF_DISCHARGE_GROWTH = new LifeConstant("self-discharge.growth", 0.05,
            "%/day per severity-year", "assumed");

    // ---------------------------------------------------------------- retirement
    public static final LifeConstant RETIREMENT_SOH = new LifeConstant("retirement.soh", 0.60, "1",
            "assumed: a pack below 60 % of rated leaves vehicle service (OEM warranties end at 70 %, DOMAIN 3.5; "
                    + "second-life studies take packs at 60-80 %); it keeps its last SoH in every percentile");

    /** Every constant, in table order. */
    public static final List<LifeConstant> ALL = List.of(
            CAL_K_REF, CAL_TIME_EXPONENT, CAL_ACTIVATION, CAL_SOC_TAFEL, CAL_UA_NORM, CAL_T_NORM,
            CYC_K_REF, CYC_EFC_EXPONENT, CYC_DOD_COEFF, CYC_C_SLOPE, CYC_C_REF, CYC_ACTIVATION, COLD_CHARGE_COEFF,
            COLD_CHARGE_ACTIVATION, COLD_STRESS_CAP,
            KNEE_Q5_0, KNEE_Q5_1, KNEE_EXPONENT, KNEE_Q5_FLOOR, KNEE_RESISTANCE,
            RES_CAL_RATIO, RES_CYC_RATIO,
            SSB_CALENDAR, SSB_CYCLE, SSB_FAST_CHARGE, SSB_COLD_ACTIVATION, SSB_KNEE,
            CAPACITY_PER_IRF, MOISTURE_CALENDAR, INTERFACE_CYCLE, MOISTURE_RESISTANCE,
            DEFECT_HAZARD, DEFECT_IDLE_SHARE, DEFECT_FAST_CHARGE, SELF_DISCHARGE_BASE, SELF_DISCHARGE_GROWTH,
            RETIREMENT_SOH);

    /** The table as Markdown (the body of docs/life-model.md's constants section). */
    public static String markdownTable() {
        StringBuilder sb = new StringBuilder("| Key | Value | Unit | Source / assumed |\n|---|---|---|---|\n");
        for (LifeConstant c : ALL) {
            sb.append("| `").append(c.key()).append("` | ").append(format(c.value())).append(" | ")
                    .append(c.unit()).append(" | ").append(c.source().replace("|", "/")).append(" |\n");
        }
        return sb.toString();
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e7) {
            return Long.toString((long) v);
        }
        String s = Double.toString(v);
        return s.contains("E") ? String.format(java.util.Locale.ROOT, "%.3g", v) : s;
    }
}
