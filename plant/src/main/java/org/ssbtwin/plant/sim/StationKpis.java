package org.ssbtwin.plant.sim;

import java.util.Map;
import org.ssbtwin.core.id.StationId;
import org.ssbtwin.plant.layout.ScrapCause;
import org.ssbtwin.plant.layout.StationKind;
import org.ssbtwin.plant.station.StationState;

/**
 * KPIs of one station over the statistics window. Counts are jobs (rolls at coating, inlays at lamination,
 * framing and core assembly, cells from stacking to EOL, packs at pack assembly).
 * Conservation: {@code wipAtWindowStart + in == out + scrap + wip}.
 *
 * <p>OEE follows the SEMI E10 / E79 time model: planned (the OEE time base) is the scheduled time of the active
 * units, i.e. without non-scheduled time (off shift, annual shutdown); scheduled downtime (planned maintenance) and
 * unscheduled downtime (breakdowns) both count against availability. ISO 22400-2 instead leaves planned downtime out
 * of the planned busy time: its availability is {@code (1 - down - maintenance) / (1 - maintenance)}.
 *
 * @param availability  (planned - down - maintenance) / planned, in unit-slot time; planned = scheduled time of active units
 * @param performance   (ideal cycle time x jobs completed) / (planned - down - maintenance); the losses are minor
 *                      stops and reduced speed (the station's performanceLoss), and blocked and starved time
 * @param quality       out / (out + scrap)
 * @param oee           availability x performance x quality
 * @param utilisation   busy / planned
 * @param blockedShare  time holding finished items the downstream buffer could not take / planned
 * @param starvedShare  time free and available with nothing to process / planned
 * @param downShare     time broken down (unscheduled downtime) / planned
 * @param maintenanceShare time in planned maintenance (scheduled downtime) / planned
 */
public record StationKpis(StationId station, StationKind kind, int activeUnits, StationState state,
                          long in, long out, long scrap, long wip, long wipAtWindowStart, int inputBuffered,
                          Map<ScrapCause, Long> scrapByCause,
                          double availability, double performance, double quality, double oee,
                          double utilisation, double blockedShare, double starvedShare, double downShare,
                          double maintenanceShare) {
    public StationKpis {
        scrapByCause = Map.copyOf(scrapByCause);
    }

    /**
     * Share of planned time the station was active (busy, down or in maintenance): the "active period" bottleneck
     * measure.
     */
    public double activeShare() { return utilisation + downShare + maintenanceShare; }

    /** Availability in the ISO 22400-2 sense: uptime / (planned - planned maintenance). */
    public double availabilityIso22400() {
        return maintenanceShare < 1 ? (1 - downShare - maintenanceShare) / (1 - maintenanceShare) : 0;
    }
}
