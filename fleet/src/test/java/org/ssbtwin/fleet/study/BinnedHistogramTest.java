package org.ssbtwin.fleet.study;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** The one percentile histogram of studies and what-if: bins, clamping, exact merges, rank rule. */
class BinnedHistogramTest {
    @Test
    void percentilesAreBinMidpointsOfTheRankedValueAndMergesAreExact() {
        BinnedHistogram a = BinnedHistogram.soh(2);
        BinnedHistogram b = BinnedHistogram.soh(2);
        for (int i = 0; i < 50; i++) a.add(1, 0.80 + i * 0.001);   // 0.800 .. 0.849
        for (int i = 50; i < 100; i++) b.add(1, 0.80 + i * 0.001); // 0.850 .. 0.899
        a.addAll(b);
        assertEquals(0.80 + 0.00025, a.percentile(1, 100, 0.0), 1e-12, "p0: the lowest value's bin midpoint");
        assertEquals(0.849 + 0.00025, a.percentile(1, 100, 0.5), 1e-9, "p50: rank floor(0.5 * 99) = 49 -> 0.849");
        assertEquals(0.899 + 0.00025, a.percentile(1, 100, 1.0), 1e-9);
        assertTrue(Double.isNaN(a.percentile(0, 0, 0.5)), "an empty row has no percentile");
        assertEquals(0, a.bin(-0.3), "below the range: first bin");
        assertEquals(BinnedHistogram.SOH_BINS - 1, a.bin(7.0), "above: last bin");
        assertThrows(IllegalArgumentException.class, () -> a.addAll(BinnedHistogram.soh(3)));
    }
}
