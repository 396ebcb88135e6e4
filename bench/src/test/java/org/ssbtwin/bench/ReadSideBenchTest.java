package org.ssbtwin.bench;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/**
 * {@code bench read} at a tiny size on embedded PostgreSQL: the fill (COPY with the keys and indexes built after), the
 * node driven over HTTP (each answer is checked by the bench: one pack by id and by vehicle, a count on every recall
 * page) and every figure printed; bad options name the option. Timings are not asserted.
 */
class ReadSideBenchTest {
    @Test
    void fillsTheTablesDrivesANodeAndPrintsEveryFigure() {
        var r = BenchCommandTest.run("read", "--packs", "300", "--cells-per-pack", "3", "--seconds", "1", "--in-flight", "2",
                "--recall-in-flight", "1", "--jdbc-seconds", "1");
        assertEquals(0, r.code(), r.err() + r.out());
        String out = r.out();
        assertTrue(out.contains("filled 300 packs x 3 cells (900 cell rows, 900 roll links)"), out);
        for (String index : new String[] {"rs_cell_lamination_idx", "rs_cell_pack_idx", "fleet_pack_vehicle_idx", "rs_cell_roll_pkey"}) {
            assertTrue(out.contains(index), "the index " + index + " is built again after the COPY: " + out);
        }
        assertTrue(out.contains("JDBC, one connection: GET by id"), out);
        for (String figure : new String[] {"GET by id (search kind=pack and id=", "indexed search (kind=pack and vehicleId=", "recall (cell.laminationUnit="}) {
            assertTrue(out.lines().anyMatch(l -> l.startsWith(figure) && l.contains(" /s, p50 ") && l.contains(" ms, p99 ")), figure + ": " + out);
        }
        assertTrue(out.contains("bench client"), out);
        assertTrue(out.contains("JVM (node + bench client): heap used after GC"), out);
    }

    @Test
    void badReadOptionsNameTheOption() {
        var r = BenchCommandTest.run("read", "--in-flight", "0");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--in-flight: must be 1..1024, was 0"), r.err());
        var cells = BenchCommandTest.run("read", "--cells-per-pack", "1001");
        assertEquals(2, cells.code());
        assertTrue(cells.err().contains("--cells-per-pack: must be 1..1000, was 1001"), cells.err());
    }
}
