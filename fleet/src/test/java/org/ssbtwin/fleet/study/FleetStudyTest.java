package org.ssbtwin.fleet.study;

import org.ssbtwin.fleet.usage.CellQualitySource;
import org.ssbtwin.fleet.usage.ChargingHabit;
import org.ssbtwin.fleet.usage.Climate;
import org.ssbtwin.fleet.usage.DriverArchetype;
import org.ssbtwin.fleet.usage.FleetMix;
import org.ssbtwin.fleet.usage.FleetSpec;
import org.ssbtwin.fleet.usage.PackLot;
import org.ssbtwin.fleet.usage.VehicleModel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.ssbtwin.core.quality.ManufacturingFactors;

class FleetStudyTest {
    private static final LocalDate START = LocalDate.of(2028, 1, 1);

    private static FleetSpec single(VehicleModel v, Climate c, DriverArchetype a, ChargingHabit h, int packs, int years) {
        return FleetSpec.of(packs, years, START, FleetMix.single(v, c, a, h));
    }

    private static double soh(FleetSpec spec, int year) {
        return FleetStudy.run(spec, 11L, 2).fleet(year).sohP50();
    }

    @Test
    void europeanCommuterLosesOneAndAHalfToThreePercentPerYear() {
        // Calibration anchor: Geotab fleet average 1.8-2.3 %/yr, ~1.5 %/yr for mostly-AC charging (DOMAIN 3.2).
        // Geotab measured Li-ion packs, so the anchor applies to the Li-ion reference (issue 16); the SSB cell, per
        // the seed, ages more slowly (the full set of bands: LifeCalibrationBandsTest)
        FleetSpec spec = single(VehicleModel.VF8, Climate.LILLE_DUNKIRK, DriverArchetype.COMMUTER,
                ChargingHabit.HOME_AC, 1000, 8);
        FleetStudyResult r = FleetStudy.run(spec.withChemistry(org.ssbtwin.fleet.ageing.Chemistry.LI_ION_REFERENCE), 3L, 2);
        double lossPerYear = (1 - r.fleet(8).sohP50()) / 8 * 100;
        assertTrue(lossPerYear >= 1.5 && lossPerYear <= 3.0, "loss %/yr " + lossPerYear);
        double lossY5 = (1 - r.fleet(5).sohP50()) / 5 * 100;
        assertTrue(lossY5 >= 1.5 && lossY5 <= 3.0, "5-yr loss %/yr " + lossY5);
        double ssbLossPerYear = (1 - FleetStudy.run(spec, 3L, 2).fleet(8).sohP50()) / 8 * 100;
        assertTrue(ssbLossPerYear < lossPerYear, "SSB " + ssbLossPerYear + " vs Li-ion " + lossPerYear);
    }

    @Test
    void hotterClimateGivesLowerSohAtYearEight() {
        double lille = soh(single(VehicleModel.VF6, Climate.LILLE_DUNKIRK, DriverArchetype.COMMUTER,
                ChargingHabit.HOME_AC, 500, 8), 8);
        double hanoi = soh(single(VehicleModel.VF6, Climate.HANOI, DriverArchetype.COMMUTER,
                ChargingHabit.HOME_AC, 500, 8), 8);
        double hcmc = soh(single(VehicleModel.VF6, Climate.HO_CHI_MINH_CITY, DriverArchetype.COMMUTER,
                ChargingHabit.HOME_AC, 500, 8), 8);
        assertTrue(hcmc < hanoi && hanoi < lille, hcmc + " < " + hanoi + " < " + lille);
    }

    @Test
    void moreDcFastChargingGivesLowerSoh() {
        double ac = soh(single(VehicleModel.VF7, Climate.HANOI, DriverArchetype.LONG_DISTANCE,
                ChargingHabit.HOME_AC, 500, 8), 8);
        double mixed = soh(single(VehicleModel.VF7, Climate.HANOI, DriverArchetype.LONG_DISTANCE,
                ChargingHabit.MIXED, 500, 8), 8);
        double dc = soh(single(VehicleModel.VF7, Climate.HANOI, DriverArchetype.LONG_DISTANCE,
                ChargingHabit.DC_HEAVY, 500, 8), 8);
        assertTrue(dc < mixed && mixed < ac, dc + " < " + mixed + " < " + ac);
    }

    @Test
    void worseCellQualityGivesLowerSohAndHigherResistance() {
        FleetSpec base = single(VehicleModel.VF5, Climate.HO_CHI_MINH_CITY, DriverArchetype.COMMUTER,
                ChargingHabit.MIXED, 400, 8);
        CellQualitySource bad = new CellQualitySource() {
            @Override
            public PackLot lot(SplittableRandom rng, LocalDate d) {
                return new PackLot(d, 127, -32);
            }

            @Override
            public ManufacturingFactors nextCell(SplittableRandom rng, PackLot lot) {
                return new ManufacturingFactors(1.25 + 0.05 * rng.nextDouble(), 1.0, 0.0, 127, -32);
            }
        };
        FleetStudyResult good = FleetStudy.run(base, 5L, 2);
        FleetStudyResult worse = FleetStudy.run(base.withCellQuality(bad), 5L, 2);
        assertTrue(worse.fleet(8).sohP50() < good.fleet(8).sohP50());
        assertTrue(worse.fleet(8).resistanceP50() > good.fleet(8).resistanceP50());
        assertEquals(1, worse.rows().stream().filter(r -> r.dimension().equals(FleetStudy.DIM_LAMINATION)
                && r.year() == 1).count(), "all bad packs in one lamination band");
        assertTrue(worse.find(FleetStudy.DIM_LAMINATION, ">=126C", 1).isPresent());
    }

    @Test
    void sameSeedGivesIdenticalResultsForOneAndTwoThreads() {
        FleetSpec spec = FleetSpec.of(3000, 6, START, mixedFleet());
        FleetStudyResult one = FleetStudy.run(spec, 2024L, 1);
        FleetStudyResult two = FleetStudy.run(spec, 2024L, 2);
        FleetStudyResult three = FleetStudy.run(spec, 2024L, 3);
        assertEquals(one, two);
        assertEquals(one, three);
        assertEquals(one.toCsv(), two.toCsv());
        FleetStudyResult other = FleetStudy.run(spec, 2025L, 2);
        assertFalse(one.equals(other), "different seed, different result");
    }

    @Test
    void cohortsAndCountsAreConsistent() {
        FleetSpec spec = FleetSpec.of(2000, 10, START, mixedFleet());
        FleetStudyResult r = FleetStudy.run(spec, 9L, 2);
        assertEquals(2000L * 10 * 365, r.packDays());
        for (String dim : new String[] {FleetStudy.DIM_VEHICLE, FleetStudy.DIM_CLIMATE, FleetStudy.DIM_ARCHETYPE,
            FleetStudy.DIM_HABIT, FleetStudy.DIM_PRODUCTION_MONTH, FleetStudy.DIM_LAMINATION}) {
            long sum = r.rows().stream().filter(x -> x.dimension().equals(dim) && x.year() == 3)
                    .mapToLong(CohortYearStats::packs).sum();
            assertEquals(2000, sum, dim);
        }
        assertEquals(12, r.rows().stream().filter(x -> x.dimension().equals(FleetStudy.DIM_PRODUCTION_MONTH)
                && x.year() == 1).count());
        CohortYearStats prev = null;
        for (int y = 1; y <= 10; y++) {
            CohortYearStats f = r.fleet(y);
            assertTrue(f.sohP5() <= f.sohP50() && f.sohP50() <= f.sohP95());
            assertTrue(f.resistanceP5() <= f.resistanceP50() && f.resistanceP50() <= f.resistanceP95());
            assertTrue(f.shareBelow70() <= f.shareBelow80());
            if (prev != null) {
                assertTrue(f.sohP50() <= prev.sohP50());
                assertTrue(f.meanKm() > prev.meanKm() && f.meanEfc() > prev.meanEfc());
                assertTrue(f.warrantyClaimShare() >= prev.warrantyClaimShare());
            }
            prev = f;
        }
        // warranty is 8 years: no new claims after year 8
        assertEquals(r.fleet(8).warrantyClaimShare(), r.fleet(10).warrantyClaimShare());
        // taxis age faster than commuters
        assertTrue(r.find(FleetStudy.DIM_ARCHETYPE, "RIDE_HAILING_TAXI", 8).orElseThrow().sohP50()
                < r.find(FleetStudy.DIM_ARCHETYPE, "COMMUTER", 8).orElseThrow().sohP50());
        String csv = r.toCsv();
        assertTrue(csv.startsWith("dimension,cohort,year,packs"));
        assertTrue(csv.contains("ALL,ALL,1,2000,"));
        assertFalse(csv.lines().skip(1).anyMatch(l -> l.split(",").length != 18));
    }

    @Test
    void packsBelowTheRetirementCapacityLeaveServiceInsteadOfAgeingToZero() {
        // HCMC DC-heavy taxis for 15 years: the lower tail passes 60 % of rated capacity
        FleetStudyResult taxi = FleetStudy.run(single(VehicleModel.VF5, Climate.HO_CHI_MINH_CITY,
                DriverArchetype.RIDE_HAILING_TAXI, ChargingHabit.DC_HEAVY, 400, 15), 3L, 2);
        double prevRetired = 0;
        double prevP5 = 1.0;
        for (int y = 1; y <= 15; y++) {
            CohortYearStats f = taxi.fleet(y);
            assertTrue(f.retiredShare() >= prevRetired, "retirement is permanent");
            // issue 16: percentiles cover every pack that entered service; a retired pack keeps the SoH it left
            // with (at most 30 days of loss below the retirement capacity), so p5 never rises
            assertTrue(f.sohP5() <= prevP5, "p5 never rises: " + f.sohP5() + " in year " + y + " after " + prevP5);
            assertTrue(f.sohP5() > FleetStudy.RETIREMENT_SOH - 0.03, "retired packs keep their last SoH: " + f.sohP5());
            prevP5 = f.sohP5();
            assertTrue(f.shareBelow70() >= f.retiredShare() + f.failedShare() - 1e-12);
            assertEquals(f.packs(), f.alive() + Math.round((f.retiredShare() + f.failedShare()) * f.packs()));
            prevRetired = f.retiredShare();
        }
        assertTrue(taxi.fleet(15).retiredShare() > 0.05, "some taxi packs retire: " + taxi.fleet(15).retiredShare());
        assertEquals(0.0, taxi.fleet(1).retiredShare());
    }

    @Test
    void warrantyClaimsOnlyWhileCoveredAndBelowThreshold() {
        // taxis: hundreds of km a day -> km limit (160,000) is reached in ~2 years, before SoH < 70 %
        FleetStudyResult taxi = FleetStudy.run(single(VehicleModel.VF5, Climate.HO_CHI_MINH_CITY,
                DriverArchetype.RIDE_HAILING_TAXI, ChargingHabit.DC_HEAVY, 500, 8), 1L, 2);
        CohortYearStats t8 = taxi.fleet(8);
        assertTrue(t8.shareBelow70() > 0.2, "many taxi packs below 70 % at year 8: " + t8.shareBelow70());
        assertTrue(t8.warrantyClaimShare() < 0.05, "but out of km cover: " + t8.warrantyClaimShare());
        // a stricter SoH threshold in a hot climate produces claims within 8 years (the Li-ion reference: the
        // calibrated SSB cell stays above 80 % here, issue 16)
        FleetSpec s = single(VehicleModel.VF3, Climate.HO_CHI_MINH_CITY, DriverArchetype.COMMUTER,
                ChargingHabit.HOME_AC_FULL, 500, 8).withChemistry(org.ssbtwin.fleet.ageing.Chemistry.LI_ION_REFERENCE);
        FleetSpec strict = new FleetSpec(s.packs(), s.years(), s.startDate(), s.mix(), s.productionStart(),
                s.productionEnd(), s.deliveryLagDays(),
                new org.ssbtwin.fleet.ageing.WarrantyTerms(8, 160_000, 0.80), s.cellQuality(), 0, s.thermal(),
                s.ageing());
        FleetStudyResult r = FleetStudy.run(strict, 1L, 2);
        assertTrue(r.fleet(8).warrantyClaimShare() >= r.fleet(8).shareBelow80() - 1e-12 - r.fleet(8).failedShare());
        assertTrue(r.fleet(8).warrantyClaimShare() > 0.5);
        assertEquals(0.0, r.fleet(1).warrantyClaimShare(), 0.01);
    }

    @Test
    void progressAndCancellation() {
        FleetSpec spec = FleetSpec.of(2000, 2, START, mixedFleet());
        AtomicLong last = new AtomicLong();
        FleetStudy.run(spec, 1L, 2, (done, total) -> last.accumulateAndGet(done, Math::max), () -> false);
        assertEquals(2000, last.get());
        assertThrows(CancellationException.class, () -> FleetStudy.run(spec, 1L, 2, StudyProgress.NONE, () -> true));
    }

    @Test
    void mixValidation() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FleetMix(
                Map.of(VehicleModel.VF3, 1.0), Map.of(Climate.HANOI, 1.4), Map.of(DriverArchetype.COMMUTER, 1.0),
                Map.of(ChargingHabit.HOME_AC, 1.0)));
        assertEquals("mix.climates.HANOI share must be in [0,1], was 1.4", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new FleetMix(
                Map.of(VehicleModel.VF3, 0.5, VehicleModel.VF5, 0.4), Map.of(Climate.HANOI, 1.0),
                Map.of(DriverArchetype.COMMUTER, 1.0), Map.of(ChargingHabit.HOME_AC, 1.0)));
        assertTrue(e.getMessage().startsWith("mix.vehicle-models shares must sum to 1"));
    }

    static FleetMix mixedFleet() {
        return new FleetMix(
                Map.of(VehicleModel.VF3, 0.4, VehicleModel.VF5, 0.3, VehicleModel.VF8, 0.3),
                Map.of(Climate.HO_CHI_MINH_CITY, 0.5, Climate.HANOI, 0.3, Climate.OSLO, 0.2),
                Map.of(DriverArchetype.COMMUTER, 0.6, DriverArchetype.RIDE_HAILING_TAXI, 0.3,
                        DriverArchetype.LONG_DISTANCE, 0.1),
                Map.of(ChargingHabit.HOME_AC, 0.5, ChargingHabit.MIXED, 0.2, ChargingHabit.DC_HEAVY, 0.3));
    }
}
