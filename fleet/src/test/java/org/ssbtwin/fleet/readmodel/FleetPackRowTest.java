package org.ssbtwin.fleet.readmodel;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ssbtwin.core.id.CellId;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.core.id.VehicleId;
import org.ssbtwin.fleet.pack.PackEvent;
import org.ssbtwin.fleet.pack.PackStatus;
import org.ssbtwin.core.quality.ManufacturingFactors;

class FleetPackRowTest {
    static final Instant T0 = Instant.parse("2028-01-03T06:00:00Z");

    static PackEvent.UsageRecorded usage(String id, Instant end, double soh, double km) {
        return new PackEvent.UsageRecorded(id, "telemetry", end.minusSeconds(86400), end, km, km * 0.2, 0.5, 25, 0.1, soh, 1.02, null, null, end);
    }

    @Test
    void foldsAssemblyInstallationAndUse() {
        List<CellId> cells = List.of(CellId.of("C-DK1-00000001"), CellId.of("C-DK1-00000002"));
        var hot = new ManufacturingFactors(1.1, 0, 0, 127.0, -45);
        var warm = new ManufacturingFactors(1.0, 0, 0, 124.0, -45);
        FleetPackRow row = FleetPackRow.empty("P-DK1-000001")
                .apply(new PackEvent.Assembled(PackId.of("P-DK1-000001"), "VF8", cells, List.of(hot, warm), 87.7, T0), 1)
                .apply(new PackEvent.Installed(VehicleId.of("VF8-000001"), "HOT", "COMMUTER", T0.plusSeconds(3600)), 2)
                .apply(usage("r1", Instant.parse("2028-02-01T00:00:00Z"), 0.99, 40), 3)
                .apply(usage("r2", Instant.parse("2028-02-02T00:00:00Z"), 0.985, 60), 4);
        assertEquals("VF8", row.vehicleModel());
        assertEquals("VF8-000001", row.vehicleId());
        assertEquals("HOT", row.climate());
        assertEquals("COMMUTER", row.archetype());
        assertEquals(PackStatus.IN_SERVICE, row.status());
        assertEquals("2028-W01", row.productionWeek());
        assertEquals("125-130", row.laminationBand(), "mean 125.5 degC");
        assertEquals(2, row.cellCount());
        assertEquals(0.985, row.sohCapacity(), 0.0);
        assertEquals(100, row.km(), 1e-12);
        assertEquals(1.0, row.efc(), 1e-12);
        assertEquals(2, row.usageRecords());
        assertEquals(4, row.events());
        assertEquals(4, row.lastSeqNr());
        assertEquals(Instant.parse("2028-02-02T00:00:00Z"), row.updatedAt());
    }

    @Test
    void replayedSequenceNumbersAreIgnored() {
        FleetPackRow row = FleetPackRow.empty("P-1").apply(usage("r1", T0, 0.99, 40), 1);
        assertSame(row, row.apply(usage("r1", T0, 0.99, 40), 1), "same event again");
        assertSame(row, row.apply(usage("r0", T0, 0.5, 40), 0), "older event");
        assertEquals(1, row.events());
        assertEquals(40, row.km(), 0.0);
    }

    @Test
    void cohortKeys() {
        assertEquals("2028-W51", FleetPackRow.productionWeek(Instant.parse("2028-12-24T12:00:00Z")), "Sunday: week of Mon 18 Dec");
        assertEquals("2026-W53", FleetPackRow.productionWeek(Instant.parse("2027-01-01T12:00:00Z")), "ISO week-based year");
        assertEquals("unknown", FleetPackRow.laminationBand(List.of()));
        assertEquals("120-125", FleetPackRow.laminationBand(Collections.nCopies(3, ManufacturingFactors.NOMINAL)));
        assertEquals("115-120", FleetPackRow.laminationBand(List.of(new ManufacturingFactors(1, 0, 0, 118.3, -45))));
        assertEquals(CohortDimension.LAMINATION_BAND, CohortDimension.fromParameter("laminationBand").orElseThrow());
        assertTrue(CohortDimension.fromParameter("LaminationBand").isEmpty());
        assertEquals("2031-01", Period.monthOf(Instant.parse("2031-01-31T23:59:59Z")));
        assertEquals("2031", Period.YEAR.bucketOfMonth("2031-07"));
    }
}
