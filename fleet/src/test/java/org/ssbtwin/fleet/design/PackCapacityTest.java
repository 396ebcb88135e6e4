package org.ssbtwin.fleet.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.core.quality.ManufacturingFactors;
import org.ssbtwin.core.quality.SeriesCellProfile;
import org.ssbtwin.fleet.ageing.DailyTelemetry;
import org.ssbtwin.fleet.ageing.PackAgeingState;
import org.ssbtwin.fleet.ageing.SsbAgeingModel;
import org.ssbtwin.fleet.ageing.WarrantyTerms;

/** Pack capacity follows the architecture: parallel cells add, the weakest series element limits. */
class PackCapacityTest {
    private static final DesignCatalogue D = DesignCatalogue.bundled();
    private static final PackArchitecture VF7 = D.architecture("VF7").orElseThrow(); // 48s4p

    @Test
    void oneWeakCellCostsItsOwnShortfallOnlyThroughItsSeriesElement() {
        double[] cells = new double[VF7.cells()];
        Arrays.fill(cells, 53.0);
        assertEquals(4 * 53.0, VF7.capacityAh(cells), 1e-9);
        assertEquals(75.2, VF7.energyKWh(cells), 0.2);
        cells[4 * 17 + 2] = 40.0; // one weak cell in series element 17
        assertEquals(3 * 53.0 + 40.0, VF7.capacityAh(cells), 1e-9, "the weak element = its 4 cells, and it limits the pack");
        assertEquals((3 * 53.0 + 40.0) * 48 * 7.4 / 1000, VF7.energyKWh(cells), 1e-9);
        // the same weak cell in a 48s1p pack (VF 3) limits the whole pack to its own 40 Ah
        PackArchitecture vf3 = D.architecture("VF3").orElseThrow();
        double[] small = new double[vf3.cells()];
        Arrays.fill(small, 53.0);
        small[17] = 40.0;
        assertEquals(40.0, vf3.capacityAh(small), 1e-9);
        // a strong cell cannot lift another element: the weakest element still limits
        cells[0] = 60.0;
        assertEquals(3 * 53.0 + 40.0, VF7.capacityAh(cells), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> VF7.capacityAh(new double[10]));
    }

    @Test
    void parallelCellsDiluteAWeakCellInTheAgeingModel() {
        ManufacturingFactors weak = new ManufacturingFactors(1.4, 3.0, 0.0, 127, -33);
        LocalDate start = LocalDate.of(2029, 3, 1);
        // 48s4p with one weak cell: the ageing model sees 48 series elements, the weak one = 1 weak + 3 nominal cells
        List<ManufacturingFactors> cells = new ArrayList<>(Collections.nCopies(VF7.cells(), ManufacturingFactors.NOMINAL));
        cells.set(4 * 17 + 2, weak);
        List<ManufacturingFactors> elements = VF7.seriesElements(cells);
        assertEquals(48, elements.size());
        assertEquals(4 / (3 + 1 / 1.4), elements.get(17).interfaceResistanceFactor(), 1e-12, "parallel resistances");
        assertEquals(0.75, elements.get(17).moistureExposure(), 1e-12);
        assertEquals(ManufacturingFactors.NOMINAL, elements.get(16));
        PackAgeingState parallel = PackAgeingState.create(PackId.of("P-DK1-000101"), VF7.packDesign(), SeriesCellProfile.of(elements),
                start, WarrantyTerms.STANDARD, SsbAgeingModel.DEFAULT);
        // the same weak cell as a whole series element (no parallel partners)
        List<ManufacturingFactors> alone = new ArrayList<>(Collections.nCopies(48, ManufacturingFactors.NOMINAL));
        alone.set(17, weak);
        PackAgeingState series = PackAgeingState.create(PackId.of("P-DK1-000102"), VF7.packDesign(), SeriesCellProfile.of(alone),
                start, WarrantyTerms.STANDARD, SsbAgeingModel.DEFAULT);
        PackAgeingState nominal = PackAgeingState.nominal(PackId.of("P-DK1-000103"), VF7.packDesign(), start);
        for (int i = 0; i < 365; i++) {
            DailyTelemetry day = new DailyTelemetry(start.plusDays(i), 120, 20, Double.NaN, 0.2, 0.8, 30, 33, Double.NaN);
            parallel.advance(day);
            series.advance(day);
            nominal.advance(day);
        }
        assertTrue(series.capacitySoh() < parallel.capacitySoh(), series.capacitySoh() + " vs " + parallel.capacitySoh());
        assertTrue(parallel.capacitySoh() < nominal.capacitySoh(), parallel.capacitySoh() + " vs " + nominal.capacitySoh());
    }
}
