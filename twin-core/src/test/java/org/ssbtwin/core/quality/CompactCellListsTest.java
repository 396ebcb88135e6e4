package org.ssbtwin.core.quality;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ssbtwin.core.id.CellId;
import org.ssbtwin.core.quality.ManufacturingFactors;

/** Compact lists are equal to the lists they replace, element for element, and immutable. */
class CompactCellListsTest {
    @Test
    void cellIdsKeepLeadingZerosAndFallBackForMixedPrefixes() {
        List<CellId> ids = List.of(CellId.of("C-DK1-00000042"), CellId.of("C-DK1-00000001"), CellId.of("C-DK1-99999999"));
        List<CellId> compact = CompactCellLists.cellIds(ids);
        assertEquals(ids, compact);
        assertEquals(ids.hashCode(), compact.hashCode());
        assertEquals("C-DK1-00000042", compact.get(0).value());
        assertSame(compact, CompactCellLists.cellIds(compact));
        assertThrows(UnsupportedOperationException.class, () -> compact.add(CellId.of("C-DK1-00000002")));
        assertThrows(IndexOutOfBoundsException.class, () -> compact.get(3));
        List<CellId> mixed = List.of(CellId.of("C-DK1-00000042"), CellId.of("C-VN2-0000000001"));
        assertEquals(mixed, CompactCellLists.cellIds(mixed));
    }

    @Test
    void factorsAndDoublesRoundTrip() {
        List<ManufacturingFactors> f = new ArrayList<>();
        for (int i = 0; i < 112; i++) f.add(new ManufacturingFactors(1 + i * 1e-3, i * 0.01, i % 9 == 0 ? 0.2 : 0, 119.5 + i * 0.01, -46 + i * 0.001));
        List<ManufacturingFactors> compact = CompactCellLists.factors(f);
        assertEquals(f, compact);
        assertEquals(f.hashCode(), compact.hashCode());
        List<ManufacturingFactors> nominal = Collections.nCopies(112, ManufacturingFactors.NOMINAL);
        assertEquals(nominal, CompactCellLists.factors(nominal));
        List<Double> d = List.of(0.0, -1.5, 3.25, Double.MAX_VALUE);
        assertEquals(d, CompactCellLists.doubles(d));
        assertEquals(d, CompactCellLists.doubles(new double[] {0.0, -1.5, 3.25, Double.MAX_VALUE}));
        assertThrows(UnsupportedOperationException.class, () -> CompactCellLists.doubles(d).set(0, 1.0));
    }

    @Test
    void cellIdsOfEveryShapeReadBackExactly() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(11);
        for (int round = 0; round < 400; round++) {
            int n = 2 + r.nextInt(200);
            long serial = r.nextLong(0, 99_000_000L);
            List<CellId> ids = new java.util.ArrayList<>();
            int shape = round % 4;
            for (int k = 0; k < n; k++) {
                ids.add(CellId.of(String.format("C-DK1-%08d", serial)));
                long gap = switch (shape) {
                    case 0 -> 1;                                  // consecutive
                    case 1 -> r.nextInt(20) == 0 ? 2 + r.nextInt(5) : 1; // a few rejects between
                    case 2 -> r.nextLong(-50_000, 50_000);         // anything, also backwards
                    default -> k % 3 == 0 ? 7 : 2;                 // short alternating runs
                };
                serial = Math.max(0, Math.min(99_999_999L, serial + gap));
            }
            List<CellId> compact = CompactCellLists.cellIds(ids);
            assertEquals(List.copyOf(ids), compact, "round " + round);
            assertEquals(ids.hashCode(), compact.hashCode());
            for (int k = 0; k < n; k += 1 + r.nextInt(9)) assertEquals(ids.get(k), compact.get(k), "round " + round + " index " + k);
            assertEquals(ids.get(n - 1), compact.get(n - 1));
            assertThrows(IndexOutOfBoundsException.class, () -> compact.get(n));
        }
    }
}
