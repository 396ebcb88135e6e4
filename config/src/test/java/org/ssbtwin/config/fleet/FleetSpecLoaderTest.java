package org.ssbtwin.config.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.ssbtwin.fleet.usage.ChargingHabit;
import org.ssbtwin.fleet.usage.Climate;
import org.ssbtwin.fleet.usage.DefaultCellQualitySource;
import org.ssbtwin.fleet.usage.DriverArchetype;
import org.ssbtwin.fleet.usage.FleetSpec;
import org.ssbtwin.fleet.study.FleetStudy;
import org.ssbtwin.fleet.study.FleetStudyResult;
import org.ssbtwin.fleet.usage.VehicleModel;

class FleetSpecLoaderTest {
    private static final String VALID = """
            fleet {
              packs = 200
              years = 3
              start-date = "2028-01-01"
              production { start = "2028-01-01", end = "2028-06-30" }
              mix {
                vehicle-models { VF3 = 0.5, VF5 = 0.5 }
                climates { HANOI = 0.4, HO_CHI_MINH_CITY = 0.6 }
                archetypes { COMMUTER = 1.0 }
                charging-habits { HOME_AC = 0.7, DC_HEAVY = 0.3 }
              }
            }
            """;

    @Test
    void bundledSpecsLoad() {
        FleetSpec vn = FleetSpecLoader.loadResource(FleetSpecLoader.VINFAST_VN);
        assertEquals(100_000, vn.packs());
        assertEquals(15, vn.years());
        assertTrue(vn.mix().vehicleModels().get(VehicleModel.VF3) + vn.mix().vehicleModels().get(VehicleModel.VF5)
                > 0.5, "VF 3/VF 5 majority");
        assertTrue(vn.mix().archetypes().get(DriverArchetype.RIDE_HAILING_TAXI) >= 0.3);
        assertEquals(Double.valueOf(0.55), vn.mix().climates().get(Climate.HO_CHI_MINH_CITY));
        assertEquals(0.70, vn.warranty().sohThreshold());
        assertTrue(vn.cellQuality() instanceof DefaultCellQualitySource);

        FleetSpec eu = FleetSpecLoader.loadResource(FleetSpecLoader.EUROPE);
        assertTrue(eu.mix().climates().containsKey(Climate.LILLE_DUNKIRK));
        assertTrue(eu.mix().climates().containsKey(Climate.OSLO));
        assertEquals(LocalDate.of(2030, 1, 1), eu.productionStart());
        assertEquals(75, eu.deliveryLagDays());
        // a bundled spec actually runs (scaled down)
        FleetStudyResult r = FleetStudy.run(eu.withPacks(300).withYears(2), 1L, 2);
        assertTrue(r.fleet(2).sohP50() < 1.0);
    }

    @Test
    void validSpecWithDefaults() {
        FleetSpec s = FleetSpecLoader.parse(VALID);
        assertEquals(200, s.packs());
        assertEquals(60, s.deliveryLagDays());
        assertEquals(8, s.warranty().years());
        assertEquals(Double.valueOf(0.3), s.mix().chargingHabits().get(ChargingHabit.DC_HEAVY));
        assertEquals(0, s.sampledCellsPerPack());
    }

    @Test
    void shareOutOfRangeNamesTheFieldPath() {
        FleetSpecValidationException e = assertThrows(FleetSpecValidationException.class, () ->
                FleetSpecLoader.parse(VALID.replace("HANOI = 0.4", "HANOI = 1.4")));
        assertTrue(e.problems().contains("mix.climates.HANOI must be within [0, 1], was 1.4"), e.getMessage());
    }

    @Test
    void sharesMustSumToOne() {
        FleetSpecValidationException e = assertThrows(FleetSpecValidationException.class, () ->
                FleetSpecLoader.parse(VALID.replace("VF5 = 0.5", "VF5 = 0.3")));
        assertTrue(e.problems().contains("mix.vehicle-models shares must sum to 1, was 0.8"), e.getMessage());
    }

    @Test
    void everyProblemIsReportedWithItsPath() {
        String bad = VALID.replace("packs = 200", "packs = 0")
                .replace("years = 3", "years = \"many\"")
                .replace("start-date = \"2028-01-01\"", "start-date = \"2028-13-01\"")
                .replace("end = \"2028-06-30\"", "end = \"2027-06-30\"")
                .replace("VF3 = 0.5", "VF4 = 0.5")
                .replace("archetypes { COMMUTER = 1.0 }", "archetypes { COMMUTER = high }")
                .replace("fleet {", "fleet {\n  colour = blue\n  warranty { soh-threshold = 1.5 }");
        FleetSpecValidationException e = assertThrows(FleetSpecValidationException.class,
                () -> FleetSpecLoader.parse(bad));
        String all = String.join("\n", e.problems());
        assertTrue(all.contains("packs must be within [1, 100000000], was 0"), all);
        assertTrue(all.contains("years must be a whole number, was \"many\""), all);
        assertTrue(all.contains("start-date must be an ISO date like 2028-06-01, was \"2028-13-01\""), all);
        assertTrue(all.contains("production.end must not be before production.start"), all);
        assertTrue(all.contains("mix.vehicle-models.VF4 is not a known VehicleModel"), all);
        assertTrue(all.contains("mix.archetypes.COMMUTER must be a number, was \"high\""), all);
        assertTrue(all.contains("colour is not a known field"), all);
        assertTrue(all.contains("warranty.soh-threshold must be within [0.01, 0.99], was 1.5"), all);
    }

    @Test
    void missingRequiredFields() {
        FleetSpecValidationException e = assertThrows(FleetSpecValidationException.class,
                () -> FleetSpecLoader.parse("fleet { years = 2 }"));
        assertTrue(e.problems().contains("packs is required"));
        assertTrue(e.problems().contains("start-date is required"));
        assertTrue(e.problems().contains("mix.climates is required"));
        assertThrows(FleetSpecValidationException.class, () -> FleetSpecLoader.parse("other { }"));
    }

    @Test
    void resultSerialisesToJsonAndBack() throws Exception {
        FleetStudyResult r = FleetStudy.run(FleetSpecLoader.parse(VALID), 7L, 2);
        ObjectMapper om = new ObjectMapper();
        String json = om.writeValueAsString(r);
        JsonNode n = om.readTree(json);
        assertEquals(200, n.get("packs").asInt());
        assertTrue(n.get("rows").isArray() && n.get("rows").size() > 10);
        assertTrue(n.get("rows").get(0).has("sohP50"));
        FleetStudyResult back = om.readValue(json, FleetStudyResult.class);
        assertEquals(r, back);
        assertTrue(r.toCsv().lines().count() == r.rows().size() + 1);
    }
}
