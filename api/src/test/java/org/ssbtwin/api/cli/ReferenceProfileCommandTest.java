package org.ssbtwin.api.cli;

import static org.ssbtwin.api.cli.CommandRun.run;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class ReferenceProfileCommandTest {
    @Test
    void printsTheCsvEveryHalfYearTo15Years() {
        CommandRun r = run("reference-profile", "--model", "nmc111-gr-kokam75ah", "--profile", "p1");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals("t_years,efc,q,r", lines[0]);
        assertEquals(32, lines.length);
        assertTrue(lines[1].startsWith("0.0,0.0,1.0,1.0"));
        assertTrue(lines[31].startsWith("15.0,"));
        double q15 = Double.parseDouble(lines[31].split(",")[2]);
        assertTrue(q15 > 0.5 && q15 < 1.0, "storage at 100 % SOC, 25 degC fades but stays above 0.5: " + q15);
    }

    @Test
    void capacityOnlyModelHasNoResistanceColumn() {
        CommandRun r = run("reference-profile", "--model", "nmc811-grsi-lgm50", "--profile", "p4", "--years", "2");
        assertEquals(0, r.code(), r.err());
        assertEquals("t_years,efc,q", r.out().lines().findFirst().orElseThrow());
        assertEquals(6, r.out().strip().split("\n").length);
    }

    @Test
    void badArgumentsNameTheOption() {
        CommandRun model = run("reference-profile", "--model", "lead-acid", "--profile", "p1");
        assertEquals(2, model.code());
        assertTrue(model.err().contains("--model: unknown model 'lead-acid'"), model.err());
        CommandRun profile = run("reference-profile", "--model", "nmc111-gr-kokam75ah", "--profile", "p9");
        assertEquals(2, profile.code());
        assertTrue(profile.err().contains("--profile"), profile.err());
        CommandRun years = run("reference-profile", "--model", "nmc111-gr-kokam75ah", "--profile", "p1", "--years", "-3");
        assertEquals(2, years.code());
        assertTrue(years.err().contains("--years"), years.err());
    }
}
