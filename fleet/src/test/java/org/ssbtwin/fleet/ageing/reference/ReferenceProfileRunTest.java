package org.ssbtwin.fleet.ageing.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReferenceProfileRunTest {

    @Test
    void csvHasHeaderAnd31RowsFromZeroToFifteenYears() {
        ReferenceProfileRun run = ReferenceProfileRun.run("nmc111-gr-kokam75ah", "p4", 15);
        String[] lines = run.toCsv().split("\n");
        assertEquals("t_years,efc,q,r", lines[0]);
        assertEquals(32, lines.length);
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",");
            assertEquals(4, cells.length);
            assertEquals((i - 1) * 0.5, Double.parseDouble(cells[0]), 0.0);
        }
        assertEquals("0.0", lines[1].split(",")[0]);
        assertEquals("15.0", lines[31].split(",")[0]);
        assertEquals("0.0,0.0,1.0,1.0", lines[1]);
        assertEquals(31, run.rows().size());
    }

    @Test
    void capacityOnlyModelHasNoResistanceColumn() {
        ReferenceProfileRun run = ReferenceProfileRun.run("nmc811-grsi-lgm50", "p2", 15);
        String[] lines = run.toCsv().split("\n");
        assertEquals("t_years,efc,q", lines[0]);
        assertEquals(3, lines[5].split(",").length);
    }

    @Test
    void nanIsWrittenAsNan() {
        ReferenceProfileRun run = ReferenceProfileRun.run("nmc111-gr-kokam75ah", "p5", 15);
        String[] lines = run.toCsv().split("\n");
        assertTrue(lines[31].endsWith(",nan,nan"), lines[31]);
        assertTrue(!lines[8].contains("nan"), "3.5 y is before the collapse: " + lines[8]);
    }

    @Test
    void rowsAreLinearInterpolationsOfTheUpdates() {
        ReferenceProfileRun run = ReferenceProfileRun.run("lfp-gr-sonymurata3ah", "p3", 2);
        ReferenceTrajectory tr = run.trajectory();
        double day = 365;
        int hi = 0;
        while (tr.tDays(hi) < day) {
            hi++;
        }
        int lo = hi - 1;
        double w = (day - tr.tDays(lo)) / (tr.tDays(hi) - tr.tDays(lo));
        double expected = tr.capacity(lo) + (tr.capacity(hi) - tr.capacity(lo)) * w;
        assertEquals(expected, run.rows().get(2).q(), 1e-15);
        assertTrue(run.rows().get(2).q() <= tr.capacity(lo) && run.rows().get(2).q() >= tr.capacity(hi));
        assertEquals(5, run.rows().size());
    }

    @Test
    void formattingIsLocaleIndependent() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.GERMANY);
            assertEquals("0.5", ReferenceProfileRun.format(0.5));
            assertEquals("nan", ReferenceProfileRun.format(Double.NaN));
            assertEquals("1.0e-5", ReferenceProfileRun.format(1e-5));
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ReferenceProfileRun.run("nmc111-gr-kokam75ah", "p9", 15));
        assertThrows(IllegalArgumentException.class, () -> ReferenceProfileRun.run("nmc111-gr-kokam75ah", "p1", 0));
    }
}
