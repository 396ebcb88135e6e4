package org.ssbtwin.plant.station;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ssbtwin.core.id.StationId;

/**
 * One station as the read side stores it (a row of {@code rs_station} with its scrap by cause and latest readings):
 * its {@link Station} and {@link StationTimeAccount} folded by the same rules, with the sequence numbers of the
 * first and the last event folded in (an event at or below the last changes nothing: a replay never applies an event
 * twice; a first of 1 means the row holds the station's whole life).
 *
 * <p>The station is kept without its {@link Station#recentRecordIds() recent record ids}: they serve the entity's
 * idempotent retries, not the read side (up to {@value Station#RECENT_RECORD_IDS} ids per station would be rewritten
 * with every group of events).
 */
public record StationRow(Station station, StationTimeAccount time, long firstSeqNr, long lastSeqNr) {

    public StationRow {
        station = withoutRecordIds(station);
    }

    public static StationRow empty(String stationId) {
        return new StationRow(Station.unknown(StationId.of(stationId)), StationTimeAccount.start(), 0, 0);
    }

    /**
     * A stored row: the time account's current state and its start are the station's own ({@link Station#apply} and
     * {@link StationTimeAccount#apply} move both on commissioning and on every state change), none before commissioning.
     */
    public static StationRow stored(Station station, Map<StationState, Long> millisInState, long firstSeqNr, long lastSeqNr) {
        StationTimeAccount time = new StationTimeAccount(millisInState, station.stateSince() == null ? null : station.state(), station.stateSince());
        return new StationRow(station, time, firstSeqNr, lastSeqNr);
    }

    public boolean hasApplied(long seqNr) {
        return seqNr <= lastSeqNr;
    }

    /** Whether the row holds every event of the station since its first (rows folded before the read side kept time in state may not). */
    public boolean wholeLife() {
        return firstSeqNr == 1;
    }

    public StationRow apply(StationEvent event, long seqNr) {
        if (hasApplied(seqNr)) return this;
        return new StationRow(station.apply(event), time.apply(event), lastSeqNr == 0 ? seqNr : firstSeqNr, seqNr);
    }

    /** The station as the read side answers it: without the recent record ids. */
    public static Station withoutRecordIds(Station s) {
        if (s.recentRecordIds().isEmpty()) return s;
        return new Station(s.id(), s.kind(), s.units(), s.setpoints(), s.state(), s.stateReason(), s.stateSince(), s.unitsIn(),
                s.unitsOut(), s.scrapByCause(), s.readings(), s.lastEventAt(), s.observedUntil(), s.revision(), List.of());
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
