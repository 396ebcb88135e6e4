package org.ssbtwin.plant.genealogy;

import java.time.Instant;
import java.util.List;
import org.ssbtwin.core.id.InlayId;
import org.ssbtwin.core.id.RollId;
import org.ssbtwin.core.id.StationId;

/**
 * How one inlay of a cell was made.
 *
 * @param laminationUnit          the lamination unit (unit id, e.g. DK1-LAM-01-U03)
 * @param laminationTemperatureC  actual lamination temperature of this inlay
 * @param dewPointC               dry-room dew point when its core was assembled
 * @param moistureDose            dew-point excursion dose (1 = 1 h at 10 K above the limit)
 * @param latentDefectSeverity    twin ground truth: severity of a latent short-circuit defect (0 = none);
 *                                a real plant only sees it through the self-discharge check
 * @param passes                  coating (via the rolls), lamination, framing, core assembly
 */
public record InlayGenealogy(InlayId inlay, RollId cathodeRoll, RollId electrolyteRoll, RollId anodeRoll,
                             StationId laminationUnit, Instant laminatedAt, double laminationTemperatureC,
                             double dewPointC, double moistureDose, double latentDefectSeverity,
                             double capacityAh, double resistanceMilliOhm, List<StationPass> passes) {
    public InlayGenealogy {
        passes = List.copyOf(passes);
    }
}
