package org.ssbtwin.api.ingest;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The node's bound on telemetry pack writes in flight: batches wait their turn, in order, or give up after their wait. */
class TelemetryAdmissionTest {
    private static boolean now(java.util.concurrent.CompletionStage<Boolean> s) {
        CompletableFuture<Boolean> f = s.toCompletableFuture();
        return f.isDone() && f.join();
    }

    @Test
    void batchesThatFitStartAtOnceAndTheNextWaitsUntilPacksAreReleased() throws Exception {
        TelemetryAdmission a = new TelemetryAdmission(100);
        assertTrue(now(a.acquire(60, Duration.ofSeconds(5))));
        assertTrue(now(a.acquire(40, Duration.ofSeconds(5))));
        assertEquals(0, a.available());
        CompletableFuture<Boolean> third = a.acquire(30, Duration.ofSeconds(5)).toCompletableFuture();
        assertFalse(third.isDone(), "no room: it waits");
        assertEquals(1, a.waiting());
        a.release(20);
        assertFalse(third.isDone(), "20 free, 30 needed");
        a.release(40);
        assertTrue(third.get(1, TimeUnit.SECONDS));
        assertEquals(30, a.available(), "60 released, 30 taken by the waiting batch");
    }

    @Test
    void waitingBatchesAreServedInArrivalOrderSoALargeOneIsNotStarved() throws Exception {
        TelemetryAdmission a = new TelemetryAdmission(100);
        assertTrue(now(a.acquire(90, Duration.ofSeconds(5))));
        CompletableFuture<Boolean> large = a.acquire(80, Duration.ofSeconds(5)).toCompletableFuture();
        CompletableFuture<Boolean> small = a.acquire(5, Duration.ofSeconds(5)).toCompletableFuture();
        assertFalse(small.isDone(), "10 are free, but the large batch came first");
        a.release(90);
        assertTrue(large.get(1, TimeUnit.SECONDS));
        assertTrue(small.get(1, TimeUnit.SECONDS));
        assertEquals(15, a.available());
    }

    @Test
    void aBatchLargerThanTheCapacityRunsAloneAndOneThatWaitsTooLongIsRefusedHavingTakenNothing() throws Exception {
        TelemetryAdmission a = new TelemetryAdmission(100);
        assertEquals(100, a.permits(5000));
        assertEquals(1, a.permits(0));
        assertTrue(now(a.acquire(5000, Duration.ofSeconds(5))));
        assertEquals(0, a.available());
        CompletableFuture<Boolean> late = a.acquire(10, Duration.ofMillis(100)).toCompletableFuture();
        assertFalse(late.get(5, TimeUnit.SECONDS), "not granted within its wait");
        assertEquals(0, a.waiting());
        a.release(a.permits(5000));
        assertEquals(100, a.available(), "the refused batch took nothing");
    }

    @Test
    void aLargeBatchGivingUpLetsTheSmallerOnesBehindItStart() throws Exception {
        TelemetryAdmission a = new TelemetryAdmission(100);
        assertTrue(now(a.acquire(50, Duration.ofSeconds(5))));
        CompletableFuture<Boolean> large = a.acquire(100, Duration.ofMillis(100)).toCompletableFuture();
        CompletableFuture<Boolean> small = a.acquire(20, Duration.ofSeconds(5)).toCompletableFuture();
        assertFalse(large.get(5, TimeUnit.SECONDS));
        assertTrue(small.get(5, TimeUnit.SECONDS), "granted when the large batch ahead of it gave up");
        assertEquals(30, a.available());
    }
}
