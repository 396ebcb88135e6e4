package org.ssbtwin.plant.sim;

import java.time.Duration;

/**
 * @param readingInterval how often sensor readings are sampled (virtual time); null or zero disables readings
 * @param buildGenealogy  build the full {@code CellGenealogy} for each completed cell (default true; false for benchmarks)
 */
public record SimulationOptions(Duration readingInterval, boolean buildGenealogy) {
    public static final SimulationOptions DEFAULT = new SimulationOptions(Duration.ofMinutes(1), true);
    public static final SimulationOptions BENCHMARK = new SimulationOptions(Duration.ofMinutes(1), false);

    public SimulationOptions {
        if (readingInterval != null && readingInterval.isNegative()) throw new IllegalArgumentException("readingInterval must be >= 0");
    }
}
