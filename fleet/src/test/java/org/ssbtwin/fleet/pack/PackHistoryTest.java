package org.ssbtwin.fleet.pack;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ssbtwin.core.id.CellId;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.core.id.VehicleId;

/** The weekly SoH history folded from a pack's events. */
class PackHistoryTest {
    @Test
    void onePointAtAssemblyThenOnePerWeekOfUsageWithCumulativeCyclesAndKm() {
        Instant t0 = Instant.parse("2029-03-01T00:00:00Z");
        PackId id = PackId.of("P-DK1-000001");
        List<PackEvent> events = new ArrayList<>();
        events.add(new PackEvent.Assembled(id, "VF8", List.of(CellId.of("C-DK1-00000001")), List.of(), 87.7, t0));
        events.add(new PackEvent.Installed(VehicleId.of("VF8-000001"), "HANOI", "COMMUTER", t0));
        for (int d = 0; d < 21; d++) {
            Instant start = t0.plus(Duration.ofDays(d));
            events.add(new PackEvent.UsageRecorded("r" + d, "telemetry", start, start.plus(Duration.ofDays(1)), 40, 9, 0.1,
                    25, 0, 1.0 - 0.001 * (d + 1), 1.0, null, null, start));
        }
        List<HealthPoint> h = PackHistory.of(events);
        // assembly at t0, then the first usage ending >= 7 days later: days 7, 14, 21
        assertEquals(4, h.size(), h.toString());
        assertEquals(t0, h.get(0).at());
        assertEquals(1.0, h.get(0).stateOfHealth());
        assertEquals(t0.plus(Duration.ofDays(7)), h.get(1).at());
        assertEquals(0.993, h.get(1).stateOfHealth(), 1e-12);
        assertEquals(7 * 40.0, h.get(1).km(), 1e-9);
        assertEquals(21 * 0.1, h.get(3).equivalentFullCycles(), 1e-9);
        assertThrows(UnsupportedOperationException.class, () -> h.add(h.get(0)));
    }
}
