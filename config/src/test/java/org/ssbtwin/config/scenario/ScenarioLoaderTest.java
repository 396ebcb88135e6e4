package org.ssbtwin.config.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ssbtwin.core.config.ConfigException;
import org.ssbtwin.config.ScenarioSettings;
import org.ssbtwin.fleet.usage.Climate;
import org.ssbtwin.fleet.whatif.FieldProblem;
import org.ssbtwin.fleet.whatif.InvalidScenarioException;
import org.ssbtwin.fleet.whatif.Scenario;
import org.ssbtwin.fleet.whatif.ScenarioLimits;

class ScenarioLoaderTest {
    @Test
    void everyBundledScenarioLoadsValidatesAndHasADescription() {
        assertEquals(3, ScenarioLoader.bundled().size());
        for (String name : ScenarioLoader.BUNDLED) {
            Scenario s = ScenarioLoader.loadBundled(name).validate(ScenarioLimits.DEFAULT);
            assertEquals(name, s.name());
            assertFalse(s.description().isBlank(), name);
            assertEquals("vinfast-vn", s.bundledFleet());
            assertNotNull(ScenarioLoader.fleetFor(s));
            assertFalse(s.plant().isEmpty() && s.fleet().isEmpty(), name + " changes something");
        }
        Scenario lam = ScenarioLoader.loadBundled("lamination-window-shift");
        assertEquals(125.0, lam.plant().laminationTemperatureC());
        assertNull(lam.plant().dewPointC());
        assertEquals(0.60, ScenarioLoader.loadBundled("hot-climate-fast-charging").fleet().dcFastChargeShare());
        assertEquals(-33.0, ScenarioLoader.loadBundled("dry-room-excursion").plant().dewPointC());
    }

    @Test
    void aFullScenarioParsesFromJsonWithDefaults() {
        Scenario s = ScenarioLoader.fromObject(ConfigFactory.parseString("""
                {"name": "x", "base": "bundled:europe", "seed": 7,
                 "population": {"sampleSize": 50, "climate": "oslo", "productionFrom": "2028-03-01"},
                 "plant": {"stackingUnits": 3, "shiftPattern": "2x8-5d"}, "fleet": {"targetSoc": 0.8}}"""), null);
        assertEquals(7, s.seed());
        assertEquals(ScenarioLoader.DEFAULT_HORIZON_YEARS, s.horizonYears());
        assertEquals(50, s.population().sampleSize());
        assertEquals(Climate.OSLO, s.population().climate());
        assertEquals(3, s.plant().stackingUnits());
        assertEquals(0.8, s.fleet().targetSoc());
        assertTrue(s.problems(ScenarioLimits.DEFAULT).isEmpty());
    }

    @Test
    void badFieldsAreNamedByPath() {
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class, () -> ScenarioLoader.parse("""
                scenario {
                  base = "bundled:mars"
                  horizonYears = "long"
                  speed = 3
                  population { sampleSize = 1.5, climate = SAHARA, productionTo = "June" }
                  plant { laminationTemperatureC = hot, wobble = 1 }
                  fleet { taxiShare = "lots" }
                }"""));
        List<String> fields = e.problems().stream().map(FieldProblem::field).toList();
        for (String f : List.of("speed", "horizonYears", "seed", "population.sampleSize", "population.climate",
                "population.productionTo", "plant.laminationTemperatureC", "plant.wobble", "fleet.taxiShare", "base")) {
            assertTrue(fields.contains(f), f + " in " + fields);
        }
        assertTrue(e.getMessage().contains("plant.laminationTemperatureC"), e.getMessage());
    }

    @Test
    void rangesAreCheckedAgainstTheLimits() {
        Scenario s = ScenarioLoader.fromObject(ConfigFactory.parseString(
                "{seed: 1, horizonYears: 30, population {sampleSize: 999999}, fleet {dcFastChargeShare: 2}}"), null);
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class,
                () -> s.validate(new ScenarioLimits(5000, 20)));
        assertEquals(List.of("horizonYears", "population.sampleSize", "fleet.dcFastChargeShare"),
                e.problems().stream().map(FieldProblem::field).toList());
        assertTrue(e.problems().get(1).message().contains("5000"), e.problems().get(1).message());
    }

    @Test
    void anUnknownBundledScenarioIsNamed() {
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class, () -> ScenarioLoader.loadBundled("nope"));
        assertEquals("bundled", e.problems().get(0).field());
    }

    @Test
    void settingsComeFromReferenceConfAndNameTheBadKey() {
        ScenarioSettings s = ScenarioSettings.from(ConfigFactory.load());
        assertEquals(2, s.maxConcurrent());
        assertEquals(20, s.maxHorizonYears());
        assertEquals("plant/dunkirk.conf", s.plantLayout());
        ConfigException e = assertThrows(ConfigException.class, () -> ScenarioSettings.from(
                ConfigFactory.parseMap(Map.of("twin.scenarios.max-population", 0)).withFallback(ConfigFactory.load())));
        assertEquals("twin.scenarios.max-population", e.path());
    }
}
