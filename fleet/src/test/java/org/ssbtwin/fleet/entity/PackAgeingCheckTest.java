package org.ssbtwin.fleet.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ssbtwin.core.Rejection;
import org.ssbtwin.fleet.ageing.DailyTelemetry;
import org.ssbtwin.core.id.CellId;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.core.id.VehicleId;
import org.ssbtwin.fleet.pack.Pack;
import org.ssbtwin.fleet.pack.PackEvent;
import org.ssbtwin.fleet.pack.TelemetryRecord;
import org.ssbtwin.core.quality.ManufacturingFactors;

/** The cheap first phase of a multi-pack telemetry batch refuses exactly what the full ingest refuses. */
class PackAgeingCheckTest {
    private static final PackAgeing AGEING = PackAgeing.standard();
    private static final Instant T0 = Instant.parse("2029-03-01T00:00:00Z");
    private static final LocalDate D0 = LocalDate.of(2029, 3, 1);

    private static Pack installedPack() {
        PackId id = PackId.of("P-DK1-000001");
        List<CellId> cells = new ArrayList<>();
        for (int i = 0; i < 8; i++) cells.add(CellId.of(String.format("C-DK1-%08d", i + 1)));
        Pack p = Pack.unknown(id)
                .apply(new PackEvent.Assembled(id, "VF8", cells, Collections.nCopies(8, ManufacturingFactors.NOMINAL), 87.7, T0));
        return p.apply(new PackEvent.Installed(VehicleId.of("VF8-000001"), "LILLE_DUNKIRK", "COMMUTER", T0));
    }

    private static TelemetryRecord day(String id, int d) {
        return new TelemetryRecord(id, new DailyTelemetry(D0.plusDays(d), 40, 9.6, Double.NaN, 0.3, 0.8, 20, 0, Double.NaN));
    }

    @Test
    void checkRefusesExactlyWhatIngestRefuses() {
        SplittableRandom random = new SplittableRandom(7);
        int refused = 0;
        int accepted = 0;
        for (int round = 0; round < 300; round++) {
            Pack pack = installedPack();
            // some history first, so that "last recorded day" and record ids already seen matter
            int history = random.nextInt(0, 6);
            List<TelemetryRecord> first = new ArrayList<>();
            for (int d = 0; d < history; d++) first.add(day("h-" + d, d * 2));
            for (PackEvent e : AGEING.ingest(pack, first, T0).events()) pack = pack.apply(e);
            // then a random batch: days around the history, some ids repeated or already seen
            List<TelemetryRecord> batch = new ArrayList<>();
            int n = random.nextInt(1, 6);
            for (int i = 0; i < n; i++) {
                String id = random.nextInt(4) == 0 && history > 0 ? "h-" + random.nextInt(history) : "b-" + random.nextInt(8);
                batch.add(day(id, random.nextInt(-2, 16)));
            }
            Rejection full = AGEING.ingest(pack, batch, T0).rejection();
            Rejection cheap = AGEING.check(pack, batch);
            assertEquals(full, cheap, "round " + round + ": " + batch);
            if (full == null) accepted++;
            else refused++;
        }
        assertTrue(refused > 20 && accepted > 20, "both outcomes were exercised: refused " + refused + ", accepted " + accepted);
    }

    @Test
    void aPackNotInServiceIsRefusedByBoth() {
        PackId id = PackId.of("P-DK1-000002");
        Pack assembled = Pack.unknown(id).apply(new PackEvent.Assembled(id, "VF3", List.of(CellId.of("C-DK1-00000009")),
                List.of(ManufacturingFactors.NOMINAL), 18.6, T0));
        Rejection cheap = AGEING.check(assembled, List.of(day("x", 1)));
        assertNotNull(cheap);
        assertEquals(AGEING.ingest(assembled, List.of(day("x", 1)), T0).rejection(), cheap);
        assertNull(AGEING.check(installedPack(), List.of(day("x", 1))));
    }

    @Test
    void theWindowDecidesOnlyForRecordsOfAlreadyRecordedDays() {
        Pack pack = installedPack();
        List<TelemetryRecord> first = new ArrayList<>();
        for (int d = 0; d < 20; d++) first.add(day("rec-" + d, d));
        for (PackEvent e : AGEING.ingest(pack, first, T0).events()) pack = pack.apply(e);

        // a retry of an applied record: acknowledged as a duplicate, nothing written
        PackAgeing.Outcome retry = AGEING.ingest(pack, List.of(day("rec-19", 19), day("rec-4", 4)), T0);
        assertNull(retry.rejection());
        assertEquals(2, retry.duplicates());
        assertTrue(retry.events().isEmpty());
        // a different record for a recorded day: refused with a conflict, by the check phase as well
        PackAgeing.Outcome conflicting = AGEING.ingest(pack, List.of(day("other", 19)), T0);
        assertNotNull(conflicting.rejection());
        assertEquals(conflicting.rejection(), AGEING.check(pack, List.of(day("other", 19))));
        // a record for a new day is new, whatever its id: the window is never asked, so it is never dropped
        PackAgeing.Outcome reused = AGEING.ingest(pack, List.of(day("rec-5", 20)), T0);
        assertNull(reused.rejection());
        assertEquals(0, reused.duplicates());
        assertEquals(1, reused.events().size());
        // the same through the event path: a usage event for a later period is not "already recorded"
        PackEvent.UsageRecorded later = (PackEvent.UsageRecorded) reused.events().get(0);
        assertTrue(!pack.alreadyRecorded(later));
        Pack after = pack.apply(later);
        assertTrue(after.alreadyRecorded(later), "and once applied, its retry is");
    }
}
