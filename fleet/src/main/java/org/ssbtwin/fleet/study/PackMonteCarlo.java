package org.ssbtwin.fleet.study;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import java.util.function.LongConsumer;

/**
 * The one Monte-Carlo runner of the fleet: simulates packs 0..n-1 on a fixed number of worker threads, each with
 * its own simulator and accumulator (nothing shared on the hot path), handing out packs in chunks. Every pack draws from its own random stream (seeded by its index), and accumulators merge by
 * exact addition, so the result does not depend on the thread count or on which worker simulated which pack. Used
 * by fleet studies ({@link FleetStudy}) and what-if scenarios (ScenarioEngine).
 */
public final class PackMonteCarlo {
    private PackMonteCarlo() {}

    /** One worker's simulator and accumulator. */
    public interface Worker {
        /** Simulates pack {@code packIndex} into this worker's accumulator. */
        void simulate(int packIndex);
    }

    /**
     * Runs {@code packs} packs on {@code threads} workers (one runs on the calling thread when {@code threads} is 1)
     * and returns the workers, whose accumulators the caller merges.
     *
     * @param chunk packs handed to a worker at a time: also how often progress is reported and cancellation polled
     * @param newWorker makes worker {@code t}'s simulator and accumulator
     * @param threadName name prefix of the worker threads
     * @param cancelled polled per chunk; when true the run stops with {@link CancellationException}
     * @param packsDone called per chunk with the number of packs done so far (from any worker thread)
     */
    public static <W extends Worker> List<W> run(int packs, int threads, int chunk, IntFunction<W> newWorker, String threadName,
                                                 BooleanSupplier cancelled, LongConsumer packsDone) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk must be >= 1, was " + chunk);
        }
        AtomicInteger next = new AtomicInteger();
        AtomicLong done = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<W> ws = new ArrayList<>(threads);
        Thread[] threadsOf = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            W w = newWorker.apply(t);
            ws.add(w);
            threadsOf[t] = new Thread(() -> {
                try {
                    while (failure.get() == null) {
                        if (cancelled.getAsBoolean()) {
                            throw new CancellationException(threadName + " cancelled");
                        }
                        int from = next.getAndAdd(chunk);
                        if (from >= packs) {
                            break;
                        }
                        int to = Math.min(packs, from + chunk);
                        for (int i = from; i < to; i++) {
                            w.simulate(i);
                        }
                        packsDone.accept(done.addAndGet(to - from));
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, threadName + "-" + t);
            threadsOf[t].setDaemon(true);
        }
        if (threads == 1) {
            threadsOf[0].run();
        } else {
            for (Thread th : threadsOf) {
                th.start();
            }
            try {
                for (Thread th : threadsOf) {
                    th.join();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure.compareAndSet(null, new CancellationException("interrupted"));
                for (Thread th : threadsOf) {
                    th.interrupt();
                }
            }
        }
        Throwable f = failure.get();
        if (f instanceof RuntimeException re) {
            throw re;
        }
        if (f instanceof Error err) {
            throw err;
        }
        if (f != null) {
            throw new IllegalStateException(f);
        }
        return ws;
    }
}
