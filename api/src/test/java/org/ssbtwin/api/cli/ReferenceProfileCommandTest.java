package org.ssbtwin.api.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.ssbtwin.api.TwinMain;
import picocli.CommandLine;

class ReferenceProfileCommandTest {
    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        CommandLine cli = new CommandLine(new TwinMain());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void printsTheCsvEveryHalfYearTo15Years() {
        Run r = run("reference-profile", "--model", "nmc111-gr-kokam75ah", "--profile", "p1");
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
        Run r = run("reference-profile", "--model", "nmc811-grsi-lgm50", "--profile", "p4", "--years", "2");
        assertEquals(0, r.code(), r.err());
        assertEquals("t_years,efc,q", r.out().lines().findFirst().orElseThrow());
        assertEquals(6, r.out().strip().split("\n").length);
    }

    @Test
    void badArgumentsNameTheOption() {
        Run model = run("reference-profile", "--model", "lead-acid", "--profile", "p1");
        assertEquals(2, model.code());
        assertTrue(model.err().contains("--model: unknown model 'lead-acid'"), model.err());
        Run profile = run("reference-profile", "--model", "nmc111-gr-kokam75ah", "--profile", "p9");
        assertEquals(2, profile.code());
        assertTrue(profile.err().contains("--profile"), profile.err());
        Run years = run("reference-profile", "--model", "nmc111-gr-kokam75ah", "--profile", "p1", "--years", "-3");
        assertEquals(2, years.code());
        assertTrue(years.err().contains("--years"), years.err());
    }
}
