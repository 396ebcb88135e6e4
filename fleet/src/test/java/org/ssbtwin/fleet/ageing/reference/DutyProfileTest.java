package org.ssbtwin.fleet.ageing.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DutyProfileTest {

    @Test
    void gridsSpanExactlyOneYearWithBothEnds() {
        for (String name : DutyProfile.NAMES) {
            DutyProfile p = DutyProfile.byName(name);
            int expected = (name.equals("p5") || name.equals("p6")) ? 87601 : 8761;
            assertEquals(expected, p.length(), name);
            double[] t = p.t();
            assertEquals(0.0, t[0]);
            assertEquals(31_536_000.0, t[t.length - 1]);
            assertEquals(p.length(), p.soc().length);
            assertEquals(p.length(), p.tempC().length);
        }
    }

    @Test
    void meanSocMatchesTable() {
        assertEquals(1.0, mean(DutyProfile.byName("p1").soc()), 1e-12);
        assertEquals(0.5, mean(DutyProfile.byName("p2").soc()), 1e-12);
        assertEquals(0.9583, mean(DutyProfile.byName("p3").soc()), 5e-4);
        assertEquals(0.425, mean(DutyProfile.byName("p4").soc()), 5e-4);
        assertEquals(0.8467, mean(DutyProfile.byName("p5").soc()), 5e-4);
        assertEquals(0.6772, mean(DutyProfile.byName("p6").soc()), 5e-4);
        assertEquals(0.6759, mean(DutyProfile.byName("p6h").soc()), 5e-4);
    }

    @Test
    void knotsAndShapes() {
        double[] p3 = DutyProfile.byName("p3").soc();
        assertEquals(1.0, p3[17]);
        assertEquals(0.0, p3[18]);
        assertEquals(1.0, p3[19]);
        double[] p4 = DutyProfile.byName("p4").soc();
        assertEquals(0.2, p4[9]);
        assertEquals(0.8, p4[12]);
        assertEquals(0.2, p4[21]);
        double[] p5 = DutyProfile.byName("p5").soc();
        assertEquals(0.9, p5[60]); // 06:00
        assertEquals(0.1, p5[68]); // 06:48
        assertEquals(0.9, p5[76]); // 07:36
        DutyProfile p6 = DutyProfile.byName("p6");
        double[] s6 = p6.soc();
        int trip = 5 * 240; // day 5 is the road-trip day
        assertEquals(0.10, s6[trip + 110], 1e-12); // 11:00
        assertEquals(0.70, s6[trip + 113], 1e-12); // 11:18, 2C fast charge
        assertEquals(0.65, s6[80], 1e-12); // day 0 08:00 commute
        double[] temp = p6.tempC();
        for (double v : temp) {
            assertTrue(v >= 23 - 1e-9 && v <= 33 + 1e-9);
        }
        assertEquals(28 + 1.5 * Math.cos(2 * Math.PI * (-196) / 365) + 3.5 * Math.cos(2 * Math.PI * (-14) / 24.0),
                temp[0], 1e-12);
        double[] s6h = DutyProfile.byName("p6h").soc();
        assertEquals(0.10, s6h[5 * 24 + 11], 1e-12);
        assertEquals(0.80, s6h[5 * 24 + 12], 1e-12); // hourly sampling: 10 -> 80 % within one hour
    }

    @Test
    void efcPerInputYearMatchesNominal() {
        assertEquals(365, efc(DutyProfile.byName("p3").soc()), 1e-9);
        assertEquals(219, efc(DutyProfile.byName("p4").soc()), 1e-9);
        assertEquals(584, efc(DutyProfile.byName("p5").soc()), 1e-9);
        assertEquals(145.9, efc(DutyProfile.byName("p6").soc()), 0.05);
        assertEquals(145.9, efc(DutyProfile.byName("p6h").soc()), 0.05);
    }

    @Test
    void unknownNameListsValidNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DutyProfile.byName("p7"));
        assertTrue(e.getMessage().contains("p7"));
        assertTrue(e.getMessage().contains("p1, p2, p3, p4, p5, p6, p6h"));
    }

    @Test
    void arraysAreCopies() {
        DutyProfile p = DutyProfile.byName("p1");
        p.soc()[0] = 42;
        assertEquals(1.0, p.soc()[0]);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double efc(double[] soc) {
        double s = 0;
        for (int k = 1; k < soc.length; k++) {
            s += Math.abs(soc[k] - soc[k - 1]);
        }
        return s / 2;
    }
}
