package org.ssbtwin.feed.simulation;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.ssbtwin.core.id.StationId;

/**
 * Deterministic record ids for the simulated line's station facts, so that a retried write is recognised by the
 * station (issue 22): {@code <station>/<fact>/<instant>}, with {@code /2}, {@code /3}... when one station reports
 * the same kind of fact twice at one instant. The id depends only on the virtual time, so a feed restarted from the
 * journal (later instants) never reuses an id of facts recorded before.
 */
final class StationRecordIds {
    private record Last(Instant at, int count) {}

    private final Map<String, Last> last = new HashMap<>();

    String next(StationId station, String fact, Instant at) {
        String key = station.value() + "/" + fact;
        Last before = last.get(key);
        int n = before != null && before.at().equals(at) ? before.count() + 1 : 1;
        last.put(key, new Last(at, n));
        return key + "/" + at + (n == 1 ? "" : "/" + n);
    }
}
