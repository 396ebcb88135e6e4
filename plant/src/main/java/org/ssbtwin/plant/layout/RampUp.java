package org.ssbtwin.plant.layout;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Start of production, capacity phases (ascending start, non-decreasing share) and the learning curve. */
public record RampUp(Instant sop, List<RampPhase> phases, LearningCurve learning) {
    public RampUp {
        if (sop == null) throw new IllegalArgumentException("sop must not be null");
        phases = List.copyOf(phases);
        if (phases.isEmpty()) throw new IllegalArgumentException("phases must not be empty");
        for (int i = 1; i < phases.size(); i++) {
            if (!phases.get(i).start().isAfter(phases.get(i - 1).start())) {
                throw new IllegalArgumentException("phases[" + i + "].start must be after phases[" + (i - 1) + "].start");
            }
            if (phases.get(i).capacityShare() < phases.get(i - 1).capacityShare()) {
                throw new IllegalArgumentException("phases[" + i + "].capacityShare must not decrease");
            }
        }
        if (learning == null) throw new IllegalArgumentException("learning must not be null");
    }

    /** Full capacity from {@code sop} on, no learning effect (for tests and steady-state studies). */
    public static RampUp steady(Instant sop) {
        return new RampUp(sop, List.of(new RampPhase("steady", sop, 1.0)), LearningCurve.NONE);
    }

    public double daysSinceSop(Instant t) {
        return Duration.between(sop, t).toMillis() / 86_400_000.0;
    }

    /** Index of the phase in force at {@code t}, or -1 before the first phase. */
    public int phaseIndexAt(Instant t) {
        int idx = -1;
        for (int i = 0; i < phases.size(); i++) if (!phases.get(i).start().isAfter(t)) idx = i;
        return idx;
    }
}
