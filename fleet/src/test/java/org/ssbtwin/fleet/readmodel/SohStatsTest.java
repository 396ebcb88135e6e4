package org.ssbtwin.fleet.readmodel;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SohStatsTest {
    @Test
    void nearestRankPicksObservedValues() {
        double[] v = new double[100];
        for (int i = 0; i < 100; i++) v[i] = (i + 1) / 100.0; // 0.01 .. 1.00
        SohStats s = SohStats.of(v, 100);
        assertEquals(0.05, s.p5(), 0.0);   // rank ceil(0.05*100) = 5
        assertEquals(0.50, s.p50(), 0.0);  // rank 50
        assertEquals(0.95, s.p95(), 0.0);  // rank 95
        assertEquals(0.505, s.mean(), 1e-12);
        assertEquals(79, s.below80());     // 0.01 .. 0.79
        assertEquals(69, s.below70());
        assertEquals(100, s.packs());
    }

    @Test
    void smallSetsUseRankCeiling() {
        double[] v = {0.9, 0.7, 0.8};
        SohStats s = SohStats.of(v, 3);
        assertEquals(0.7, s.p5(), 0.0);  // rank ceil(0.15) = 1
        assertEquals(0.8, s.p50(), 0.0); // rank ceil(1.5) = 2
        assertEquals(0.9, s.p95(), 0.0); // rank ceil(2.85) = 3
        assertEquals(0, s.below70());
        assertEquals(1, s.below80());
        assertArrayEquals(new double[] {0.9, 0.7, 0.8}, v, "input untouched");
        SohStats one = SohStats.of(new double[] {0.83}, 1);
        assertEquals(0.83, one.p5(), 0.0);
        assertEquals(0.83, one.p95(), 0.0);
        assertEquals(0.0, SohStats.nearestRank(new double[] {0.0, 1.0}, 2, 0), 0.0);
    }

    @Test
    void resultDoesNotDependOnOrder() {
        Random r = new Random(7);
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 1001; i++) values.add(0.6 + 0.4 * r.nextDouble());
        SohStats first = SohStats.of(values.stream().mapToDouble(Double::doubleValue).toArray(), values.size());
        Collections.shuffle(values, new Random(99));
        SohStats shuffled = SohStats.of(values.stream().mapToDouble(Double::doubleValue).toArray(), values.size());
        assertEquals(first, shuffled, "bit-identical, mean included");
    }

    @Test
    void emptyAndInvalidInput() {
        assertEquals(0, SohStats.of(new double[0], 0).packs());
        assertTrue(Double.isNaN(SohStats.of(new double[3], 0).p50()));
        assertThrows(IllegalArgumentException.class, () -> SohStats.of(new double[] {Double.NaN}, 1));
        assertThrows(IllegalArgumentException.class, () -> SohStats.ofSorted(new double[] {0.9, 0.8}, 2));
        assertThrows(IllegalArgumentException.class, () -> SohStats.of(new double[1], 2));
    }
}
