package org.ssbtwin.plant.cell;

import java.time.Instant;
import java.util.Map;

/** One page of a cell's genealogy: what happened, where, when, with which result and measurements. */
public record GenealogyStep(String step, String station, Instant at, String result, Map<String, Double> measurements) {
    public GenealogyStep {
        measurements = Map.copyOf(measurements);
    }
}
