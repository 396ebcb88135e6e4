package org.ssbtwin.api.ingest;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the pack writes of HTTP telemetry in flight on a node, counted in packs (each pack of a batch is one journal
 * write). Without a bound, concurrent large batches (8 clients x 250 packs measured by {@code bench ingest} on a loaded
 * 2-core host) queue more journal writes than the journal finishes within its circuit breaker's call timeout (10 s):
 * persists then fail, the packs stop, the breaker opens and every write and recovery fails for its reset time, so the
 * node acknowledged nothing for minutes. With the bound, a batch waits here (asynchronously, first come first served)
 * until its packs fit, the journal's queue stays short, and a batch that cannot start within {@code maxWait} is
 * answered 503 with Retry-After before anything is asked of its packs (nothing recorded, safe to resend).
 *
 * <p>A batch of more packs than the capacity takes the whole capacity (it runs alone). Waiting batches are granted in
 * arrival order, so a large batch is not starved by small ones. Non-blocking: grants complete futures; timeouts run on
 * the JDK's delay scheduler thread.
 */
public final class TelemetryAdmission {
    /** Pack writes in flight per node by default: {@code twin.ingest.max-pack-writes-in-flight} (assumed; the reasoning in TelemetryAdmissionSettings). */
    public static final int DEFAULT_CAPACITY = org.ssbtwin.config.TelemetryAdmissionSettings.DEFAULT.maxPackWritesInFlight();

    private record Waiter(int packs, CompletableFuture<Boolean> granted) {}

    private final int capacity;
    private int available;
    private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();

    public TelemetryAdmission(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        this.capacity = capacity;
        this.available = capacity;
    }

    /** The permits a batch of {@code packs} packs takes: its packs, at most the whole capacity. */
    public int permits(int packs) {
        return Math.max(1, Math.min(packs, capacity));
    }

    /**
     * Completes with true once {@link #permits}({@code packs}) are taken (then {@link #release} them when the batch is
     * answered), or with false when they were not granted within {@code maxWait} (nothing taken).
     */
    public CompletionStage<Boolean> acquire(int packs, Duration maxWait) {
        int n = permits(packs);
        Waiter w = new Waiter(n, new CompletableFuture<>());
        synchronized (this) {
            if (waiting.isEmpty() && available >= n) {
                available -= n;
                return CompletableFuture.completedFuture(true);
            }
            waiting.addLast(w);
        }
        CompletableFuture.delayedExecutor(maxWait.toMillis(), TimeUnit.MILLISECONDS, Runnable::run).execute(() -> {
            boolean removed;
            java.util.List<Waiter> granted = java.util.List.of();
            synchronized (this) {
                removed = waiting.remove(w);
                if (removed) granted = grantWaiting(); // a large batch gave up: smaller ones behind it may fit now
            }
            if (removed) w.granted().complete(false);
            granted.forEach(g -> g.granted().complete(true));
        });
        return w.granted();
    }

    /** Gives back the permits of a batch that was granted {@code permits}. */
    public void release(int permits) {
        java.util.List<Waiter> granted;
        synchronized (this) {
            available = Math.min(capacity, available + permits);
            granted = grantWaiting();
        }
        granted.forEach(w -> w.granted().complete(true)); // outside the lock: the continuations run here
    }

    /** Takes permits for the waiting batches at the head that fit now; the caller completes them outside the lock. */
    private java.util.List<Waiter> grantWaiting() {
        java.util.List<Waiter> granted = new java.util.ArrayList<>();
        while (!waiting.isEmpty() && available >= waiting.peekFirst().packs()) {
            Waiter w = waiting.pollFirst();
            available -= w.packs();
            granted.add(w);
        }
        return granted;
    }

    /** Permits free now (for tests and metrics). */
    public synchronized int available() {
        return available;
    }

    /** Batches waiting now. */
    public synchronized int waiting() {
        return waiting.size();
    }
}
