package org.ssbtwin.plant.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The calendar queue pops the same events in the same order as the 4-ary heap (the order the simulation's digests
 * pin), for a monotone event set like the simulation's: pushes at or after the last popped time, ties at the same ms,
 * events within the current bucket, across the ring and beyond it (overflow), and gaps longer than the ring.
 */
class CalendarEventQueueTest {

    @Test
    void popsInTheHeapsOrderForFormationLikeAndMixedDelays() {
        for (long seed = 1; seed <= 5; seed++) {
            SplittableRandom rng = new SplittableRandom(seed);
            EventQueue heap = new EventQueue();
            CalendarEventQueue calendar = new CalendarEventQueue();
            long now = 0;
            long popped = 0;
            for (int step = 0; step < 200_000; step++) {
                int pushes = rng.nextInt(3);
                for (int k = 0; k < pushes; k++) {
                    long delay = switch (rng.nextInt(6)) {
                        case 0 -> 0;                                              // same ms: insertion order decides
                        case 1 -> rng.nextLong(65_536);                           // within a bucket or the next
                        case 2 -> 345_600_000L + rng.nextLong(-7_200_000, 7_200_000); // formation: 4 days +- 2 h
                        case 3 -> rng.nextLong(2_000_000_000L);                   // up to 23 days: beyond the ring
                        case 4 -> rng.nextLong(60_000_000_000L);                  // up to 2 years: far beyond it
                        default -> rng.nextLong(10_000);
                    };
                    long payload = rng.nextLong(Long.MAX_VALUE);
                    heap.push(now + delay, payload);
                    calendar.push(now + delay, payload);
                }
                assertEquals(heap.size(), calendar.size());
                if (!heap.isEmpty() && rng.nextInt(3) > 0) {
                    assertEquals(heap.peekTime(), calendar.peekTime(), "time of pop " + popped);
                    assertEquals(heap.peekPayload(), calendar.peekPayload(), "payload of pop " + popped);
                    assertTrue(heap.peekTime() >= now);
                    now = heap.peekTime();
                    heap.pop();
                    calendar.pop();
                    popped++;
                }
            }
            while (!heap.isEmpty()) {
                assertEquals(heap.peekTime(), calendar.peekTime());
                assertEquals(heap.peekPayload(), calendar.peekPayload());
                heap.pop();
                calendar.pop();
                popped++;
            }
            assertTrue(calendar.isEmpty());
            assertTrue(popped > 100_000, "events popped: " + popped);
        }
    }
}
