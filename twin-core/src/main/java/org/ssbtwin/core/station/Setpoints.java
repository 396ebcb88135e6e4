package org.ssbtwin.core.station;

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
