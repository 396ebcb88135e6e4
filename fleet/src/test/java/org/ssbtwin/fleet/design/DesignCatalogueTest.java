package org.ssbtwin.fleet.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ssbtwin.fleet.ageing.PackDesign;
import org.ssbtwin.fleet.usage.VehicleModel;
import org.ssbtwin.plant.cell.CellDesign;

/** The one battery design: cell arithmetic, every bundled pack against its published energy, and the file's validation. */
class DesignCatalogueTest {
    private static final DesignCatalogue D = DesignCatalogue.bundled();

    @Test
    void theCellIsTwoInlaysInSeries() {
        CellDatasheet c = D.cell();
        assertEquals(2, c.inlaysPerCell());
        assertEquals(53.0, c.capacityAh(), 1e-12);
        assertEquals(7.4, c.nominalVoltageV(), 1e-12);
        assertEquals(392.2, c.energyWh(), 1e-9);
        assertEquals(5.0, c.minVoltageV(), 1e-12);
        assertEquals(8.4, c.maxVoltageV(), 1e-12);
        assertNull(c.massKg(), "no source gives the cell mass");
        // the plant's built-in default is the same cell (a plant unit test without the catalogue uses it)
        CellDesign plant = c.plantDesign(CellDesign.DUNKIRK.inlaysPerRoll(), CellDesign.DUNKIRK.cellsPerPack());
        assertEquals(CellDesign.DUNKIRK, plant);
    }

    @Test
    void everyBundledPackIsWithinTwoPercentOfItsPublishedEnergyAt350To450Volts() {
        // id -> {cells, series, parallel, published kWh}; the expected kWh is cells x 53 Ah x 7.4 V
        Map<String, double[]> expected = Map.of(
                "VF3", new double[] {48, 48, 1, 18.64},
                "VF5", new double[] {96, 48, 2, 37.23},
                "VF6", new double[] {150, 50, 3, 59.6},
                "VF7", new double[] {192, 48, 4, 75.3},
                "VF8", new double[] {224, 56, 4, 87.7},
                "VF9", new double[] {236, 59, 4, 92.0},
                "VF9-123", new double[] {312, 52, 6, 123.0});
        assertEquals(expected.keySet(), D.packs().stream().map(PackArchitecture::id).collect(java.util.stream.Collectors.toSet()));
        for (PackArchitecture p : D.packs()) {
            double[] e = expected.get(p.id());
            assertEquals((int) e[0], p.cells(), p.id());
            assertEquals((int) e[1], p.series(), p.id());
            assertEquals((int) e[2], p.parallel(), p.id());
            assertEquals(e[3], p.publishedKWh(), 1e-9, p.id());
            assertEquals(e[0] * 53 * 7.4 / 1000, p.energyKWh(), 1e-9, p.id() + " = sum of its cells");
            assertEquals(e[2] * 53, p.ampHours(), 1e-9, p.id() + ": parallel cells add");
            assertEquals(e[1] * 7.4, p.nominalVoltageV(), 1e-9, p.id() + ": series cells add");
            assertTrue(Math.abs(p.deviationFromPublished()) <= 0.02, p.id() + " off by " + p.deviationFromPublished());
            assertTrue(p.nominalVoltageV() >= 350 && p.nominalVoltageV() <= 450, p.id() + " at " + p.nominalVoltageV() + " V");
        }
    }

    @Test
    void vehicleModelsTakeTheirPackFromTheCatalogue() {
        for (VehicleModel v : VehicleModel.values()) {
            PackArchitecture a = D.architecture(v.name()).orElseThrow();
            assertEquals(v.name(), a.vehicle());
            PackDesign d = v.packDesign();
            assertEquals(a.series(), d.seriesElements(), v + ": one series element per series position");
            assertEquals(7.4, d.nominalCellVoltage(), 1e-12, v + ": element V = cell V");
            assertEquals(a.parallel() * 53.0, d.cellAmpHours(), 1e-9, v + ": element Ah = parallel x cell Ah");
            assertEquals(a.energyKWh(), v.ratedKWh(), 1e-12);
            assertTrue(Math.abs(v.ratedKWh() / v.publishedKWh() - 1) <= 0.02);
        }
        for (PackArchitecture a : D.packs()) {
            VehicleModel.valueOf(a.vehicle()); // every pack goes into a known vehicle model
        }
        assertEquals(56, VehicleModel.VF8.packDesign().seriesElements());
    }

    @Test
    void aBadFileNamesEveryBadField() {
        String text = """
                designs {
                  cell { name = "c", inlaysPerCell = 0, inlayCapacityAh = 53, inlayNominalVoltageV = 3.7,
                         inlayMinVoltageV = 2.5, inlayMaxVoltageV = 4.2, inlayResistanceMilliOhm = 1.2, colour = red }
                  packs = [
                    { id = A, vehicle = VF3, format = CIX, series = 0, parallel = 1, publishedKWh = 18 }
                    { id = B, vehicle = VF3, format = CIP, series = 48, parallel = 1.5, publishedKWh = -1 }
                  ]
                }""";
        var e = assertThrows(DesignCatalogue.InvalidDesignsException.class, () -> DesignCatalogue.parse(text, "test"));
        for (String expected : new String[] {"designs.cell.inlaysPerCell must be within [1, 64], was 0",
                "designs.cell.colour is not a known field", "designs.packs[0].format must be one of [CIM, CIP], was \"CIX\"",
                "designs.packs[0].series must be within [1, 1000], was 0",
                "designs.packs[1].parallel must be a whole number, was 1.5", "designs.packs[1].publishedKWh must be > 0, was -1"}) {
            assertTrue(e.problems().stream().anyMatch(p -> p.contains(expected)), expected + " not in " + e.problems());
        }
        var dup = assertThrows(DesignCatalogue.InvalidDesignsException.class, () -> DesignCatalogue.parse("""
                designs {
                  cell { name = "c", inlaysPerCell = 2, inlayCapacityAh = 53, inlayNominalVoltageV = 3.7,
                         inlayMinVoltageV = 4.0, inlayMaxVoltageV = 4.2, inlayResistanceMilliOhm = 1.2 }
                  packs = [ { id = A, vehicle = VF3, format = CIP, series = 48, parallel = 1, publishedKWh = 18 } ]
                }""", "test"));
        assertTrue(dup.problems().get(0).startsWith("designs.cell.inlayNominalVoltageV must lie between"), dup.problems().toString());
        assertThrows(DesignCatalogue.InvalidDesignsException.class, () -> DesignCatalogue.parse("designs { cell = 1", "test"));
    }
}
