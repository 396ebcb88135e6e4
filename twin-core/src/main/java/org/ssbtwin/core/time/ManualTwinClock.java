package org.ssbtwin.core.time;

import java.time.Duration;
import java.time.Instant;

/** A clock that only moves when told to: for tests and for batch runs that step time themselves. */
public final class ManualTwinClock implements TwinClock {
    private volatile Instant now;

    public ManualTwinClock(Instant start) {
        this.now = start;
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public double speedUp() {
        return 0;
    }

    public synchronized Instant advance(Duration d) {
        if (d.isNegative()) throw new IllegalArgumentException("time cannot go backwards: " + d);
        now = now.plus(d);
        return now;
    }
}
