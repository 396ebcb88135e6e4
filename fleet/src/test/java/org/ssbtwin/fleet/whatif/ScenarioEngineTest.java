package org.ssbtwin.fleet.whatif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.ssbtwin.fleet.usage.ChargingHabit;
import org.ssbtwin.fleet.usage.Climate;
import org.ssbtwin.fleet.usage.DriverArchetype;
import org.ssbtwin.fleet.usage.FleetMix;
import org.ssbtwin.fleet.usage.FleetSpec;
import org.ssbtwin.fleet.usage.VehicleModel;
import org.ssbtwin.plant.layout.ReferenceLayouts;

class ScenarioEngineTest {
    static final FleetSpec FLEET = FleetSpec.of(1000, 10, LocalDate.of(2028, 1, 1), new FleetMix(
            Map.of(VehicleModel.VF3, 0.5, VehicleModel.VF8, 0.5),
            Map.of(Climate.HO_CHI_MINH_CITY, 0.5, Climate.LILLE_DUNKIRK, 0.5),
            Map.of(DriverArchetype.COMMUTER, 0.7, DriverArchetype.RIDE_HAILING_TAXI, 0.3),
            Map.of(ChargingHabit.HOME_AC, 0.6, ChargingHabit.MIXED, 0.2, ChargingHabit.DC_HEAVY, 0.2)));
    static final ScenarioBase BASE = ScenarioBase.bundled("test", ReferenceLayouts.dunkirkSmall(), FLEET);
    static final ScenarioEngine.Options ONE = new ScenarioEngine.Options(1, 1, 2);
    static final ScenarioEngine.Options THREE = new ScenarioEngine.Options(3, 1, 2);

    static Scenario scenario(int packs, int years, PlantChanges p, FleetChanges f) {
        return new Scenario("t", "", "bundled:test", years, 42, Population.all(packs), p, f)
                .validate(ScenarioLimits.DEFAULT);
    }

    @Test
    void sameScenarioAndSeedGiveTheSameResultForAnyThreadCount() {
        Scenario s = scenario(150, 3, new PlantChanges(127.0, null, null, null, null, null),
                new FleetChanges(2.0, 0.5, null, null, null));
        ScenarioComparison a = ScenarioEngine.run(s, BASE, ONE);
        ScenarioComparison b = ScenarioEngine.run(s, BASE, ONE);
        ScenarioComparison c = ScenarioEngine.run(s, BASE, THREE);
        assertEquals(a, b);
        assertEquals(a, c);
        assertEquals(a.toCsv(), c.toCsv());
        ScenarioComparison other = ScenarioEngine.run(s.withSeed(43), BASE, ONE);
        assertNotEquals(a.fleet(), other.fleet(), "another seed draws another population");
    }

    @Test
    void aScenarioEqualToTheBaselineGivesExactlyZeroDifference() {
        ScenarioComparison r = ScenarioEngine.run(scenario(120, 3, PlantChanges.NONE, FleetChanges.NONE), BASE, THREE);
        assertEquals(0.0, r.plant().delta().gwhPerYear());
        assertEquals(0.0, r.plant().delta().firstPassYield());
        assertTrue(r.plant().delta().scrapByCause().values().stream().allMatch(v -> v == 0L));
        assertEquals(r.plant().baseline(), r.plant().scenario());
        for (FleetYear y : r.fleet().years()) {
            assertEquals(y.baseline(), y.scenario(), "year " + y.year());
        }
        assertEquals(0.0, r.fleet().warrantyClaims().delta());
        assertEquals(0.0, r.fieldEffect().meanSoh().delta());
        assertTrue(r.fleet().years().get(2).baseline().p50() < 1.0, "packs do age");
    }

    @Test
    void laminationOutsideItsWindowLowersYieldNowAndSohAtYearEight() {
        ScenarioComparison r = ScenarioEngine.run(scenario(80, 8,
                new PlantChanges(134.0, null, null, null, null, null), FleetChanges.NONE), BASE, THREE);
        assertTrue(r.plant().scenario().firstPassYield() < r.plant().baseline().firstPassYield(),
                "yield " + r.plant().baseline().firstPassYield() + " -> " + r.plant().scenario().firstPassYield());
        assertTrue(r.plant().delta().scrapByCause().getOrDefault("DELAMINATION", 0L) > 0, "more delamination scrap");
        FieldEffect f = r.fieldEffect();
        assertEquals(8, f.year());
        assertTrue(f.meanInterfaceResistanceFactor().delta() > 0, "genealogy: higher interface resistance " + f);
        assertTrue(f.meanSoh().delta() < 0, "lower SoH at year 8 " + f);
        assertTrue(f.sohAtYear8().scenario() <= f.sohAtYear8().baseline(), f.toString());
    }

    @Test
    void hotterClimateAndMoreFastChargingAgeTheFleetFaster() {
        ScenarioComparison r = ScenarioEngine.run(scenario(100, 4, PlantChanges.NONE,
                new FleetChanges(5.0, 0.9, null, null, null)), BASE, THREE);
        FleetYear last = r.fleet().years().get(3);
        assertTrue(last.scenario().meanSoh() < last.baseline().meanSoh(), last.toString());
        assertTrue(last.scenario().p50() < last.baseline().p50(), last.toString());
        assertEquals(r.plant().baseline(), r.plant().scenario(), "a fleet-only change leaves the plant alone");
        ScenarioComparison cooler = ScenarioEngine.run(scenario(100, 4, PlantChanges.NONE,
                new FleetChanges(-3.0, null, null, null, null)), BASE, THREE);
        FleetYear c = cooler.fleet().years().get(3);
        assertTrue(c.scenario().meanSoh() > c.baseline().meanSoh(), c.toString());
    }

    @Test
    void plantCapacityChangesMoveOutput() {
        ScenarioComparison r = ScenarioEngine.run(scenario(10, 1,
                new PlantChanges(null, null, null, null, 3.0, "2x8-5d"), FleetChanges.NONE), BASE, THREE);
        assertTrue(r.plant().scenario().gwhPerYear() < r.plant().baseline().gwhPerYear(), r.plant().toString());
    }

    @Test
    void invalidFieldsAreNamed() {
        Scenario bad = new Scenario("x y", "", "somewhere", 99, 1, Population.all(0),
                new PlantChanges(500.0, null, null, 0, null, "3 shifts"), new FleetChanges(null, 1.5, null, null, null));
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class, () -> bad.validate(ScenarioLimits.DEFAULT));
        List<String> fields = e.problems().stream().map(FieldProblem::field).toList();
        assertEquals(List.of("name", "base", "horizonYears", "population.sampleSize", "plant.laminationTemperatureC",
                "plant.stackingUnits", "plant.shiftPattern", "fleet.dcFastChargeShare"), fields);
        assertTrue(e.getMessage().contains("max-horizon-years"), e.getMessage());
    }

    @Test
    void aCancelledRunStops() {
        assertThrows(CancellationException.class, () -> ScenarioEngine.run(scenario(50, 2, PlantChanges.NONE,
                FleetChanges.NONE), BASE, ONE, ScenarioEngine.Progress.NONE, () -> true));
    }
}
