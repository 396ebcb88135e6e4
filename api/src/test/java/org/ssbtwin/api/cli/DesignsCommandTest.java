package org.ssbtwin.api.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DesignsCommandTest {
    @Test
    void listsTheCellAndEveryArchitectureWithItsArithmetic() {
        var r = CommandRun.run("designs");
        assertEquals(0, r.code(), r.err());
        List<String> lines = Arrays.asList(r.out().strip().split("\n"));
        assertTrue(lines.get(0).contains("2 inlays in series, 53.0 Ah, 7.40 V nominal"), lines.get(0));
        assertTrue(lines.get(0).contains("392.2 Wh"), lines.get(0));
        assertEquals("pack,vehicle,format,cells,series,parallel,nominal_v,ah,kwh,published_kwh,deviation_pct", lines.get(1));
        assertEquals(2 + 7, lines.size(), r.out());
        assertTrue(lines.contains("VF3,VF3,CIP,48,48,1,355.2,53.0,18.83,18.64,+1.00"), r.out());
        assertTrue(lines.contains("VF8,VF8,CIM,224,56,4,414.4,212.0,87.85,87.70,+0.17"), r.out());
        for (String row : lines.subList(2, lines.size())) {
            String[] f = row.split(",");
            int cells = Integer.parseInt(f[3]);
            assertEquals(cells, Integer.parseInt(f[4]) * Integer.parseInt(f[5]), row);
            assertEquals(cells * 0.3922, Double.parseDouble(f[8]), 0.006, row);
            assertTrue(Math.abs(Double.parseDouble(f[10])) <= 2.0, row);
        }
    }

    @Test
    void anUnknownOptionIsNamed() {
        var r = CommandRun.run("designs", "--colour", "red");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--colour"), r.err());
    }
}
