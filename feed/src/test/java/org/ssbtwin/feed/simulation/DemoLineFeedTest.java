package org.ssbtwin.feed.simulation;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ssbtwin.config.fleet.FleetSpecLoader;
import org.ssbtwin.config.plant.PlantLayoutLoader;
import org.ssbtwin.fleet.design.DesignCatalogue;
import org.ssbtwin.fleet.design.PackArchitecture;
import org.ssbtwin.fleet.pack.Pack;
import org.ssbtwin.fleet.pack.PackStatus;
import org.ssbtwin.plant.layout.PlantLayout;

/**
 * The embedded default's demo line (plant/dunkirk-demo.conf) packs real VF 7 packs: 192 cells each, in VF 7 cars
 * only (the mix's other models need other packs), each pack storing its cells' energy; same seed, same history.
 */
class DemoLineFeedTest {
    static final Instant SOP = Instant.parse("2028-01-03T06:00:00Z");

    static SimulatedLifecycleFeed demoFeed(long seed) {
        PlantLayout layout = PlantLayoutLoader.loadResource("plant/dunkirk-demo.conf");
        return new SimulatedLifecycleFeed(layout, FleetSpecLoader.loadResource(FleetSpecLoader.VINFAST_VN).mix(), seed, SOP,
                IdShift.NONE, Set.of(), List.of(), Map.of(), 30, Duration.ofHours(12));
    }

    static SimulatedLifecycleFeedTest.World run(SimulatedLifecycleFeed feed, int days) {
        SimulatedLifecycleFeedTest.World w = new SimulatedLifecycleFeedTest.World();
        for (int day = 1; day <= days; day++) w.apply(feed.advanceTo(SOP.plus(Duration.ofDays(day))));
        return w;
    }

    @Test
    void fourMonthsOfTheDemoLineBuildVf7PacksForVf7Cars() {
        PackArchitecture vf7 = DesignCatalogue.bundled().architecture("VF7").orElseThrow();
        SimulatedLifecycleFeedTest.World w = run(demoFeed(42), 120);

        assertTrue(w.packs.size() >= 2, "a pack every ~38 days, was " + w.packs.size());
        for (Pack p : w.packs.values()) {
            assertEquals(vf7.cells(), p.cells().size(), p.id() + " holds the cells of a VF 7 pack");
            assertEquals("VF7", p.vehicleModel(), p.id() + " goes into the car its pack is made for");
            assertEquals(vf7.energyKWh(), p.nominalCapacityKwh(), 1e-9, "the sum of its cells' energy");
            assertEquals(PackStatus.IN_SERVICE, p.status());
        }
        assertTrue(w.telemetryRecords > 0, "the cars drive");
        assertTrue(Math.abs(vf7.deviationFromPublished()) <= 0.02, "within 2 % of VinFast's published VF 7 energy");
        // every packed cell was made by the line, with its genealogy (the world refuses facts for unknown assets)
        long packed = w.packs.values().stream().mapToLong(p -> p.cells().size()).sum();
        assertTrue(w.cells.size() >= packed, w.cells.size() + " cells for " + packed + " packed");
    }

    @Test
    void sameSeedSameHistory() {
        var a = run(demoFeed(7), 90);
        var b = run(demoFeed(7), 90);
        assertEquals(a.packs.keySet(), b.packs.keySet());
        a.packs.forEach((id, p) -> {
            assertEquals(p.cells(), b.packs.get(id).cells());
            assertEquals(p.vehicleId(), b.packs.get(id).vehicleId());
        });
        assertEquals(a.telemetryRecords, b.telemetryRecords);
    }
}
