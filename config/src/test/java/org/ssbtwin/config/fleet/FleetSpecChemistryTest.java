package org.ssbtwin.config.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ssbtwin.fleet.ageing.Chemistry;
import org.ssbtwin.fleet.usage.DefaultCellQualitySource;

/** Issue 16 fields of a fleet spec: the chemistry switch, and the cell-quality block of the one quality model. */
class FleetSpecChemistryTest {
    static final String BASE = """
            fleet {
              packs = 10
              years = 2
              start-date = "2028-01-01"
              mix {
                vehicle-models { VF8 = 1.0 }
                climates { LILLE_DUNKIRK = 1.0 }
                archetypes { COMMUTER = 1.0 }
                charging-habits { HOME_AC = 1.0 }
              }
              %s
            }""";

    @Test
    void chemistryDefaultsToSsbAndCanBeTheLiIonReference() {
        assertEquals(Chemistry.SSB, FleetSpecLoader.parse(BASE.formatted("")).ageing().chemistry());
        assertEquals(Chemistry.LI_ION_REFERENCE,
                FleetSpecLoader.parse(BASE.formatted("chemistry = li-ion-reference")).ageing().chemistry());
        assertEquals(Chemistry.SSB, FleetSpecLoader.loadResource(FleetSpecLoader.VINFAST_VN).ageing().chemistry());
        var e = assertThrows(FleetSpecValidationException.class,
                () -> FleetSpecLoader.parse(BASE.formatted("chemistry = nmc811")));
        assertTrue(e.problems().get(0).startsWith("chemistry must be one of [li-ion-reference, ssb], was \"nmc811\""), e.problems().toString());
    }

    @Test
    void removedCellQualityKnobsAreNamedAndTheLotSpreadsAreRead() {
        var e = assertThrows(FleetSpecValidationException.class,
                () -> FleetSpecLoader.parse(BASE.formatted("cell-quality { type = default, irf-sigma = 0.04 }")));
        assertTrue(e.problems().get(0).startsWith("cell-quality.irf-sigma was removed"), e.problems().toString());
        DefaultCellQualitySource q = (DefaultCellQualitySource) FleetSpecLoader.parse(BASE.formatted(
                "cell-quality { type = default, lamination-lot-sigma-c = 3.0, dew-point-lot-sigma-c = 1.0 }")).cellQuality();
        assertEquals(3.0, q.laminationLotSigmaC());
        assertEquals(1.0, q.dewPointLotSigmaC());
    }
}
