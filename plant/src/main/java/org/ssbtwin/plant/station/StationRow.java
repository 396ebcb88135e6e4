package org.ssbtwin.plant.station;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.ssbtwin.core.id.StationId;

/**
 * One station as the read side stores it (a row of {@code rs_station}): its {@link Station} folded by the same rule,
 * with the sequence number of the last event folded in (an event at or below it changes nothing: a replay never
 * applies an event twice).
 */
public record StationRow(Station station, long lastSeqNr) {

    public static StationRow empty(String stationId) {
        return new StationRow(Station.unknown(StationId.of(stationId)), 0);
    }

    public boolean hasApplied(long seqNr) {
        return seqNr <= lastSeqNr;
    }

    public StationRow apply(StationEvent event, long seqNr) {
        if (hasApplied(seqNr)) return this;
        return new StationRow(station.apply(event), seqNr);
    }

    /** The setpoints as stored: {@code name=value} pairs in name order, comma-separated (empty when none). */
    public String setpointsText() {
        StringBuilder b = new StringBuilder();
        new TreeMap<>(station.setpoints()).forEach((k, v) -> {
            if (b.length() > 0) b.append(',');
            b.append(k).append('=').append(v);
        });
        return b.toString();
    }

    /** The setpoints from {@link #setpointsText()}. */
    public static Map<String, Double> setpoints(String text) {
        Map<String, Double> out = new TreeMap<>();
        if (text == null || text.isEmpty()) return out;
        for (String pair : text.split(",")) {
            int eq = pair.indexOf('=');
            out.put(pair.substring(0, eq), Double.parseDouble(pair.substring(eq + 1)));
        }
        return out;
    }

    public Instant updatedAt() {
        return station.lastEventAt();
    }
}
