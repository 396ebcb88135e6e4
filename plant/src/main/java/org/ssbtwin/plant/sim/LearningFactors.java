package org.ssbtwin.plant.sim;

import org.ssbtwin.plant.layout.LearningCurve;

/**
 * The ramp-up learning curve evaluated at the virtual time: multipliers of scrap, MTBF and MTTR, re-evaluated once
 * per virtual hour.
 */
final class LearningFactors {
    private static final long REFRESH_MS = 3_600_000L;

    private final LearningCurve curve;
    private final long sopMs;   // SOP in ms since the simulation start
    private long refreshAt;
    double scrap = 1, mtbf = 1, mttr = 1;

    LearningFactors(LearningCurve curve, long sopEpochMs, long startEpochMs) {
        this.curve = curve;
        this.sopMs = sopEpochMs - startEpochMs;
    }

    /** Re-evaluates the curve if its hour is over (always at the first call). */
    void refreshIfDue(long now) {
        if (now >= refreshAt) refresh(now);
    }

    void refresh(long now) {
        double days = (now - sopMs) / 86_400_000.0;
        scrap = curve.scrapMultiplier(days);
        mtbf = curve.mtbfFactor(days);
        mttr = curve.mttrFactor(days);
        refreshAt = now + REFRESH_MS;
    }
}
