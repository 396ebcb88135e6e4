package org.ssbtwin.api.cli;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class PlantRampCommandTest {
    @Test
    void rampUpShowsScrapFallingAfterStartOfProduction() {
        var r = CommandRun.run("plant-ramp", "--layout", "plant/dunkirk-small.conf", "--months", "4");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals("month,from,cells,gwh_per_year,first_pass_yield,scrap_rate,bottleneck,bottleneck_oee", lines[0]);
        assertEquals(5, lines.length);
        double firstScrap = Double.parseDouble(lines[1].split(",")[5]);
        double lastScrap = Double.parseDouble(lines[4].split(",")[5]);
        assertTrue(firstScrap > lastScrap, "learning curve: scrap " + firstScrap + " in month 1 vs " + lastScrap + " in month 4");
        assertTrue(Long.parseLong(lines[4].split(",")[2]) > 0);
    }

    @Test
    void yearlyTablePrintsOneRowPerCalendarYearWithCellsAndGwh() {
        var r = CommandRun.run("plant-ramp", "--layout", "plant/dunkirk-small.conf", "--yearly", "--until", "2027");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals("year,cells,gwh,first_pass_yield,scrap_rate,bottleneck,bottleneck_oee,availability,performance,quality,"
                + "planned_maintenance_share,breakdown_share", lines[0]);
        assertEquals(3, lines.length, r.out());
        assertTrue(lines[1].startsWith("2026,") && lines[2].startsWith("2027,"), r.out());
        for (int i = 1; i < 3; i++) {
            String[] f = lines[i].split(",");
            long cells = Long.parseLong(f[1]);
            assertTrue(cells > 0, lines[i]);
            assertEquals(cells * 0.3922 / 1e6, Double.parseDouble(f[2]), 0.0006, "GWh = cells x 0.392 kWh, 3 decimals: " + lines[i]);
            double oeeFromFactors = Double.parseDouble(f[7]) * Double.parseDouble(f[8]) * Double.parseDouble(f[9]);
            assertEquals(Double.parseDouble(f[6]), oeeFromFactors, 0.0005, "OEE = availability x performance x quality: " + lines[i]);
        }
        var bad = CommandRun.run("plant-ramp", "--layout", "plant/dunkirk-small.conf", "--yearly", "--until", "2020");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--until"), bad.err());
    }

    @Test
    void badOptionsNameTheOption() {
        var months = CommandRun.run("plant-ramp", "--months", "0");
        assertEquals(2, months.code());
        assertTrue(months.err().contains("--months"), months.err());
        var layout = CommandRun.run("plant-ramp", "--layout", "plant/nowhere.conf", "--months", "1");
        assertEquals(2, layout.code());
        assertTrue(layout.err().contains("--layout"), layout.err());
    }
}
