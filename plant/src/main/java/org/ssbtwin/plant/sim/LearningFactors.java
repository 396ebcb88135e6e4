package org.ssbtwin.plant.sim;

import java.util.List;
import org.ssbtwin.plant.layout.LearningCurve;
import org.ssbtwin.plant.layout.RampPhase;
import org.ssbtwin.plant.layout.RampUp;

/**
 * The ramp-up learning curve evaluated at the virtual time, one set of multipliers (scrap, MTBF, MTTR) per capacity
 * phase: the units a phase brings into service learn from that phase's start (the first phase from SOP), so added
 * capacity starts low and learns instead of stepping to the mature rates. Re-evaluated once per virtual hour.
 */
final class LearningFactors {
    private static final long REFRESH_MS = 3_600_000L;

    private final LearningCurve curve;
    private final long[] learningStartMs;   // per phase, in ms since the simulation start
    private long refreshAt;
    final double[] scrap, mtbf, mttr;

    LearningFactors(RampUp rampUp, long startEpochMs) {
        this.curve = rampUp.learning();
        List<RampPhase> phases = rampUp.phases();
        long sopMs = rampUp.sop().toEpochMilli();
        learningStartMs = new long[phases.size()];
        for (int p = 0; p < phases.size(); p++) {
            learningStartMs[p] = Math.max(sopMs, phases.get(p).start().toEpochMilli()) - startEpochMs;
        }
        scrap = new double[phases.size()];
        mtbf = new double[phases.size()];
        mttr = new double[phases.size()];
        java.util.Arrays.fill(scrap, 1);
        java.util.Arrays.fill(mtbf, 1);
        java.util.Arrays.fill(mttr, 1);
    }

    /** Re-evaluates the curves if their hour is over (always at the first call). */
    void refreshIfDue(long now) {
        if (now >= refreshAt) refresh(now);
    }

    void refresh(long now) {
        for (int p = 0; p < learningStartMs.length; p++) {
            double days = (now - learningStartMs[p]) / 86_400_000.0;
            scrap[p] = curve.scrapMultiplier(days);
            mtbf[p] = curve.mtbfFactor(days);
            mttr[p] = curve.mttrFactor(days);
        }
        refreshAt = now + REFRESH_MS;
    }
}
