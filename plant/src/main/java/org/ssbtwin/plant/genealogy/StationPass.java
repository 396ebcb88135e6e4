package org.ssbtwin.plant.genealogy;

import java.time.Instant;
import org.ssbtwin.core.id.StationId;
import org.ssbtwin.plant.layout.StationKind;

/** One passage of an item through one station unit: start, end and the result recorded there. */
public record StationPass(StationId station, StationKind kind, int unit, Instant start, Instant end, String result) {}
