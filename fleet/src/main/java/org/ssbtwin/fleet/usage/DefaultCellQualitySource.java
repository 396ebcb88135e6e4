package org.ssbtwin.fleet.usage;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.ssbtwin.core.quality.ManufacturingFactors;

/**
 * Default cell population with ASSUMED spreads around nominal (lamination 120 degC, dew point -45 degC; the
 * nominal values are those of {@link ManufacturingFactors#NOMINAL}). Ramp-up: during the first
 * {@code rampUpMonths} after start of production, lot-to-lot scatter and defect probability are multiplied by
 * {@code rampUpFactor} (ramp-up scrap is far higher than steady state, DOMAIN 2.4).
 *
 * <ul>
 *   <li>lot lamination temperature ~ N(120, laminationLotSigmaC), cell ~ lot + N(0, laminationCellSigmaC);</li>
 *   <li>interfaceResistanceFactor = exp(N(0, irfSigma)) * (1 + irfPerK2 * (Tlam - 120)^2);</li>
 *   <li>lot dew point ~ -45 + N(0, dewPointLotSigmaC); moisture dose = max(0, dew - (-40)) / 10 per cell
 *       (+ lognormal jitter), i.e. lots above the -40 degC limit get exposure;</li>
 *   <li>latent defect with probability defectProbability per cell, severity ~ Exp(1).</li>
 * </ul>
 */
public record DefaultCellQualitySource(
        LocalDate startOfProduction, double laminationLotSigmaC, double laminationCellSigmaC, double irfSigma,
        double irfPerK2, double dewPointLotSigmaC, double defectProbability, int rampUpMonths, double rampUpFactor)
        implements CellQualitySource {

    public static final double NOMINAL_LAMINATION_C = 120.0;
    public static final double NOMINAL_DEW_POINT_C = -45.0;
    public static final double DEW_POINT_LIMIT_C = -40.0;

    public DefaultCellQualitySource {
        if (startOfProduction == null) {
            throw new IllegalArgumentException("startOfProduction is required");
        }
        if (laminationLotSigmaC < 0 || laminationCellSigmaC < 0 || irfSigma < 0 || irfPerK2 < 0
                || dewPointLotSigmaC < 0 || rampUpMonths < 0 || rampUpFactor < 1) {
            throw new IllegalArgumentException("cell quality spreads must be >= 0 and rampUpFactor >= 1");
        }
        if (!(defectProbability >= 0 && defectProbability <= 1)) {
            throw new IllegalArgumentException("defectProbability must be in [0,1], was " + defectProbability);
        }
    }

    /** Assumed default spreads. */
    public static DefaultCellQualitySource assumed(LocalDate startOfProduction) {
        return new DefaultCellQualitySource(startOfProduction, 2.0, 0.8, 0.04, 0.01, 2.5, 3e-5, 6, 2.0);
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
        double lam = lot.laminationTemperatureC() + laminationCellSigmaC * rng.nextGaussian();
        double dT = lam - NOMINAL_LAMINATION_C;
        double irf = Math.exp(irfSigma * rng.nextGaussian()) * (1.0 + irfPerK2 * dT * dT);
        double over = lot.dewPointC() - DEW_POINT_LIMIT_C;
        double moisture = over > 0 ? over / 10.0 * Math.exp(0.3 * rng.nextGaussian()) : 0.0;
        double pDefect = Math.min(1.0, defectProbability * ramp(lot.productionDate()));
        double severity = rng.nextDouble() < pDefect ? -Math.log(1.0 - rng.nextDouble()) : 0.0;
        return new ManufacturingFactors(irf, moisture, severity, lam, lot.dewPointC());
    }

    @Override
    public String label() {
        return "default-assumed";
    }
}
