package org.ssbtwin.fleet.whatif;

import java.util.Map;

/**
 * Plant baseline vs scenario over {@code days} simulated days (same plant seed in both arms).
 *
 * @param delta scenario - baseline: {@code gwhPerYear}, {@code firstPassYield}, {@code scrapByCause}, and whether
 *        the bottleneck moved
 */
public record PlantComparison(String layout, int days, PlantOutcome baseline, PlantOutcome scenario, Delta delta) {
    public record Delta(double gwhPerYear, double firstPassYield, long cellsCompleted, Map<String, Long> scrapByCause,
                        boolean bottleneckChanged) {
        public Delta {
            scrapByCause = Map.copyOf(scrapByCause);
        }
    }
}
