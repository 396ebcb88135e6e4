package org.ssbtwin.api.modelcard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.ssbtwin.api.TwinMain;
import org.ssbtwin.fleet.ageing.LifeModelConstants;
import org.ssbtwin.fleet.modelcard.ModelCard;
import picocli.CommandLine;

/**
 * CI gate of issue 16: {@code twin model-card} runs the self-checking model card over the bundled fleets; any FAIL
 * fails this test (and the command exits 1). The card's table is printed to the test output.
 */
class ModelCardTest {

    @Test
    void theModelCardPassesEveryTargetAndPrintsItsTableAndConstants() {
        CommandLine cli = new CommandLine(new TwinMain());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("model-card", "--threads", "2");
        System.out.println(out);
        List<String> failing = out.toString().lines().filter(l -> l.endsWith("| FAIL")).collect(Collectors.toList());
        assertEquals(List.of(), failing, "model card rows that FAIL");
        assertEquals(0, code, err.toString());
        String text = out.toString();
        for (String group : List.of("BLAST-Lite parity", "Storage 8 yr", "Geotab bands", "Seed claims", "Time law",
                "Latent defects", "Warranty europe (ssb)", "Warranty vinfast-vn (ssb)", "Constants")) {
            assertTrue(text.contains(group), "the card reports " + group);
        }
        assertTrue(text.contains("the model card passes"));
        assertTrue(text.contains(LifeModelConstants.markdownTable()), "the constants table is printed");
    }

    @Test
    void aFailingRowFailsTheCard() {
        ModelCard.Card pass = new ModelCard.Card(List.of(new ModelCard.Row("g", "c", "t", "v", ModelCard.Status.PASS, "s"),
                new ModelCard.Row("g", "c", "t", "v", ModelCard.Status.INFO, "s")), LifeModelConstants.ALL, true);
        assertTrue(pass.table().contains("1 PASS, 1 INFO: the model card passes"), pass.table());
        assertFalse(pass.table().contains("FAIL"), "a passing card names no FAIL, so grep finds failures only");
        ModelCard.Card fail = new ModelCard.Card(List.of(new ModelCard.Row("g", "c", "t", "v", ModelCard.Status.FAIL,
                "s")), LifeModelConstants.ALL, false);
        assertTrue(fail.table().contains("0 PASS, 1 FAIL, 0 INFO: THE MODEL CARD FAILS"), fail.table());
        assertFalse(fail.passed());
    }

    @Test
    void constantsMarkdownIsWhatDocsCarry() throws Exception {
        CommandLine cli = new CommandLine(new TwinMain());
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        assertEquals(0, cli.execute("model-card", "--constants-markdown"));
        assertEquals(LifeModelConstants.markdownTable(), out.toString());
        assertTrue(Files.readString(Path.of("..", "docs", "life-model.md")).contains(out.toString()));
    }
}
