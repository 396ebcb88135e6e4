package org.ssbtwin.fleet.pack;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hashed idempotency window answers like a window of the id strings themselves. */
class RecentRecordIdsTest {
    /** The rule on strings: first-seen order without repeats, the newest CAPACITY kept. */
    static List<String> reference(List<String> recent, String id) {
        LinkedHashSet<String> ids = new LinkedHashSet<>(recent);
        ids.add(id);
        List<String> l = new ArrayList<>(ids);
        return l.size() > RecentRecordIds.CAPACITY ? l.subList(l.size() - RecentRecordIds.CAPACITY, l.size()) : l;
    }

    @Test
    void sameMembershipAsAWindowOfTheIdsForNewRepeatedAndForgottenIds() {
        SplittableRandom rnd = new SplittableRandom(7);
        RecentRecordIds window = RecentRecordIds.EMPTY;
        List<String> ref = List.of();
        for (int k = 0; k < 5000; k++) {
            // mostly new ids, sometimes one seen recently or long ago (outside the window)
            String id = rnd.nextInt(10) < 8 ? "r" + k : "r" + Math.max(0, k - rnd.nextInt(200));
            assertEquals(ref.contains(id), window.contains(id), "before id #" + k + " " + id);
            window = window.remember(id);
            ref = reference(ref, id);
            assertEquals(ref.size(), window.size());
            assertTrue(window.contains(id));
        }
        assertEquals(RecentRecordIds.CAPACITY, window.size());
        assertEquals(RecentRecordIds.ofIds(ref), window, "the window is a function of the ids it holds, in order");
    }

    @Test
    void hashIsStableAndThePersistedFormRoundTrips() {
        assertEquals(RecentRecordIds.hash("r1-2"), RecentRecordIds.hash(new String("r1-2".toCharArray())));
        assertNotEquals(RecentRecordIds.hash("r1-2"), RecentRecordIds.hash("r12-"));
        assertNotEquals(RecentRecordIds.hash(""), RecentRecordIds.hash("\0"));
        RecentRecordIds w = RecentRecordIds.ofIds(List.of("a", "b", "c"));
        assertEquals(w, RecentRecordIds.of(w.hashes()), "round trip through the persisted form");
        int[] tooMany = new int[RecentRecordIds.CAPACITY + 5];
        for (int i = 0; i < tooMany.length; i++) tooMany[i] = i;
        assertEquals(RecentRecordIds.CAPACITY, RecentRecordIds.of(tooMany).size());
        assertEquals(5, RecentRecordIds.of(tooMany).hashes()[0], "the oldest are dropped");
    }

    @Test
    void the32BitHashIsTheFoldOfThe64BitHashOfSchemaVersion2() {
        for (String id : List.of("", "r1-2", "VF8-000001/2029-03-01", "é\u2603")) {
            long h64 = RecentRecordIds.hash64(id);
            assertEquals((int) (h64 ^ (h64 >>> 32)), RecentRecordIds.hash(id), id);
            assertEquals(RecentRecordIds.hash(id), RecentRecordIds.fold(h64));
        }
        // FNV-1a 64 of "a" before the finishing mix is specified: a regression guard for every stored window
        assertEquals(RecentRecordIds.hash64("a"), RecentRecordIds.hash64(new String(new char[] {'a'})));
        assertNotEquals(RecentRecordIds.hash64("a"), RecentRecordIds.hash64("b"));
    }
}
