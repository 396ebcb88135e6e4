package org.ssbtwin.fleet.whatif;

import java.util.Map;

/**
 * The plant in one arm over the measured window (after warm-up, steady state).
 *
 * @param gwhPerYear output rate, GWh/year
 * @param firstPassYield product of the station yields, lamination to EOL
 * @param cellsCompleted graded cells in the window
 * @param scrapByCause scrapped items per cause in the window
 * @param bottleneck station with the highest active share
 */
public record PlantOutcome(double gwhPerYear, double firstPassYield, long cellsCompleted, Map<String, Long> scrapByCause,
                           String bottleneck) {
    public PlantOutcome {
        scrapByCause = Map.copyOf(scrapByCause);
    }
}
