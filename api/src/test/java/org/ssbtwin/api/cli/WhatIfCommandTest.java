package org.ssbtwin.api.cli;

import static org.ssbtwin.api.cli.CommandRun.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssbtwin.api.http.Json;

class WhatIfCommandTest {
    @TempDir
    Path dir;

    @Test
    void aScenarioFilePrintsTheAlignedComparisonTableAndWritesOutputs() throws Exception {
        Path file = dir.resolve("hot.conf");
        Files.writeString(file, """
                scenario {
                  name = "hotter-lamination"
                  base = "bundled:vinfast-vn"
                  horizonYears = 3
                  seed = 1
                  population { sampleSize = 40, climate = HANOI }
                  plant { laminationTemperatureC = 134 }
                  fleet { climateShiftC = 4 }
                }""");
        Path out = dir.resolve("out");
        CommandRun r = run("what-if", "--scenario", file.toString(), "--seed", "9", "--plant-layout", "plant/dunkirk-small.conf",
                "--plant-days", "2", "--threads", "2", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("what-if hotter-lamination on bundled:vinfast-vn: 40 packs x 3 years, seed 9"), lines.get(0));
        String yield = lines.stream().filter(l -> l.strip().startsWith("first-pass yield ")).findFirst().orElseThrow();
        String[] cols = yield.strip().split("\\s{2,}");
        assertEquals(4, cols.length, yield);
        assertTrue(Double.parseDouble(cols[3].replace("%", "")) < 0, "out-of-window lamination lowers yield: " + yield);
        int header = lines.indexOf(lines.stream().filter(l -> l.strip().startsWith("year")).findFirst().orElseThrow());
        for (int y = 1; y <= 3; y++) {
            String[] row = lines.get(header + y).strip().split("\\s+");
            assertEquals(String.valueOf(y), row[0]);
            assertTrue(Double.parseDouble(row[4]) < Double.parseDouble(row[3]), "hotter: lower p50 in year " + y);
            assertEquals(lines.get(header).length(), lines.get(header + y).length(), "aligned columns");
        }
        JsonNode json = Json.MAPPER.readTree(out.resolve("result.json").toFile());
        assertEquals(3, json.get("fleet").get("years").size());
        assertTrue(Files.readString(out.resolve("result.csv")).startsWith("section,metric,year,baseline,scenario,delta"));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(Files.readAllBytes(out.resolve("chart.png")), 4));
    }

    @Test
    void aBadFieldIsNamedAndExitsWith2() throws Exception {
        Path file = dir.resolve("bad.conf");
        Files.writeString(file, "scenario { seed = 1, fleet { targetSoc = 1.7 }, plant { shiftPattern = \"always\" } }");
        CommandRun r = run("what-if", "--scenario", file.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("fleet.targetSoc") && r.err().contains("plant.shiftPattern"), r.err());
        CommandRun b = run("what-if", "--bundled", "no-such-scenario");
        assertEquals(2, b.code());
        assertTrue(b.err().contains("bundled must be one of"), b.err());
        CommandRun h = run("what-if", "--bundled", "dry-room-excursion", "--horizon-years", "99");
        assertEquals(2, h.code());
        assertTrue(h.err().contains("horizonYears"), h.err());
    }
}
