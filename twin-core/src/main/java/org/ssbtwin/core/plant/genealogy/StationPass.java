package org.ssbtwin.core.plant.genealogy;

import java.time.Instant;
import org.ssbtwin.core.id.StationId;
import org.ssbtwin.core.plant.StationKind;

/** One passage of an item through one station unit: start, end and the result recorded there. */
public record StationPass(StationId station, StationKind kind, int unit, Instant start, Instant end, String result) {}
