package org.ssbtwin.plant.layout;

import java.time.Instant;

/**
 * A capacity step: from {@code start}, each station runs ceil(units x capacityShare) of its units (at least one
 * if the share is > 0). Dunkirk: Phase 1 0.8 GWh/yr in 2028 (share 0.2), ramp through 2029, 4 GWh/yr by 2030.
 */
public record RampPhase(String name, Instant start, double capacityShare) {
    public RampPhase {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("name must not be blank");
        if (start == null) throw new IllegalArgumentException("start must not be null");
        if (!(capacityShare >= 0 && capacityShare <= 1)) throw new IllegalArgumentException("capacityShare must be in [0, 1], was " + capacityShare);
    }

    public int activeUnits(int units) {
        if (capacityShare <= 0) return 0;
        return Math.max(1, Math.min(units, (int) Math.ceil(units * capacityShare - 1e-9)));
    }
}
