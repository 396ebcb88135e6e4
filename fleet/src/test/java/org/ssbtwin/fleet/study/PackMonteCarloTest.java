package org.ssbtwin.fleet.study;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The one Monte-Carlo runner: every pack once, whatever the thread count and chunk; failures and cancels surface. */
class PackMonteCarloTest {
    /** Sums a per-pack value derived from the pack index only, as a pack simulator does from its own stream. */
    static final class Summing implements PackMonteCarlo.Worker {
        long sum;
        int count;

        @Override
        public void simulate(int packIndex) {
            sum += org.ssbtwin.fleet.usage.Stats.mix64(packIndex) & 0xFFFF;
            count++;
        }
    }

    @Test
    void everyPackIsSimulatedOnceAndTheMergedResultDoesNotDependOnThreadsOrChunk() {
        long expected = 0;
        for (int i = 0; i < 10_007; i++) expected += org.ssbtwin.fleet.usage.Stats.mix64(i) & 0xFFFF;
        for (int threads : new int[] {1, 2, 3}) {
            for (int chunk : new int[] {1, 64, 256, 20_000}) {
                AtomicLong lastDone = new AtomicLong();
                List<Summing> ws = PackMonteCarlo.run(10_007, threads, chunk, t -> new Summing(), "test", () -> false,
                        done -> lastDone.accumulateAndGet(done, Math::max));
                assertEquals(threads, ws.size());
                assertEquals(10_007, ws.stream().mapToInt(w -> w.count).sum(), threads + " threads, chunk " + chunk);
                assertEquals(expected, ws.stream().mapToLong(w -> w.sum).sum());
                assertEquals(10_007, lastDone.get(), "progress ends at the pack count");
            }
        }
    }

    @Test
    void aFailingPackStopsTheRunWithItsExceptionAndACancelWithCancellation() {
        IllegalStateException boom = assertThrows(IllegalStateException.class, () -> PackMonteCarlo.run(1000, 2, 16,
                t -> i -> { if (i == 500) throw new IllegalStateException("pack 500"); }, "test", () -> false, d -> {}));
        assertEquals("pack 500", boom.getMessage());
        assertThrows(CancellationException.class, () -> PackMonteCarlo.run(1000, 2, 16, t -> i -> {}, "test", () -> true, d -> {}));
        assertThrows(IllegalArgumentException.class, () -> PackMonteCarlo.run(10, 0, 16, t -> i -> {}, "test", () -> false, d -> {}));
    }
}
