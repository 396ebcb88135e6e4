package org.ssbtwin.fleet.usage;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.ssbtwin.plant.cell.CellDesign;
import org.ssbtwin.plant.layout.PhysicsParameters;
import org.ssbtwin.plant.physics.ProcessConditions;
import org.ssbtwin.plant.physics.ProcessPhysics;
import org.ssbtwin.core.quality.ManufacturingFactors;

/**
 * Default cell population of fleet studies: a thin delegate of the plant's process physics, the one cell-quality
 * model ({@link ProcessPhysics#sampleManufacturingFactors}, {@link PhysicsParameters#DEFAULTS}, the Dunkirk cell
 * design), so studies, what-if runs and the plant line make cells the same way: continuous moisture dose, one
 * lamination sensitivity, misalignment on resistance, capacity and edge shorts, latent defects that escape the
 * self-discharge check, and the same rejection of cells the plant would scrap.
 *
 * <p>What this class adds (assumed, no public source): each pack's production lot runs at an offset from the nominal
 * setpoints ({@link ProcessConditions#NOMINAL}: lamination 120 degC, dew point -45 degC): lamination ~
 * N(0, laminationLotSigmaC), dew point ~ N(0, dewPointLotSigmaC) (the same offsets the what-if engine uses). During
 * the first {@code rampUpMonths} after start of production the lot scatter is multiplied by {@code rampUpFactor}
 * (ramp-up scrap is far higher than steady state, DOMAIN 2.4); through the physics that also raises defects.
 */
public record DefaultCellQualitySource(
        LocalDate startOfProduction, double laminationLotSigmaC, double dewPointLotSigmaC, int rampUpMonths,
        double rampUpFactor) implements CellQualitySource {

    public static final double NOMINAL_LAMINATION_C = ProcessConditions.NOMINAL.laminationTemperatureC();
    public static final double NOMINAL_DEW_POINT_C = ProcessConditions.NOMINAL.dewPointC();
    /** Lot offsets (assumed), shared with the what-if engine. */
    public static final double LOT_LAMINATION_SIGMA_C = 1.5;
    public static final double LOT_DEW_POINT_SIGMA_C = 2.0;

    public DefaultCellQualitySource {
        if (startOfProduction == null) {
            throw new IllegalArgumentException("startOfProduction is required");
        }
        if (!(laminationLotSigmaC >= 0) || !(dewPointLotSigmaC >= 0) || rampUpMonths < 0 || !(rampUpFactor >= 1)) {
            throw new IllegalArgumentException("cell quality spreads must be >= 0 and rampUpFactor >= 1");
        }
    }

    /** Assumed default spreads. */
    public static DefaultCellQualitySource assumed(LocalDate startOfProduction) {
        return new DefaultCellQualitySource(startOfProduction, LOT_LAMINATION_SIGMA_C, LOT_DEW_POINT_SIGMA_C, 6, 2.0);
    }

    private double ramp(LocalDate d) {
        long months = ChronoUnit.MONTHS.between(startOfProduction, d);
        return months < rampUpMonths ? rampUpFactor : 1.0;
    }

    @Override
    public PackLot lot(SplittableRandom rng, LocalDate productionDate) {
        double k = ramp(productionDate);
        double lam = NOMINAL_LAMINATION_C + k * laminationLotSigmaC * rng.nextGaussian();
        double dew = NOMINAL_DEW_POINT_C + k * dewPointLotSigmaC * rng.nextGaussian();
        return new PackLot(productionDate, lam, dew);
    }

    @Override
    public ManufacturingFactors nextCell(SplittableRandom rng, PackLot lot) {
        ProcessConditions c = ProcessConditions.NOMINAL.withLaminationTemperature(lot.laminationTemperatureC())
                .withDewPoint(lot.dewPointC());
        return ProcessPhysics.sampleManufacturingFactors(c, CellDesign.DUNKIRK, PhysicsParameters.DEFAULTS, rng);
    }

    @Override
    public String label() {
        return "process-physics";
    }
}
