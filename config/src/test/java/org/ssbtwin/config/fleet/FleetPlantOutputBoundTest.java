package org.ssbtwin.config.fleet;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ssbtwin.config.plant.PlantLayoutLoader;
import org.ssbtwin.fleet.usage.FleetSpec;
import org.ssbtwin.fleet.usage.VehicleModel;
import org.ssbtwin.plant.layout.PlantLayout;
import org.ssbtwin.plant.sim.RampYear;

/**
 * Packs enter service only from cells the plant made (issue 15): the bundled vinfast-vn fleet's cell energy produced
 * by the end of each calendar year is at most the Dunkirk plant's cumulative output by then, as the plant's ramp
 * simulation (the bundled layout, seed 42, the plant-ramp table) gives it.
 */
class FleetPlantOutputBoundTest {

    @Test
    void vinfastFleetNeverHoldsMoreCellEnergyThanThePlantHasMade() {
        FleetSpec fleet = FleetSpecLoader.loadResource(FleetSpecLoader.VINFAST_VN);
        PlantLayout plant = PlantLayoutLoader.loadResource(PlantLayoutLoader.DUNKIRK);
        LocalDate sop = LocalDate.ofInstant(plant.rampUp().sop(), java.time.ZoneOffset.UTC);
        assertFalse(fleet.productionStart().isBefore(sop), "no pack before the plant's SOP " + sop);

        double meanPackKwh = 0;
        for (Map.Entry<VehicleModel, Double> e : fleet.mix().vehicleModels().entrySet()) {
            meanPackKwh += e.getValue() * e.getKey().ratedKWh();
        }
        double fleetKwh = fleet.packs() * meanPackKwh;
        long windowDays = ChronoUnit.DAYS.between(fleet.productionStart(), fleet.productionEnd()) + 1;

        List<RampYear> years = RampYear.simulate(plant, 42, fleet.productionEnd().getYear());
        double plantKwh = 0;
        for (RampYear y : years) {
            plantKwh += y.gwh() * 1e6;
            LocalDate yearEnd = LocalDate.of(y.year(), 12, 31);
            long producedDays = Math.max(0, Math.min(windowDays, ChronoUnit.DAYS.between(fleet.productionStart(), yearEnd) + 1));
            // production dates are uniform over the window; the 0.5 % margin covers the sampling noise of 100,000 packs
            double fleetByYearEnd = fleetKwh * producedDays / windowDays * 1.005;
            assertTrue(fleetByYearEnd <= plantKwh, String.format(java.util.Locale.ROOT,
                    "%d: fleet packs hold %.3f GWh of cells, the plant has made %.3f GWh", y.year(), fleetByYearEnd / 1e6, plantKwh / 1e6));
        }
        assertTrue(fleetKwh > 0.5 * plantKwh, "the bound is not trivial: fleet " + fleetKwh / 1e6 + " GWh, plant " + plantKwh / 1e6 + " GWh");
    }
}
