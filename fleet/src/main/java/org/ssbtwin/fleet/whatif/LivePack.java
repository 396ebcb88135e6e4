package org.ssbtwin.fleet.whatif;

import java.time.LocalDate;
import org.ssbtwin.fleet.ageing.AgeingSnapshot;
import org.ssbtwin.fleet.usage.ChargingHabit;
import org.ssbtwin.fleet.usage.Climate;
import org.ssbtwin.fleet.usage.DriverArchetype;
import org.ssbtwin.fleet.usage.VehicleModel;
import org.ssbtwin.core.quality.SeriesCellProfile;

/**
 * A pack of the live twin, copied for a sandboxed what-if run (the live entity is never touched).
 *
 * @param habit charging habit; the live twin does not record one, so the caller assigns it (assumed, from the
 *        base fleet's mix)
 * @param cells the profile of the pack's cells' manufacturing factors (from its genealogy, exact for the ageing
 *        model); null = nominal cells (assumed)
 * @param ageing the pack's current ageing state, or null for a pack not yet in use
 * @param today the date the live twin is at (ageing continues from there)
 */
public record LivePack(String id, VehicleModel vehicleModel, Climate climate, DriverArchetype archetype,
                       ChargingHabit habit, LocalDate producedOn, SeriesCellProfile cells,
                       AgeingSnapshot ageing, LocalDate today) {
}
