package org.ssbtwin.fleet.ageing;
import org.ssbtwin.core.quality.*;

import static org.junit.jupiter.api.Assertions.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ssbtwin.fleet.ageing.DailyTelemetry;
import org.ssbtwin.fleet.ageing.PackAgeingState;
import org.ssbtwin.fleet.ageing.PackCells;
import org.ssbtwin.fleet.ageing.PackDesign;
import org.ssbtwin.fleet.ageing.SsbAgeingModel;
import org.ssbtwin.fleet.ageing.WarrantyTerms;
import org.ssbtwin.core.id.PackId;

/** A pack aged from its cell profile is bit-identical to the same pack aged from every cell's factors. */
class SeriesCellProfileTest {
    private static final PackDesign VF8 = new PackDesign(87.7, 112, 3.7);
    private static final LocalDate START = LocalDate.of(2029, 3, 1);

    static List<ManufacturingFactors> randomCells(long seed, int n, double moistureShare) {
        SplittableRandom r = new SplittableRandom(seed);
        List<ManufacturingFactors> cells = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double moisture = r.nextDouble() < moistureShare ? 2.0 * r.nextDouble() : 0.0;
            cells.add(new ManufacturingFactors(0.95 + 0.3 * r.nextDouble(), moisture,
                    r.nextDouble() < 0.02 ? r.nextDouble() : 0.0, 115 + 10 * r.nextDouble(), -50 + 10 * r.nextDouble()));
        }
        return cells;
    }

    @Test
    void sameCapacityAndResistanceAsEveryCellForAnyStress() {
        SsbAgeingModel model = SsbAgeingModel.DEFAULT;
        for (long seed = 1; seed <= 200; seed++) {
            List<ManufacturingFactors> cells = randomCells(seed, 112, seed % 3 == 0 ? 1.0 : 0.2);
            SeriesCellProfile profile = SeriesCellProfile.of(cells);
            assertTrue(profile.candidates().size() < 30, "a handful of candidates, was " + profile.candidates().size());
            PackCells all = PackCells.of(model, cells);
            PackCells small = PackCells.of(model, profile);
            SplittableRandom r = new SplittableRandom(seed * 7);
            for (int k = 0; k < 200; k++) {
                double qCal = 0.4 * r.nextDouble() * r.nextDouble();
                double qCyc = 0.4 * r.nextDouble() * r.nextDouble();
                assertEquals(Double.doubleToLongBits(all.capacity(qCal, qCyc)), Double.doubleToLongBits(small.capacity(qCal, qCyc)),
                        "seed " + seed + " qCal " + qCal + " qCyc " + qCyc);
                double g = 3 * r.nextDouble();
                assertEquals(Double.doubleToLongBits(all.resistance(g)), Double.doubleToLongBits(small.resistance(g)));
            }
            assertEquals(all.sumSeverity(), small.sumSeverity(), 0.0);
            assertEquals(all.maxSeverity(), small.maxSeverity(), 0.0);
            assertEquals(all.meanLaminationC(), small.meanLaminationC(), 0.0);
            assertEquals(all.meanDewPointC(), small.meanDewPointC(), 0.0);
            assertEquals(112, small.size());
        }
    }

    @Test
    void agedTenYearsFromTheProfileIsBitIdenticalToAgedFromEveryCell() {
        List<ManufacturingFactors> cells = randomCells(42, 112, 0.5);
        PackAgeingState fromCells = PackAgeingState.create(PackId.of("P-TST-000001"), VF8, cells, START, WarrantyTerms.STANDARD, SsbAgeingModel.DEFAULT);
        PackAgeingState fromProfile = PackAgeingState.create(PackId.of("P-TST-000001"), VF8, SeriesCellProfile.of(cells), START,
                WarrantyTerms.STANDARD, SsbAgeingModel.DEFAULT);
        for (int d = 0; d < 3650; d++) {
            DailyTelemetry t = new DailyTelemetry(START.plusDays(d), 60 + d % 170, 15 + d % 40, Double.NaN, 0.2, 0.9,
                    15 + (d % 365) / 20.0, d % 5 == 0 ? 30 : 0, Double.NaN);
            fromCells.advance(t);
            fromProfile.advance(t);
        }
        assertEquals(fromCells.snapshot(), fromProfile.snapshot());
        assertEquals(fromCells.project(), fromProfile.project());
        assertTrue(fromProfile.capacitySoh() < 0.9, "ten hard years leave a mark: " + fromProfile.capacitySoh());
    }

    @Test
    void dominatedCellsAreDroppedAndTheWeakestIsKept() {
        List<ManufacturingFactors> cells = new ArrayList<>(Collections.nCopies(10, ManufacturingFactors.NOMINAL));
        cells.set(3, new ManufacturingFactors(1.3, 0.0, 0.0, 128, -45)); // worst interface
        cells.set(7, new ManufacturingFactors(1.1, 2.0, 0.0, 120, -30)); // worst moisture
        cells.set(8, new ManufacturingFactors(1.05, 1.0, 0.0, 120, -35)); // dominated by cell 7
        SeriesCellProfile p = SeriesCellProfile.of(cells);
        assertArrayEquals(new int[] {3, 7}, p.candidatePositions());
        assertEquals(cells.get(3), p.candidates().get(0));
        assertEquals(10, p.cells());
        assertEquals(1, SeriesCellProfile.nominal(112).candidates().size(), "identical cells: one candidate");
        assertEquals(120.0, SeriesCellProfile.nominal(112).meanLaminationTemperatureC(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> SeriesCellProfile.of(List.of()));
    }
}
