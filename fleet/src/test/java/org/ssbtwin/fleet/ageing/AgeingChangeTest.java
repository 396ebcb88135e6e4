package org.ssbtwin.fleet.ageing;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.ssbtwin.core.id.PackId;

/**
 * The change a usage event carries rebuilds the pack's ageing state exactly: batches of one day to a few months,
 * with parked gaps across month and year ends, each restored from the previous state as the live twin does.
 */
class AgeingChangeTest {
    private static final PackDesign VF8 = new PackDesign(87.7, 112, 3.7);
    private static final LocalDate START = LocalDate.of(2028, 1, 20);

    private static DailyTelemetry day(LocalDate date, Random r) {
        double km = 20 + r.nextInt(200);
        return new DailyTelemetry(date, km, km * 0.19, Double.NaN, 0.2, 0.2 + 0.6 * r.nextDouble(), 10 + r.nextInt(25),
                r.nextInt(4) == 0 ? km * 0.1 : 0, Double.NaN);
    }

    @Test
    void foldingTheChangesOfThreeYearsOfBatchesGivesTheLiveStateBitForBit() {
        Random r = new Random(7);
        PackId id = PackId.of("P-DK1-000042");
        AgeingSnapshot folded = null; // what replaying the events gives
        LocalDate next = START;
        int batches = 0;
        int oneMonthChanges = 0;
        while (next.isBefore(START.plusYears(3))) {
            PackAgeingState live = PackAgeingState.nominal(id, VF8, START);
            if (folded != null) live.restore(folded);
            int days = r.nextInt(10) == 0 ? 30 + r.nextInt(70) : 1 + r.nextInt(3);
            for (int d = 0; d < days; d++) {
                // one day in five parked (no telemetry: aged as a parked day, as PackAgeing does)
                live.advance(r.nextInt(5) == 0 ? new DailyTelemetry(next, 0, 0, 0, 0.6, 0.6, 15, 0, Double.NaN) : day(next, r));
                next = next.plusDays(1);
            }
            AgeingChange change = live.changeSinceRestore();
            AgeingSnapshot after = live.snapshot();
            folded = change.applyTo(folded);
            assertEquals(after, folded, "batch " + batches + " ending " + next);
            assertTrue(change.months().size() <= Math.min(12, days), change.months().toString());
            if (change.months().size() == 1) oneMonthChanges++;
            batches++;
        }
        assertTrue(batches > 100, "batches " + batches);
        assertTrue(oneMonthChanges > batches / 2, "most short batches change one month: " + oneMonthChanges + " of " + batches);
    }

    @Test
    void aDayCarriesOneMonthOfSumsAndTheChangeIsSmallerThanTheSnapshotInJson() throws Exception {
        PackAgeingState live = PackAgeingState.nominal(PackId.of("P-DK1-000043"), VF8, START);
        Random r = new Random(3);
        LocalDate d = START;
        for (int i = 0; i < 400; i++, d = d.plusDays(1)) live.advance(day(d, r));
        AgeingSnapshot before = live.snapshot();
        live.restore(before);
        assertEquals(List.of(), live.changeSinceRestore().months(), "nothing changed since the restore");
        live.advance(day(d, r));
        AgeingChange change = live.changeSinceRestore();
        assertEquals(List.of(d.getMonthValue() - 1), change.months());
        assertEquals(AgeingChange.SUMS_PER_MONTH, change.monthSums().size());
        assertEquals(live.snapshot(), change.applyTo(before));

        ObjectMapper json = new ObjectMapper();
        String changeJson = json.writeValueAsString(change);
        String snapshotJson = json.writeValueAsString(live.snapshot());
        assertEquals(change, json.readValue(changeJson, AgeingChange.class), "round trip");
        assertTrue(changeJson.length() * 2 < snapshotJson.length(), changeJson.length() + " vs " + snapshotJson.length());
    }

    @Test
    void malformedChangesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new AgeingChange(0, 0, 0, 1, 0, 0, 0, 0, 1, 1, 0, false,
                List.of(3, 2), java.util.Collections.nCopies(18, 0.0)), "months out of order");
        assertThrows(IllegalArgumentException.class, () -> new AgeingChange(0, 0, 0, 1, 0, 0, 0, 0, 1, 1, 0, false,
                List.of(12), java.util.Collections.nCopies(9, 0.0)), "month 12");
        assertThrows(IllegalArgumentException.class, () -> new AgeingChange(0, 0, 0, 1, 0, 0, 0, 0, 1, 1, 0, false,
                List.of(1), java.util.Collections.nCopies(8, 0.0)), "8 sums for a month");
    }
}
