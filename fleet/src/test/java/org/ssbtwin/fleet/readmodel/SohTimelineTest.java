package org.ssbtwin.fleet.readmodel;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SohTimelineTest {
    private static SohTimeline feed(Period p) {
        SohTimeline t = new SohTimeline(p);
        t.accept("P-1", "2030-11", 0.99);
        t.accept("P-1", "2030-12", 0.98);
        t.accept("P-1", "2031-01", 0.97);
        t.accept("P-2", "2030-12", 0.90);
        t.accept("P-2", "2031-02", 0.85);
        t.accept("P-3", "2031-01", 0.75);
        return t;
    }

    @Test
    void monthlyPointsCountPacksUsedThatMonth() {
        Map<String, SohStats> points = feed(Period.MONTH).points();
        assertEquals(List.of("2030-11", "2030-12", "2031-01", "2031-02"), List.copyOf(points.keySet()));
        assertEquals(2, points.get("2030-12").packs());
        assertEquals(0.90, points.get("2030-12").p5(), 0.0);
        assertEquals(0.98, points.get("2030-12").p95(), 0.0);
        assertEquals(2, points.get("2031-01").packs());
        assertEquals(1, points.get("2031-01").below80());
    }

    @Test
    void yearlyPointsTakeEachPacksLatestMonth() {
        Map<String, SohStats> points = feed(Period.YEAR).points();
        assertEquals(List.of("2030", "2031"), List.copyOf(points.keySet()));
        SohStats y2030 = points.get("2030");
        assertEquals(2, y2030.packs());
        assertEquals(0.90, y2030.p5(), 0.0);
        assertEquals(0.98, y2030.p95(), 0.0, "P-1's December, not November");
        SohStats y2031 = points.get("2031");
        assertEquals(3, y2031.packs());
        assertEquals(0.85, y2031.p50(), 0.0);
        assertEquals((0.97 + 0.85 + 0.75) / 3, y2031.mean(), 1e-12);
    }

    @Test
    void outOfOrderRowsAreRefused() {
        SohTimeline t = new SohTimeline(Period.MONTH);
        t.accept("P-2", "2031-01", 0.9);
        assertThrows(IllegalArgumentException.class, () -> t.accept("P-1", "2031-02", 0.9));
        assertThrows(IllegalArgumentException.class, () -> t.accept("P-2", "2031-01", 0.9));
        assertTrue(new SohTimeline(Period.YEAR).points().isEmpty());
    }

    @Test
    void bucketsGroupUnknownKeys() {
        Map<String, SohStats> s = new SohBuckets().add("VF8", 0.9).add(null, 0.8).add("VF8", 0.7).stats();
        assertEquals(List.of("VF8", "unknown"), List.copyOf(s.keySet()));
        assertEquals(2, s.get("VF8").packs());
        assertEquals(0.7, s.get("VF8").p5(), 0.0);
    }
}
