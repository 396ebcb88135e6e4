package org.ssbtwin.core.time;

import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * Virtual time that runs {@code speedUp} times faster than a monotonic wall source, starting at
 * {@code virtualStart}. The wall source is injected (nanoseconds, monotonic), so the clock is testable.
 */
public final class AcceleratedTwinClock implements TwinClock {
    private final Instant virtualStart;
    private final double speedUp;
    private final LongSupplier monotonicNanos;
    private final long wallStartNanos;

    public AcceleratedTwinClock(Instant virtualStart, double speedUp, LongSupplier monotonicNanos) {
        if (virtualStart == null) throw new IllegalArgumentException("virtualStart must be set");
        if (!(speedUp > 0) || Double.isInfinite(speedUp)) {
            throw new IllegalArgumentException("speedUp must be a positive finite number, was " + speedUp);
        }
        this.virtualStart = virtualStart;
        this.speedUp = speedUp;
        this.monotonicNanos = monotonicNanos;
        this.wallStartNanos = monotonicNanos.getAsLong();
    }

    /** A clock on the JVM's monotonic timer. */
    public static AcceleratedTwinClock systemMonotonic(Instant virtualStart, double speedUp) {
        return new AcceleratedTwinClock(virtualStart, speedUp, System::nanoTime);
    }

    @Override
    public Instant now() {
        long elapsedWall = monotonicNanos.getAsLong() - wallStartNanos;
        double virtualNanos = elapsedWall * speedUp;
        long seconds = (long) (virtualNanos / 1e9);
        long nanos = (long) (virtualNanos - seconds * 1e9);
        return virtualStart.plusSeconds(seconds).plusNanos(nanos);
    }

    @Override
    public double speedUp() {
        return speedUp;
    }
}
