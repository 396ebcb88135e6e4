package org.ssbtwin.fleet.usage;

import java.time.LocalDate;
import java.util.Objects;
import org.ssbtwin.fleet.ageing.SsbAgeingParameters;
import org.ssbtwin.fleet.ageing.WarrantyTerms;

/**
 * A fleet study specification.
 *
 * @param packs number of packs simulated
 * @param years service years simulated per pack (each pack is aged from its own service start)
 * @param startDate study start date (packs' production dates are drawn in [productionStart, productionEnd])
 * @param mix shares of vehicle models / climates / archetypes / charging habits
 * @param productionStart first production date (inclusive)
 * @param productionEnd last production date (inclusive)
 * @param deliveryLagDays days from pack production to vehicle service start (assumed 60)
 * @param warranty warranty terms (default 8 yr / 160,000 km / 70 %, DOMAIN 3.5)
 * @param cellQuality supplies per-cell manufacturing factors
 * @param sampledCellsPerPack 0 = every series cell is drawn (exact weakest element); n > 0 = only n cells are
 *        drawn and the pack capacity is the minimum over them (approximation: underestimates the spread)
 * @param thermal battery thermal management assumption
 * @param ageing ageing model parameters
 */
public record FleetSpec(
        int packs,
        int years,
        LocalDate startDate,
        FleetMix mix,
        LocalDate productionStart,
        LocalDate productionEnd,
        int deliveryLagDays,
        WarrantyTerms warranty,
        CellQualitySource cellQuality,
        int sampledCellsPerPack,
        BatteryThermalManagement thermal,
        SsbAgeingParameters ageing) {

    public FleetSpec {
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(mix, "mix");
        Objects.requireNonNull(productionStart, "production.start");
        Objects.requireNonNull(productionEnd, "production.end");
        Objects.requireNonNull(warranty, "warranty");
        Objects.requireNonNull(cellQuality, "cellQuality");
        Objects.requireNonNull(thermal, "thermal");
        Objects.requireNonNull(ageing, "ageing");
        if (packs < 1) {
            throw new IllegalArgumentException("packs must be >= 1, was " + packs);
        }
        if (years < 1 || years > 40) {
            throw new IllegalArgumentException("years must be in [1,40], was " + years);
        }
        if (productionEnd.isBefore(productionStart)) {
            throw new IllegalArgumentException("production.end must not be before production.start");
        }
        if (deliveryLagDays < 0) {
            throw new IllegalArgumentException("deliveryLagDays must be >= 0, was " + deliveryLagDays);
        }
        if (sampledCellsPerPack < 0) {
            throw new IllegalArgumentException("sampledCellsPerPack must be >= 0, was " + sampledCellsPerPack);
        }
    }

    /** Spec with defaults: production = one year from startDate, 60-day delivery lag, 8/160k/70 warranty. */
    public static FleetSpec of(int packs, int years, LocalDate startDate, FleetMix mix) {
        return new FleetSpec(packs, years, startDate, mix, startDate, startDate.plusYears(1).minusDays(1), 60,
                WarrantyTerms.STANDARD, DefaultCellQualitySource.assumed(startDate), 0,
                BatteryThermalManagement.LIQUID_COOLED, SsbAgeingParameters.DEFAULT);
    }

    public FleetSpec withPacks(int n) {
        return new FleetSpec(n, years, startDate, mix, productionStart, productionEnd, deliveryLagDays, warranty,
                cellQuality, sampledCellsPerPack, thermal, ageing);
    }

    public FleetSpec withYears(int y) {
        return new FleetSpec(packs, y, startDate, mix, productionStart, productionEnd, deliveryLagDays, warranty,
                cellQuality, sampledCellsPerPack, thermal, ageing);
    }

    public FleetSpec withMix(FleetMix m) {
        return new FleetSpec(packs, years, startDate, m, productionStart, productionEnd, deliveryLagDays, warranty,
                cellQuality, sampledCellsPerPack, thermal, ageing);
    }

    /** The same fleet aged with another chemistry (the SSB multipliers on or off). */
    public FleetSpec withChemistry(org.ssbtwin.fleet.ageing.Chemistry chemistry) {
        return new FleetSpec(packs, years, startDate, mix, productionStart, productionEnd, deliveryLagDays, warranty,
                cellQuality, sampledCellsPerPack, thermal, SsbAgeingParameters.of(chemistry));
    }

    public FleetSpec withCellQuality(CellQualitySource q) {
        return new FleetSpec(packs, years, startDate, mix, productionStart, productionEnd, deliveryLagDays, warranty,
                q, sampledCellsPerPack, thermal, ageing);
    }
}
