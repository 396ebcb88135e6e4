package org.ssbtwin.fleet.ageing.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Chunking facts of reference-duty-profiles.md ("How BLAST-Lite chunks these inputs"). */
class ChunkPlanTest {

    private static ChunkPlan plan(String profile) {
        return DutyProfile.byName(profile).input().chunkPlan();
    }

    @Test
    void updatesAndCountedTimePerInputYear() {
        assertEquals(351, plan("p1").chunkCount());
        assertEquals(350.417, plan("p1").countedDaysPerPass(), 5e-4);
        assertEquals(351, plan("p2").chunkCount());
        assertEquals(350.417, plan("p2").countedDaysPerPass(), 5e-4);
        assertEquals(351, plan("p3").chunkCount());
        assertEquals(351, plan("p4").chunkCount());
        assertEquals(487, plan("p5").chunkCount());
        assertEquals(362.975, plan("p5").countedDaysPerPass(), 5e-4);
        assertEquals(364, plan("p6").chunkCount());
        assertEquals(363.488, plan("p6").countedDaysPerPass(), 5e-4);
        assertEquals(351, plan("p6h").chunkCount());
        assertEquals(350.417, plan("p6h").countedDaysPerPass(), 5e-4);
    }

    @Test
    void efcCountedPerInputYear() {
        assertEquals(0.0, plan("p1").countedEfcPerPass());
        assertEquals(351.0, plan("p3").countedEfcPerPass(), 0.05);
        assertEquals(210.3, plan("p4").countedEfcPerPass(), 0.05);
        assertEquals(559.7, plan("p5").countedEfcPerPass(), 0.05);
        assertEquals(145.35, plan("p6").countedEfcPerPass(), 0.005);
        assertEquals(140.2, plan("p6h").countedEfcPerPass(), 0.05);
    }

    @Test
    void hourlyStorageChunksEveryTwentyFiveSamplesWithOneSampleGap() {
        ChunkPlan p = plan("p1");
        assertEquals(0, p.chunkStart(0));
        assertEquals(25, p.chunkEnd(0));
        assertEquals(26, p.chunkStart(1));
        assertEquals(50, p.chunkEnd(1));
        assertEquals(8760, p.chunkEnd(p.chunkCount() - 1));
        for (int i = 1; i < p.chunkCount(); i++) {
            assertEquals(p.chunkEnd(i - 1) + 1, p.chunkStart(i), "gap sample belongs to no chunk");
        }
    }

    @Test
    void sixMinuteStorageChunksEvery241Samples() {
        int n = 2000;
        double[] t = new double[n];
        double[] s = new double[n];
        double[] temp = new double[n];
        for (int k = 0; k < n; k++) {
            t[k] = k * 360.0;
            s[k] = 0.5;
            temp[k] = 25;
        }
        ChunkPlan p = ReferenceInput.of(t, s, temp).chunkPlan();
        assertEquals(241, p.chunkEnd(0));
        assertEquals(482, p.chunkEnd(1));
    }

    @Test
    void everyChunkHasAtLeastTwoSamples() {
        for (String name : DutyProfile.NAMES) {
            ChunkPlan p = plan(name);
            for (int i = 0; i < p.chunkCount(); i++) {
                assertTrue(p.chunkEnd(i) > p.chunkStart(i), name + " chunk " + i);
            }
        }
    }

    @Test
    void rainflowReversalOnPlateauIsLastSampleOfPlateau() {
        // 0 -> 1 (plateau at indices 1..3) -> 0 -> 1: reversals 0, 3, 4, 5
        double[] soc = {0, 1, 1, 1, 0, 1};
        int[] ends = Rainflow.cycleEndIndices(soc);
        // full cycle (3,4) is extracted when 5 arrives only if |x3-x2| >= |x2-x1| ... here all ranges equal 1:
        // (0,3) half cycle, then (3,4) half, then (4,5) half at the end
        assertArrayEquals(new int[] {3, 4, 5}, ends);
    }

    @Test
    void rainflowFullCycleEndIndexIsKept() {
        // 0, 1, 0.4, 0.6, 0 : the small (0.4, 0.6) cycle is a full cycle ending at index 3
        double[] soc = {0, 1, 0.4, 0.6, 0};
        int[] ends = Rainflow.cycleEndIndices(soc);
        assertArrayEquals(new int[] {1, 3, 4}, ends);
    }
}
