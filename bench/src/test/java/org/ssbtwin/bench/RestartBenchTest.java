package org.ssbtwin.bench;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The restart bench at tiny scale: the bulk history is written into the journal tables (every event in it, the fleet
 * read side folded in the same transactions, the projection offsets at the end), and the restarted node becomes ready,
 * answers for a pack recovered from its snapshot and the events after it, and its fleet read side holds every event
 * without folding any again.
 */
class RestartBenchTest {
    @Test
    @Tag("bench")
    @Timeout(600)
    void buildsAHistoryInTheJournalTablesAndRestartsOnIt(@TempDir Path dir) throws Exception {
        StringWriter log = new StringWriter();
        // 4 packs x 130 days: the packs cross a snapshot (seq 100) and recover from it plus the events after
        RestartBench.run(new RestartBench.Options(4, 520, dir, true, true, Duration.ofSeconds(120), 100), new PrintWriter(log, true));
        String text = log.toString();
        System.out.print(text);
        assertTrue(text.contains("build: 520 usage events (payloads"), text);
        assertTrue(text.matches("(?s).*its \\d+ projection offsets moved to the last event.*"), text);
        assertTrue(text.matches("(?s).*ordering scan \\(what events-by-tag queries may read up to\\) reached the journal's end after [0-9.]+ s.*"), text);
        // after ready one more usage event (the read-side probe) must reach the change feed and the fleet projection
        assertTrue(text.matches("(?s).*a usage event of P-BEN-0000002 written after [0-9.]+ s \\(persisted after [0-9.]+ s\\) reached the "
                + "change feed after [0-9.]+ s and the fleet projection \\(fleet_pack\\) after [0-9.]+ s.*"), text);
        assertTrue(text.contains("fleet read side holds 529 of 529 pack events"), text);
        assertTrue(text.contains("for 529 journal rows"), "2 registration events + 130 days per pack + the probe: " + text);
        assertTrue(text.matches("(?s).*GET /packs/P-BEN-0000002/health 200\\).*"), text);
    }

    @Test
    void optionsNameTheFlag() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new RestartBench.Options(0, 10, null, true, true,
                Duration.ZERO, 100)).getMessage().startsWith("--packs"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new RestartBench.Options(10, 5, null, true, true,
                Duration.ZERO, 100)).getMessage().startsWith("--events"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new RestartBench.Options(10, 100, null, false, true,
                Duration.ZERO, 100)).getMessage().startsWith("--data-dir"));
    }
}
