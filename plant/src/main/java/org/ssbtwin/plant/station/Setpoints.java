package org.ssbtwin.plant.station;

import java.util.Map;
import java.util.TreeMap;
import org.ssbtwin.core.Rejection;

/**
 * The process setpoints an engineer may change, with their plausible ranges. A value outside its range is
 * refused with a message naming it. Ranges are engineering plausibility limits (assumed), not process windows:
 * a setpoint may be moved out of its process window on purpose (what-if), but not to a physically absurd value.
 */
public final class Setpoints {
    /** A settable process quantity with unit and plausible range. */
    public record Range(String unit, double min, double max) {}

    public static final Map<String, Range> KNOWN;

    static {
        Map<String, Range> m = new TreeMap<>();
        m.put("laminationTemperatureC", new Range("degC", 20, 300));
        m.put("dewPointC", new Range("degC", -80, 0));
        m.put("lineSpeedMPerMin", new Range("m/min", 0.1, 200));
        m.put("cycleTimeSeconds", new Range("s", 0.01, 86_400));
        m.put("formationHours", new Range("h", 1, 500));
        m.put("selfDischargeLimitMvPerWeek", new Range("mV/week", 0.1, 100));
        m.put("misalignmentSigmaMm", new Range("mm", 0, 5));
        KNOWN = Map.copyOf(m);
    }

    private Setpoints() {}

    // Names of the setpoints and process windows the line simulation understands.

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

    /** Why {@code value} is not acceptable for setpoint {@code name}, or {@code null}. */
    public static Rejection check(String name, double value) {
        Range r = KNOWN.get(name);
        if (r == null) {
            return Rejection.invalid("name", "unknown setpoint '" + name + "'; known setpoints: " + new TreeMap<>(KNOWN).keySet());
        }
        if (!Double.isFinite(value) || value < r.min() || value > r.max()) {
            return Rejection.invalid("value", name + " must be within [" + r.min() + ", " + r.max() + "] " + r.unit() + ", was " + value);
        }
        return null;
    }
}
