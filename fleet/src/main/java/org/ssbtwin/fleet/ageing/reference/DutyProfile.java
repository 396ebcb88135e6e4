package org.ssbtwin.fleet.ageing.reference;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One year of a reference duty profile (reference-duty-profiles.md), generated exactly as specified: time grid
 * t_k = k dt for k = 0..365*86400/dt (both ends included), SOC (fraction) and cell temperature (degC).
 * Piecewise-linear SOC is interpolated between (time-of-day, SOC) knots with {@code numpy.interp}'s formula.
 * BLAST-Lite replays the year itself, so one year is the whole input.
 *
 * <p>Profiles: {@code p1} storage 100 % SOC 25 degC; {@code p2} storage 50 % 45 degC; {@code p3} one 1C 0-100 %
 * cycle per day at 25 degC; {@code p4} one C/5 20-80 % solar-shift cycle per day at 35 degC; {@code p5} two 1C
 * 10-90 % cycles per day at 15 degC (6 min); {@code p6} EV week in a tropical climate (6 min); {@code p6h} the same
 * functions sampled hourly. Immutable; arrays are copied out.
 */
public final class DutyProfile {

    /** Names accepted by {@link #byName(String)}. */
    public static final List<String> NAMES = List.of("p1", "p2", "p3", "p4", "p5", "p6", "p6h");

    private static final int SECONDS_PER_YEAR = 365 * 86400;
    private static final Map<String, DutyProfile> CACHE = new ConcurrentHashMap<>();

    private static final double[] P4_KNOT_H = {0, 9, 12, 18, 21, 24};
    private static final double[] P4_KNOT_S = {0.2, 0.2, 0.8, 0.8, 0.2, 0.2};
    private static final double[] P5_KNOT_MIN = {0, 360, 408, 456, 1080, 1128, 1176, 1440};
    private static final double[] P5_KNOT_S = {0.9, 0.9, 0.1, 0.9, 0.9, 0.1, 0.9, 0.9};
    private static final double[] COMMUTE_KNOT_MIN = {0, 420, 480, 1020, 1080, 1260, 1440};
    private static final double[] COMMUTE_KNOT_S = {0.80, 0.80, 0.65, 0.65, 0.50, 0.50, 0.80};
    private static final double[] TRIP_KNOT_MIN = {0, 540, 660, 678, 684, 960, 1020, 1260, 1440};
    private static final double[] TRIP_KNOT_S = {0.80, 0.80, 0.10, 0.70, 0.80, 0.80, 0.50, 0.50, 0.80};

    private final String name;
    private final String description;
    private final double dtSeconds;
    private final double[] timeS;
    private final double[] soc;
    private final double[] temperatureC;
    private final ReferenceInput input;

    private DutyProfile(String name, String description, double dtSeconds, double[] timeS, double[] soc,
            double[] temperatureC) {
        this.name = name;
        this.description = description;
        this.dtSeconds = dtSeconds;
        this.timeS = timeS;
        this.soc = soc;
        this.temperatureC = temperatureC;
        this.input = ReferenceInput.of(timeS, soc, temperatureC);
    }

    /**
     * The profile with the given name ({@code p1} .. {@code p6}, {@code p6h}).
     *
     * @throws IllegalArgumentException naming the valid names if {@code name} is unknown
     */
    public static DutyProfile byName(String name) {
        if (name == null || !NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown duty profile '" + name + "'; valid names: "
                    + String.join(", ", NAMES));
        }
        return CACHE.computeIfAbsent(name, DutyProfile::generate);
    }

    private static DutyProfile generate(String name) {
        switch (name) {
            case "p1":
                return constant(name, "p1_storage_100soc_25C", 1.0, 25);
            case "p2":
                return constant(name, "p2_storage_50soc_45C", 0.5, 45);
            case "p3":
                return p3();
            case "p4":
                return p4();
            case "p5":
                return p5();
            case "p6":
                return ev(name, "p6_ev_tropical_6min", 360);
            case "p6h":
                return ev(name, "p6h_ev_tropical_hourly", 3600);
            default:
                throw new IllegalArgumentException("unknown duty profile '" + name + "'");
        }
    }

    private static double[] grid(int dt) {
        int kMax = SECONDS_PER_YEAR / dt;
        double[] t = new double[kMax + 1];
        for (int k = 0; k <= kMax; k++) {
            t[k] = (double) k * dt;
        }
        return t;
    }

    private static DutyProfile constant(String name, String description, double soc, double tempC) {
        double[] t = grid(3600);
        double[] s = new double[t.length];
        double[] temp = new double[t.length];
        java.util.Arrays.fill(s, soc);
        java.util.Arrays.fill(temp, tempC);
        return new DutyProfile(name, description, 3600, t, s, temp);
    }

    private static DutyProfile p3() {
        double[] t = grid(3600);
        double[] s = new double[t.length];
        double[] temp = new double[t.length];
        for (int k = 0; k < t.length; k++) {
            s[k] = (k % 24 == 18) ? 0.0 : 1.0;
            temp[k] = 25;
        }
        return new DutyProfile("p3", "p3_1cyc_1C_0-100_25C", 3600, t, s, temp);
    }

    private static DutyProfile p4() {
        double[] t = grid(3600);
        double[] s = new double[t.length];
        double[] temp = new double[t.length];
        for (int k = 0; k < t.length; k++) {
            s[k] = interp(k % 24, P4_KNOT_H, P4_KNOT_S);
            temp[k] = 35;
        }
        return new DutyProfile("p4", "p4_1cyc_C5_20-80_35C", 3600, t, s, temp);
    }

    private static DutyProfile p5() {
        double[] t = grid(360);
        double[] s = new double[t.length];
        double[] temp = new double[t.length];
        for (int k = 0; k < t.length; k++) {
            s[k] = interp(minuteOfDay(t[k]), P5_KNOT_MIN, P5_KNOT_S);
            temp[k] = 15;
        }
        return new DutyProfile("p5", "p5_2cyc_1C_10-90_15C", 360, t, s, temp);
    }

    private static DutyProfile ev(String name, String description, int dt) {
        double[] t = grid(dt);
        double[] s = new double[t.length];
        double[] temp = new double[t.length];
        for (int k = 0; k < t.length; k++) {
            long day = (long) Math.floor(t[k] / 86400);
            boolean tripDay = day % 7 == 5; // weekday within the input year
            double minute = minuteOfDay(t[k]);
            s[k] = tripDay ? interp(minute, TRIP_KNOT_MIN, TRIP_KNOT_S) : interp(minute, COMMUTE_KNOT_MIN, COMMUTE_KNOT_S);
            temp[k] = tropicalTemperatureC(t[k]);
        }
        return new DutyProfile(name, description, dt, t, s, temp);
    }

    /** Tropical cell temperature: 28 degC mean, +-1.5 seasonal (peak day 196), +-3.5 daily (peak 14:00). */
    static double tropicalTemperatureC(double tSeconds) {
        return 28 + 1.5 * Math.cos(2 * Math.PI * (tSeconds / 86400 - 196) / 365)
                + 3.5 * Math.cos(2 * Math.PI * (tSeconds / 3600 - 14) / 24);
    }

    private static double minuteOfDay(double tSeconds) {
        double day = Math.floor(tSeconds / 86400);
        return (tSeconds - 86400 * day) / 60;
    }

    /** {@code numpy.interp(x, xp, fp)} for x within [xp[0], xp[last]]. */
    static double interp(double x, double[] xp, double[] fp) {
        int last = xp.length - 1;
        if (x <= xp[0]) {
            return fp[0];
        }
        if (x >= xp[last]) {
            return fp[last];
        }
        int j = 0;
        while (xp[j + 1] <= x) {
            j++;
        }
        double slope = (fp[j + 1] - fp[j]) / (xp[j + 1] - xp[j]);
        return slope * (x - xp[j]) + fp[j];
    }

    public String name() {
        return name;
    }

    /** Long id from the spec, e.g. {@code p5_2cyc_1C_10-90_15C}. */
    public String description() {
        return description;
    }

    public double dtSeconds() {
        return dtSeconds;
    }

    public int length() {
        return timeS.length;
    }

    public double[] t() {
        return timeS.clone();
    }

    public double[] soc() {
        return soc.clone();
    }

    public double[] tempC() {
        return temperatureC.clone();
    }

    /** The profile as a validated BLAST input with its chunk plan. */
    public ReferenceInput input() {
        return input;
    }
}
