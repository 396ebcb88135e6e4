package org.ssbtwin.core.plant;

/** Names of the setpoints and process windows the simulation understands. */
public final class Setpoints {
    private Setpoints() {}

    /** LAMINATION: lamination temperature setpoint, degC (assumed nominal 120 degC). */
    public static final String LAMINATION_TEMPERATURE_C = "laminationTemperatureC";
    /** CORE_ASSEMBLY: dry-room dew point setpoint, degC (DOMAIN 2.3: <= -30..-35 degC typical). */
    public static final String DEW_POINT_C = "dewPointC";
    /** Coating stations: web speed, m/min; cycle time scales with (initial speed / current speed). */
    public static final String LINE_SPEED_M_PER_MIN = "lineSpeedMPerMin";
    /** BIPOLAR_STACKING: standard deviation of the stacking misalignment, mm. */
    public static final String MISALIGNMENT_SIGMA_MM = "misalignmentSigmaMm";
    /** BIPOLAR_STACKING window name: allowed misalignment, mm (DOMAIN 2.2: ~+-0.2 mm). */
    public static final String MISALIGNMENT_MM = "misalignmentMm";
    /** FORMATION_AGEING window name: self-discharge, mV/week (DOMAIN 2.2: pass < 5 mV/week). */
    public static final String SELF_DISCHARGE_MV_PER_WEEK = "selfDischargeMvPerWeek";
}
