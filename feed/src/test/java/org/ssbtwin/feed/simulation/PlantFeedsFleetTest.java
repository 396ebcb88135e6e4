package org.ssbtwin.feed.simulation;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ssbtwin.core.id.CellId;
import org.ssbtwin.fleet.design.DesignCatalogue;
import org.ssbtwin.fleet.pack.Pack;
import org.ssbtwin.fleet.pack.PackStatus;
import org.ssbtwin.plant.cell.Cell;
import org.ssbtwin.plant.cell.CellStatus;
import org.ssbtwin.plant.cell.GenealogyStep;

/**
 * The plant feeds the fleet it claims: every pack in service is built from cells the plant graded and shipped, the
 * shipment (lot, date, destination) sits in each cell's genealogy between end-of-line test and pack assembly, and
 * the fleet never holds more packs than the plant's graded cells can fill.
 */
class PlantFeedsFleetTest {
    static final Instant START = SimulatedLifecycleFeedTest.START;

    @Test
    void everyPackInServiceIsMadeOfShippedPlantCellsAndPlantOutputBoundsTheFleet() {
        SimulatedLifecycleFeed feed = SimulatedLifecycleFeedTest.feed(7);
        SimulatedLifecycleFeedTest.World w = new SimulatedLifecycleFeedTest.World();
        List<Integer> inServiceByWeek = new ArrayList<>();
        for (int hour = 1; hour <= 24 * 21; hour++) {
            w.apply(feed.advanceTo(START.plus(Duration.ofHours(hour))));
            if (hour % (24 * 7) == 0) {
                long graded = w.cells.values().stream().filter(c -> c.grade() != null).count();
                long inService = w.packs.values().stream().filter(p -> p.status() == PackStatus.IN_SERVICE).count();
                long cellsInPacks = w.packs.values().stream().mapToLong(p -> p.cells().size()).sum();
                // bound: packs in service x cells per pack <= cells the plant graded so far
                assertTrue(cellsInPacks <= graded, "week " + hour / 168 + ": " + cellsInPacks + " cells in packs, " + graded + " graded");
                inServiceByWeek.add((int) inService);
            }
        }
        assertTrue(inServiceByWeek.get(2) > 0, "packs went into service: " + inServiceByWeek);
        double cellKWh = DesignCatalogue.bundled().cell().energyWh() / 1000;
        for (Pack p : w.packs.values()) {
            assertFalse(p.cells().isEmpty());
            assertEquals(p.cells().size() * cellKWh, p.nominalCapacityKwh(), 1e-9, p.id() + ": pack energy = sum of its cells");
            for (CellId id : p.cells()) {
                Cell c = w.cells.get(id);
                assertNotNull(c, p.id() + " holds cell " + id + " that the plant never made");
                assertNotNull(c.grade(), id + " was graded at end of line");
                assertEquals(p.id(), c.packId());
            }
        }
    }

    @Test
    void theGenealogyShowsTheShipmentBetweenEndOfLineTestAndPackAssembly() {
        SimulatedLifecycleFeed feed = SimulatedLifecycleFeedTest.feed(42);
        SimulatedLifecycleFeedTest.World w = new SimulatedLifecycleFeedTest.World();
        for (int hour = 1; hour <= 24 * 10; hour++) w.apply(feed.advanceTo(START.plus(Duration.ofHours(hour))));
        Cell inCar = w.cells.values().stream().filter(c -> c.status() == CellStatus.IN_FIELD).findFirst().orElseThrow();
        List<GenealogyStep> steps = inCar.genealogy().steps();
        List<String> names = steps.stream().map(GenealogyStep::step).toList();
        int eol = names.indexOf("eol-test"), grading = names.indexOf("grading"), shipment = names.indexOf("shipment"),
                pack = names.indexOf("pack-assembly");
        assertTrue(eol >= 0 && eol < grading && grading < shipment && shipment < pack, names.toString());
        GenealogyStep s = steps.get(shipment);
        assertEquals("L-" + inCar.packId().value().substring(2), s.station(), "the lot of the cell's pack");
        assertTrue(s.result().contains("Dunkirk") && s.result().contains("VinFast") && s.result().contains("Vietnam"), s.result());
        assertFalse(s.at().isBefore(steps.get(grading).at()));
        assertFalse(s.at().isAfter(steps.get(pack).at()));
        int lot = s.measurements().get("cellsInLot").intValue();
        Pack p = w.packs.get(inCar.packId());
        assertEquals(p.cells().size(), lot);
        // every cell of that pack travelled in the same lot
        for (CellId id : p.cells()) {
            assertTrue(w.cells.get(id).genealogy().steps().stream().anyMatch(x -> x.step().equals("shipment") && x.station().equals(s.station())), id.value());
        }
        // a cell that was not graded cannot be shipped; a shipped cell cannot be shipped twice
        Cell shipped = w.cells.values().stream().filter(c -> c.status() == CellStatus.PACKED || c.status() == CellStatus.IN_FIELD).findFirst().orElseThrow();
        assertNotNull(shipped.check(ShippingRoute.DUNKIRK_TO_VINFAST_JV.shipped(inCar.packId(), 6, Instant.parse("2030-01-01T00:00:00Z"))));
        assertTrue(Set.of(CellStatus.values()).contains(CellStatus.SHIPPED));
    }
}
