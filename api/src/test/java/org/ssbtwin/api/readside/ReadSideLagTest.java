package org.ssbtwin.api.readside;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadSideLagTest {
    private static final long STALL = 30_000;

    /** Pack ids that hash to the slice (of 2). */
    private static String packOfSlice(int slice, int n) {
        for (int i = n; ; i++) {
            String id = String.format("P-DK1-%06d", i);
            if (FleetProjection.sliceOf(id, 2) == slice) return id;
        }
    }

    @Test
    void eachSliceCountsOnlyItsOwnEventsAfterItsOffsetAndTheOldestOneSaysHowFarBehindItIs() {
        String a = packOfSlice(0, 1);
        String b = packOfSlice(1, 1);
        List<ReadSideLag.JournalEvent> after = List.of(new ReadSideLag.JournalEvent(11, a, 1_000), new ReadSideLag.JournalEvent(12, b, 2_000),
                new ReadSideLag.JournalEvent(13, a, 3_000), new ReadSideLag.JournalEvent(14, b, 4_000));
        // slice 0 holds everything up to 12 (so 11 is done), slice 1 up to 10
        ReadSideLag lag = ReadSideLag.of(2, Map.of(0, 12L, 1, 10L), null, after, 10_000, STALL);
        assertEquals(1, lag.slices().get(0).eventsBehind());
        assertEquals(7.0, lag.slices().get(0).secondsBehind(), 1e-9, "event 13 written at 3 s, now 10 s");
        assertEquals(2, lag.slices().get(1).eventsBehind());
        assertEquals(8.0, lag.slices().get(1).secondsBehind(), 1e-9);
        assertEquals(8.0, lag.secondsBehind(), 1e-9, "the read side's lag is its slowest slice's");
        assertFalse(lag.stalled());
    }

    @Test
    void aSliceWhoseOffsetStandsWhileEventsWaitIsStalledAfterTheStallTimeAnIdleOneNever() {
        String a = packOfSlice(0, 1);
        List<ReadSideLag.JournalEvent> waiting = List.of(new ReadSideLag.JournalEvent(21, a, 0));
        ReadSideLag first = ReadSideLag.of(2, Map.of(0, 20L, 1, 20L), null, waiting, 0, STALL);
        ReadSideLag later = ReadSideLag.of(2, Map.of(0, 20L, 1, 20L), first, waiting, STALL - 1, STALL);
        assertFalse(later.stalled());
        ReadSideLag stalled = ReadSideLag.of(2, Map.of(0, 20L, 1, 20L), later, waiting, STALL, STALL);
        assertTrue(stalled.slices().get(0).stalled());
        assertFalse(stalled.slices().get(1).stalled(), "slice 1 has nothing to do: idle, not stalled");
        assertEquals(STALL / 1000.0, stalled.secondsBehind(), 1e-9);
        // the slice moves on: no longer stalled, and it counts from the new offset
        ReadSideLag moved = ReadSideLag.of(2, Map.of(0, 21L, 1, 20L), stalled, new ArrayList<>(waiting), STALL + 1, STALL);
        assertFalse(moved.stalled());
        assertEquals(0, moved.slices().get(0).eventsBehind());
        assertEquals(0.0, moved.secondsBehind(), 1e-9);
    }
}
