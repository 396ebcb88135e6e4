package org.ssbtwin.plant.sim;

import java.time.Instant;
import java.util.List;
import org.ssbtwin.core.id.StationId;

/**
 * Line KPIs over the statistics window [{@code from}, {@code to}].
 *
 * @param bottleneck      station with the highest active share (busy + down), ties broken by least blocked + starved
 * @param cellsPerDay     graded cells (EOL passed) per day
 * @param gwhPerYear      cellsPerDay x 365 x cell energy
 * @param firstPassYield  product of station yields from lamination to EOL (inlay stations to the power of inlays per cell)
 * @param scrapPareto     scrapped items by cause, largest first
 * @param wipRolls        rolls buffered, open or on coating units
 * @param wipInlays       inlays in buffers or on units (lamination to stacking input)
 * @param wipCells        cells in buffers or on units (stacking to pack assembly)
 */
public record PlantKpis(Instant from, Instant to, List<StationKpis> stations, StationId bottleneck,
                        long cellsCompleted, long gradeA, long gradeB, long packsAssembled,
                        double cellsPerDay, double gwhPerYear, double firstPassYield, List<ScrapShare> scrapPareto,
                        long wipRolls, long wipInlays, long wipCells) {
    public PlantKpis {
        stations = List.copyOf(stations);
        scrapPareto = List.copyOf(scrapPareto);
    }

    public StationKpis station(StationId id) {
        for (StationKpis s : stations) if (s.station().equals(id)) return s;
        throw new IllegalArgumentException("unknown station " + id);
    }

    /** Items scrapped in the window, all causes. */
    public long totalScrap() {
        long n = 0;
        for (ScrapShare s : scrapPareto) n += s.count();
        return n;
    }

    /** 1 - first-pass yield. */
    public double scrapRate() { return 1 - firstPassYield; }

    /** Line OEE proxy: the bottleneck station's OEE. */
    public double bottleneckOee() {
        return bottleneck == null ? 0 : station(bottleneck).oee();
    }
}
