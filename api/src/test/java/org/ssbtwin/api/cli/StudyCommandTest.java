package org.ssbtwin.api.cli;

import static org.ssbtwin.api.cli.CommandRun.run;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssbtwin.api.http.Json;
import org.ssbtwin.fleet.study.FleetStudyResult;

class StudyCommandTest {
    @TempDir
    Path dir;

    @Test
    void smallStudyPrintsTheTableAndWritesJsonCsvAndPng() throws Exception {
        Path out = dir.resolve("vn");
        CommandRun r = run("study", "--fleet", "vinfast-vn", "--packs", "200", "--years", "3", "--seed", "7",
                "--threads", "2", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).contains("200 packs x 3 years, seed 7"), lines.get(0));
        int header = lines.indexOf(org.ssbtwin.api.study.StudySummary.HEADER);
        assertTrue(header > 0, r.out());
        for (int y = 1; y <= 3; y++) {
            String row = lines.get(header + y).strip();
            assertTrue(row.startsWith(y + " "), row);
            double p50 = Double.parseDouble(row.split("\\s+")[2]);
            assertTrue(p50 > 0.8 && p50 <= 1.05, "fleet SoH p50 in year " + y + ": " + p50);
        }

        byte[] png = Files.readAllBytes(out.resolve("soh.png"));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, Arrays.copyOf(png, 8));
        assertTrue(png.length > 5_000, "a drawn chart, not an empty image: " + png.length + " bytes");

        List<String> csv = Files.readAllLines(out.resolve("result.csv"), StandardCharsets.UTF_8);
        assertEquals("dimension,cohort,year,packs,alive,soh_p5,soh_p50,soh_p95,resistance_p5,resistance_p50,"
                + "resistance_p95,share_below_80,share_below_70,failed_share,warranty_claim_share,mean_efc,mean_km,retired_share", csv.get(0));
        assertTrue(csv.get(1).startsWith("ALL,ALL,1,200,"), csv.get(1));

        JsonNode json = Json.MAPPER.readTree(out.resolve("result.json").toFile());
        assertEquals(200, json.get("packs").asInt());
        assertEquals(3, json.get("years").asInt());
        assertEquals(7, json.get("seed").asLong());
        assertEquals(200L * 3 * 365, json.get("packDays").asLong());
        FleetStudyResult parsed = Json.MAPPER.treeToValue(json, FleetStudyResult.class);
        assertEquals(csv.size() - 1, parsed.rows().size());
        assertTrue(parsed.find("CLIMATE", "HO_CHI_MINH_CITY", 3).isPresent(), "the Vietnamese fleet has HCMC packs");
        assertEquals(parsed.fleet(3).sohP50(), Double.parseDouble(lines.get(header + 3).strip().split("\\s+")[2]), 0.0005);
    }

    @Test
    void aFleetFileWorksAndTheSameSeedGivesTheSameCsv() throws Exception {
        Path conf = dir.resolve("mini.conf");
        Files.writeString(conf, """
                fleet {
                  packs = 120
                  years = 2
                  start-date = "2030-01-01"
                  mix {
                    vehicle-models { VF8 = 1.0 }
                    climates { OSLO = 0.5, HANOI = 0.5 }
                    archetypes { COMMUTER = 1.0 }
                    charging-habits { HOME_AC = 1.0 }
                  }
                }
                """);
        CommandRun a = run("study", "--fleet", conf.toString(), "--seed", "3", "--threads", "1", "--out", dir.resolve("a").toString());
        CommandRun b = run("study", "--fleet", conf.toString(), "--seed", "3", "--threads", "2", "--out", dir.resolve("b").toString());
        assertEquals(0, a.code(), a.err());
        assertEquals(0, b.code(), b.err());
        // the first line names the chemistry the fleet is aged with (issue 16)
        assertTrue(a.out().contains("fleet mini (ssb): 120 packs x 2 years"), a.out());
        CommandRun li = run("study", "--fleet", conf.toString(), "--seed", "3", "--threads", "1", "--chemistry",
                "li-ion-reference", "--out", dir.resolve("li").toString());
        assertEquals(0, li.code(), li.err());
        assertTrue(li.out().contains("fleet mini (li-ion-reference): 120 packs x 2 years"), li.out());
        assertNotEquals(Files.readString(dir.resolve("li/result.csv")), Files.readString(dir.resolve("a/result.csv")),
                "the Li-ion reference ages the same fleet differently");
        CommandRun bad = run("study", "--fleet", conf.toString(), "--seed", "3", "--chemistry", "nmc811");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--chemistry: chemistry must be one of li-ion-reference, ssb"), bad.err());
        String csv = Files.readString(dir.resolve("a/result.csv"));
        assertEquals(csv, Files.readString(dir.resolve("b/result.csv")));
        assertTrue(csv.contains("CLIMATE,OSLO,2,"), csv);
    }

    @Test
    void badOptionsExitWithCode2AndNameTheOption() throws Exception {
        CommandRun packs = run("study", "--fleet", "europe", "--packs", "0", "--years", "3", "--seed", "1", "--out", dir.toString());
        assertEquals(2, packs.code());
        assertTrue(packs.err().contains("--packs: must be within [1, 5000000], was 0"), packs.err());

        CommandRun years = run("study", "--fleet", "europe", "--packs", "10", "--years", "41", "--seed", "1");
        assertEquals(2, years.code());
        assertTrue(years.err().contains("--years: must be within [1, 40], was 41"), years.err());

        CommandRun threads = run("study", "--fleet", "europe", "--packs", "10", "--years", "1", "--seed", "1", "--threads", "0");
        assertEquals(2, threads.code());
        assertTrue(threads.err().contains("--threads"), threads.err());

        CommandRun seed = run("study", "--fleet", "europe", "--packs", "10", "--years", "1");
        assertEquals(2, seed.code());
        assertTrue(seed.err().contains("--seed"), seed.err());

        CommandRun notNumber = run("study", "--fleet", "europe", "--packs", "many", "--seed", "1");
        assertEquals(2, notNumber.code());
        assertTrue(notNumber.err().contains("--packs"), notNumber.err());

        CommandRun unknown = run("study", "--fleet", "mars", "--packs", "10", "--years", "1", "--seed", "1");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("--fleet") && unknown.err().contains("europe, vinfast-vn"), unknown.err());

        Path bad = dir.resolve("bad.conf");
        Files.writeString(bad, """
                fleet {
                  packs = 10
                  years = 2
                  start-date = "2030-01-01"
                  mix {
                    vehicle-models { VF8 = 1.0 }
                    climates { HANOI = 1.4 }
                    archetypes { COMMUTER = 1.0 }
                    charging-habits { SOLAR = 1.0 }
                  }
                }
                """);
        CommandRun file = run("study", "--fleet", bad.toString(), "--seed", "1", "--out", dir.resolve("x").toString());
        assertEquals(2, file.code());
        assertTrue(file.err().contains("--fleet: invalid fleet spec"), file.err());
        assertTrue(file.err().contains("mix.climates.HANOI must be within [0, 1], was 1.4"), file.err());
        assertTrue(file.err().contains("mix.charging-habits.SOLAR is not a known ChargingHabit"), file.err());
        assertFalse(Files.exists(dir.resolve("x")), "nothing is written for a bad spec");
    }
}
