package org.ssbtwin.fleet.usage;

import java.time.LocalDate;
import java.util.SplittableRandom;
import org.ssbtwin.core.quality.ManufacturingFactors;

/**
 * Supplies per-cell {@link ManufacturingFactors} for simulated packs: the manufacturing-to-field link. Called with
 * the pack's own {@link SplittableRandom} (derived only from (seed, packIndex)), so implementations must draw
 * only from that generator to keep studies deterministic. Implementations must be thread-safe (stateless).
 * {@link DefaultCellQualitySource} uses assumed spreads; the plant model can supply a physics-based one.
 */
public interface CellQualitySource {
    /** Draws the production lot of a pack produced on {@code productionDate}. */
    PackLot lot(SplittableRandom rng, LocalDate productionDate);

    /** Draws one series cell of a pack from that lot. */
    ManufacturingFactors nextCell(SplittableRandom rng, PackLot lot);

    /** A short label for results and logs. */
    default String label() {
        return getClass().getSimpleName();
    }
}
