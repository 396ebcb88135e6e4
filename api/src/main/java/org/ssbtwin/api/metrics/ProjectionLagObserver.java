package org.ssbtwin.api.metrics;

import java.time.Duration;
import org.apache.pekko.projection.HandlerRecoveryStrategy;
import org.apache.pekko.projection.ProjectionId;
import org.apache.pekko.projection.StatusObserver;

/**
 * Feeds {@code twin_projection_lag_seconds{projection, slice}}: at every stored offset, the wall-clock time since the
 * envelope's event was written to the journal. An idle projection keeps the lag of its last event (small when it
 * caught up); a stuck one stops counting {@code twin_projection_events_total}.
 */
public final class ProjectionLagObserver<E> extends StatusObserver<E> {
    private final TwinMetrics metrics;
    private final java.util.function.ToLongFunction<E> writtenAtMillis;

    public ProjectionLagObserver(TwinMetrics metrics, java.util.function.ToLongFunction<E> writtenAtMillis) {
        this.metrics = metrics;
        this.writtenAtMillis = writtenAtMillis;
    }

    /** For envelopes of the classic read journal ({@code org.apache.pekko.persistence.query.EventEnvelope}). */
    public static <T> ProjectionLagObserver<org.apache.pekko.projection.eventsourced.EventEnvelope<T>> eventsourced(TwinMetrics metrics) {
        return new ProjectionLagObserver<>(metrics, org.apache.pekko.projection.eventsourced.EventEnvelope::timestamp);
    }

    @Override
    public void offsetProgress(ProjectionId id, E envelope) {
        if (!metrics.enabled()) return;
        metrics.projectionLag(id.name(), id.key(), Duration.ofMillis(System.currentTimeMillis() - writtenAtMillis.applyAsLong(envelope)));
    }

    @Override
    public void started(ProjectionId id) {}

    @Override
    public void failed(ProjectionId id, Throwable cause) {}

    @Override
    public void stopped(ProjectionId id) {}

    @Override
    public void beforeProcess(ProjectionId id, E envelope) {}

    @Override
    public void afterProcess(ProjectionId id, E envelope) {}

    @Override
    public void error(ProjectionId id, E envelope, Throwable cause, HandlerRecoveryStrategy recovery) {}
}
