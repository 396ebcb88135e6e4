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
 * @param availability  (planned - down) / planned, in unit-slot time; planned = on-shift time of active units
 * @param performance   (mean cycle time x jobs completed) / (planned - down)
 * @param quality       out / (out + scrap)
 * @param oee           availability x performance x quality
 * @param utilisation   busy / planned
 * @param blockedShare  time holding finished items the downstream buffer could not take / planned
 * @param starvedShare  time free and available with nothing to process / planned
 * @param downShare     time broken down / planned
 */
public record StationKpis(StationId station, StationKind kind, int activeUnits, StationState state,
                          long in, long out, long scrap, long wip, long wipAtWindowStart, int inputBuffered,
                          Map<ScrapCause, Long> scrapByCause,
                          double availability, double performance, double quality, double oee,
                          double utilisation, double blockedShare, double starvedShare, double downShare) {
    public StationKpis {
        scrapByCause = Map.copyOf(scrapByCause);
    }

    /** Share of planned time the station was active (busy or down): the "active period" bottleneck measure. */
    public double activeShare() { return utilisation + downShare; }
}
