package org.ssbtwin.fleet.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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

/**
 * Issue 19.2: telemetry dates are bounded by the twin's clock and the work of one command is bounded, so a date such
 * as +999999999-12-31 is refused at once instead of ageing a pack day by day for hours (or to SoH 0).
 */
class PackAgeingDateBoundsTest {
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

    private static TelemetryRecord on(String id, LocalDate date) {
        return new TelemetryRecord(id, new DailyTelemetry(date, 40, 9.6, Double.NaN, 0.3, 0.8, 20, 0, Double.NaN));
    }

    @Test
    void aDateFarBeyondTheClockIsRefusedByCheckAndIngestAlike() {
        Pack pack = installedPack();
        for (LocalDate absurd : List.of(LocalDate.MAX, LocalDate.of(9999, 12, 31), D0.plusDays(PackAgeing.MAX_DAYS_AHEAD + 1))) {
            List<TelemetryRecord> batch = List.of(on("r1", absurd));
            Rejection full = AGEING.ingest(pack, batch, T0).rejection();
            assertNotNull(full, absurd.toString());
            assertEquals(Rejection.Kind.INVALID, full.kind());
            assertEquals("date", full.field());
            assertTrue(full.message().contains(PackAgeing.MAX_DAYS_AHEAD + " days after the twin's today"), full.message());
            assertEquals(full, AGEING.check(pack, batch, T0), "the cheap phase refuses it too");
            assertTrue(AGEING.ingest(pack, batch, T0).events().isEmpty());
        }
    }

    @Test
    void theLastDayWithinTheToleranceIsAccepted() {
        PackAgeing.Outcome ok = AGEING.ingest(installedPack(), List.of(on("r1", D0.plusDays(PackAgeing.MAX_DAYS_AHEAD))), T0);
        assertNull(ok.rejection());
        assertEquals(1, ok.events().size());
        assertNull(AGEING.check(installedPack(), List.of(on("r1", D0.plusDays(PackAgeing.MAX_DAYS_AHEAD))), T0));
    }

    @Test
    void oneCommandAgesAtMostTheBoundedNumberOfDays() {
        // the clock is far ahead (a long-running twin): still, one command may not age the pack for more than the bound
        Instant later = T0.plus(Duration.ofDays(40L * 366));
        LocalDate tooFar = D0.minusDays(1).plusDays(PackAgeing.MAX_DAYS_PER_COMMAND + 1L);
        Rejection r = AGEING.ingest(installedPack(), List.of(on("r1", tooFar)), later).rejection();
        assertNotNull(r);
        assertTrue(r.message().contains("at most that many days"), r.message());
        assertEquals(r, AGEING.check(installedPack(), List.of(on("r1", tooFar)), later));
        assertEquals(r, AGEING.check(installedPack(), List.of(on("r1", tooFar))), "bounded even without the clock");
        LocalDate justWithin = D0.minusDays(1).plusDays(PackAgeing.MAX_DAYS_PER_COMMAND);
        assertNull(AGEING.ingest(installedPack(), List.of(on("r1", justWithin)), later).rejection());
    }
}
