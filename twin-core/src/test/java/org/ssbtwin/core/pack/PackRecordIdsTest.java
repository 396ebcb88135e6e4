package org.ssbtwin.core.pack;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The idempotency window keeps the same ids in the same order as the set-based rule it replaced. */
class PackRecordIdsTest {
    /** The former rule: a LinkedHashSet of the window plus the id, the newest IDEMPOTENCY_WINDOW kept. */
    static List<String> reference(List<String> recent, String id) {
        LinkedHashSet<String> ids = new LinkedHashSet<>(recent);
        ids.add(id);
        List<String> l = new ArrayList<>(ids);
        return l.size() > Pack.IDEMPOTENCY_WINDOW ? l.subList(l.size() - Pack.IDEMPOTENCY_WINDOW, l.size()) : l;
    }

    @Test
    void sameWindowAsTheSetBasedRuleForNewRepeatedAndOverflowingIds() {
        SplittableRandom rnd = new SplittableRandom(7);
        List<String> fast = List.of();
        List<String> ref = List.of();
        for (int k = 0; k < 3000; k++) {
            // mostly new ids, sometimes one seen recently or long ago (outside the window)
            String id = rnd.nextInt(10) < 8 ? "r" + k : "r" + Math.max(0, k - rnd.nextInt(1200));
            fast = Pack.rememberRecordId(fast, id);
            ref = reference(ref, id);
            assertEquals(ref, fast, "after id #" + k + " " + id);
        }
        assertEquals(Pack.IDEMPOTENCY_WINDOW, fast.size());
        List<String> tooLong = new ArrayList<>();
        for (int i = 0; i < Pack.IDEMPOTENCY_WINDOW + 10; i++) tooLong.add("x" + i);
        assertEquals(reference(tooLong, "x3"), Pack.rememberRecordId(tooLong, "x3"), "an over-long window is trimmed as before");
        assertEquals(reference(tooLong, "new"), Pack.rememberRecordId(tooLong, "new"));
    }
}
