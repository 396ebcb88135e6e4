package org.ssbtwin.api;

import java.time.Instant;
import org.ssbtwin.core.time.AcceleratedTwinClock;
import org.ssbtwin.core.time.TwinClock;

/**
 * The server's virtual clock. It stands still at its start until {@link #resume} is called once the journal
 * has been replayed, then runs accelerated from the later of the configured start and the last recorded event,
 * so virtual time never goes backwards across restarts.
 */
public final class ResumingTwinClock implements TwinClock {
    private final Instant configuredStart;
    private final double speedUp;
    private volatile TwinClock running;

    public ResumingTwinClock(Instant configuredStart, double speedUp) {
        this.configuredStart = configuredStart;
        this.speedUp = speedUp;
    }

    public synchronized Instant resume(Instant lastRecorded) {
        if (running != null) throw new IllegalStateException("clock already running");
        Instant start = lastRecorded != null && lastRecorded.isAfter(configuredStart) ? lastRecorded.plusSeconds(1) : configuredStart;
        running = AcceleratedTwinClock.systemMonotonic(start, speedUp);
        return start;
    }

    public boolean running() {
        return running != null;
    }

    @Override
    public Instant now() {
        TwinClock c = running;
        return c == null ? configuredStart : c.now();
    }

    @Override
    public double speedUp() {
        return speedUp;
    }
}
