package org.ssbtwin.fleet.whatif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ssbtwin.fleet.usage.ChargingHabit;
import org.ssbtwin.fleet.usage.Climate;
import org.ssbtwin.fleet.study.CohortYearStats;
import org.ssbtwin.fleet.usage.DefaultCellQualitySource;
import org.ssbtwin.fleet.usage.DriverArchetype;
import org.ssbtwin.fleet.usage.FleetMix;
import org.ssbtwin.fleet.usage.FleetSpec;
import org.ssbtwin.fleet.study.FleetStudy;
import org.ssbtwin.fleet.study.FleetStudyResult;
import org.ssbtwin.fleet.usage.VehicleModel;
import org.ssbtwin.plant.layout.ReferenceLayouts;

/**
 * Issue 16: the fleet study and the what-if baseline age the same fleet the same way (one cell-quality model, one
 * retirement rule, percentiles over every pack), and their percentiles never rise, even while heavy-duty packs retire.
 * The two engines draw their packs from different random streams, so they agree within sampling error.
 */
class StudyWhatIfAgreementTest {
    static final LocalDate START = LocalDate.of(2028, 1, 1);
    /** Hot, taxi-heavy fleet: about a third of the packs (the taxis) pass the retirement capacity within 12 years. */
    static final FleetSpec FLEET = FleetSpec.of(1500, 12, START, new FleetMix(
                    Map.of(VehicleModel.VF5, 0.5, VehicleModel.VF8, 0.5),
                    Map.of(Climate.HO_CHI_MINH_CITY, 1.0),
                    Map.of(DriverArchetype.COMMUTER, 0.65, DriverArchetype.RIDE_HAILING_TAXI, 0.35),
                    Map.of(ChargingHabit.HOME_AC, 0.5, ChargingHabit.DC_HEAVY, 0.5)))
            // steady-state production, like the what-if engine's plant (no ramp-up lots)
            .withCellQuality(new DefaultCellQualitySource(START, DefaultCellQualitySource.LOT_LAMINATION_SIGMA_C,
                    DefaultCellQualitySource.LOT_DEW_POINT_SIGMA_C, 0, 1.0));

    @Test
    void studyAndWhatIfBaselineAgreeOnTheSameFleetAndNeitherPercentileRises() {
        FleetStudyResult study = FleetStudy.run(FLEET, 5L, 2);
        Scenario s = new Scenario("agree", "", "bundled:test", 12, 5L, Population.all(1500), PlantChanges.NONE,
                FleetChanges.NONE).validate(ScenarioLimits.DEFAULT);
        ScenarioComparison w = ScenarioEngine.run(s, ScenarioBase.bundled("test", ReferenceLayouts.dunkirkSmall(),
                FLEET), new ScenarioEngine.Options(2, 1, 1));
        CohortYearStats prevS = null;
        ArmYear prevW = null;
        boolean retiring = false;
        for (int y = 1; y <= 12; y++) {
            CohortYearStats a = study.fleet(y);
            ArmYear b = w.fleet().years().get(y - 1).baseline();
            assertEquals(a.sohP50(), b.p50(), 0.01, "p50 year " + y);
            assertEquals(a.sohP5(), b.p5(), 0.01, "p5 year " + y);
            assertEquals(a.sohP95(), b.p95(), 0.005, "p95 year " + y);
            assertEquals(a.shareBelow70(), b.below70(), 0.04, "below 70 % year " + y);
            if (prevS != null) {
                assertTrue(a.sohP5() <= prevS.sohP5() && a.sohP50() <= prevS.sohP50()
                        && a.sohP95() <= prevS.sohP95(), "study percentiles never rise, year " + y);
                assertTrue(b.p5() <= prevW.p5() && b.p50() <= prevW.p50() && b.p95() <= prevW.p95(),
                        "what-if percentiles never rise, year " + y);
            }
            retiring |= a.retiredShare() > 0.05;
            prevS = a;
            prevW = b;
        }
        assertTrue(retiring, "the check covers years in which packs retire");
    }
}
