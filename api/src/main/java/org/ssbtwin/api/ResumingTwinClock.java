package org.ssbtwin.api;

import java.time.Instant;
import org.ssbtwin.core.time.AcceleratedTwinClock;
import org.ssbtwin.core.time.TwinClock;

/**
 * The server's virtual clock. It stands still at its start until {@link #resume} is called once the journal
 * has been replayed, then runs accelerated from the later of the configured start and the last recorded event,
 * so virtual time never goes backwards across restarts. In a twin node it runs the cluster-wide clock of the journal
 * lease ({@link #resumeShared}), the same on every node.
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

    /**
     * Runs the cluster-wide clock of the journal lease: virtual time {@code origin} at wall time
     * {@code originWallMillis}, {@code speedUp} times faster, on every node alike (wall clocks synchronised, as by
     * NTP). This node's readings never go backwards, even if its wall clock is stepped back.
     */
    public synchronized Instant resumeShared(Instant origin, long originWallMillis, double sharedSpeedUp) {
        if (running != null) throw new IllegalStateException("clock already running");
        running = new SharedClock(origin, originWallMillis, sharedSpeedUp);
        return running.now();
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
        TwinClock c = running;
        return c == null ? speedUp : c.speedUp();
    }

    /** Virtual time derived from the wall clock and the lease's origin, monotonic on this node. */
    private static final class SharedClock implements TwinClock {
        private final Instant origin;
        private final long originWallMillis;
        private final double speedUp;
        private final java.util.concurrent.atomic.AtomicLong lastMicros = new java.util.concurrent.atomic.AtomicLong(Long.MIN_VALUE);

        SharedClock(Instant origin, long originWallMillis, double speedUp) {
            this.origin = origin;
            this.originWallMillis = originWallMillis;
            this.speedUp = speedUp;
        }

        @Override
        public Instant now() {
            Instant wall = Instant.now();
            double elapsedMicros = ((wall.getEpochSecond() * 1000 - originWallMillis) * 1000.0 + wall.getNano() / 1000) * speedUp;
            long micros = origin.getEpochSecond() * 1_000_000 + origin.getNano() / 1000 + (long) elapsedMicros;
            long monotonic = lastMicros.accumulateAndGet(micros, Math::max);
            return Instant.ofEpochSecond(Math.floorDiv(monotonic, 1_000_000), Math.floorMod(monotonic, 1_000_000) * 1000L);
        }

        @Override
        public double speedUp() {
            return speedUp;
        }
    }
}
