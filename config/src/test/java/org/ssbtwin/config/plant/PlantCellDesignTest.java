package org.ssbtwin.config.plant;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.ssbtwin.fleet.design.DesignCatalogue;
import org.ssbtwin.plant.cell.CellDesign;

/** The plant layouts take their cell from designs.conf and their cells per pack from a pack architecture. */
class PlantCellDesignTest {
    private static String text(String name) throws IOException {
        try (InputStream in = PlantCellDesignTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void assertProblem(String hocon, String expected) {
        PlantLayoutException e = assertThrows(PlantLayoutException.class, () -> PlantLayoutLoader.parse(hocon));
        assertTrue(e.problems().stream().anyMatch(p -> p.contains(expected)), "<" + expected + "> not in " + e.problems());
    }

    @Test
    void dunkirkMakesTheDesignedCellAndBatchesOneVf7PackOfIt() {
        CellDesign d = PlantLayoutLoader.loadResource(PlantLayoutLoader.DUNKIRK).cellDesign();
        var cell = DesignCatalogue.bundled().cell();
        var vf7 = DesignCatalogue.bundled().architecture("VF7").orElseThrow();
        assertEquals(cell.inlaysPerCell(), d.inlaysPerCell());
        assertEquals(cell.capacityAh(), d.cellCapacityAh(), 0);
        assertEquals(cell.nominalVoltageV(), d.cellVoltageV(), 1e-12);
        assertEquals(cell.energyWh() / 1000, d.cellEnergyKWh(), 1e-12);
        assertEquals(vf7.cells(), d.cellsPerPack());
        assertEquals(vf7.energyKWh(), d.packEnergyKWh(), 1e-9);
        assertEquals(2000, d.inlaysPerRoll());
        CellDesign small = PlantLayoutLoader.loadResource(PlantLayoutLoader.DUNKIRK_SMALL).cellDesign();
        assertEquals(cell.energyWh() / 1000, small.cellEnergyKWh(), 1e-12);
        assertEquals(6, small.cellsPerPack());
    }

    @Test
    void aLayoutCannotRedefineTheCellOrMisstateThePack() throws IOException {
        String base = text(PlantLayoutLoader.DUNKIRK);
        assertProblem(base.replace("packArchitecture = VF7", "packArchitecture = VF7\n    inlayCapacityAh = 50"),
                "cellDesign.inlayCapacityAh must equal designs.conf cell.inlayCapacityAh 53 (one cell design: change it there), was 50");
        assertProblem(base.replace("packArchitecture = VF7", "packArchitecture = VF4"), "cellDesign.packArchitecture must be a pack id of designs.conf");
        assertProblem(base.replace("packArchitecture = VF7", "packArchitecture = VF7\n    cellsPerPack = 112"),
                "cellDesign.cellsPerPack must equal the VF7 pack's 192 cells (48s4p), was 112");
        assertProblem(base.replace("packArchitecture = VF7", ""), "cellDesign.packArchitecture is required (or cellsPerPack)");
        // the same values as designs.conf are accepted (older layouts that still list the cell load unchanged)
        CellDesign same = PlantLayoutLoader.parse(base.replace("packArchitecture = VF7",
                "packArchitecture = VF8\n    inlaysPerCell = 2, inlayCapacityAh = 53.0, inlayVoltageV = 3.7")).cellDesign();
        assertEquals(224, same.cellsPerPack());
    }
}
