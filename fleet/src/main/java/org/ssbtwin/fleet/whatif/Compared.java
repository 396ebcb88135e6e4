package org.ssbtwin.fleet.whatif;

/** One figure in both arms and their difference (scenario - baseline). */
public record Compared(double baseline, double scenario, double delta) {
    public static Compared of(double baseline, double scenario) {
        return new Compared(baseline, scenario, scenario - baseline);
    }
}
