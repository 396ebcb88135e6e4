package org.ssbtwin.plant.station;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ssbtwin.core.AssetState;
import org.ssbtwin.core.Rejection;
import org.ssbtwin.core.TwinSerializable;
import org.ssbtwin.core.id.StationId;

/**
 * A production station as the twin knows it: the fold of its {@link StationEvent}s. Immutable; {@link #apply}
 * returns the next state.
 */
public record Station(
        StationId id,
        String kind,
        int units,
        Map<String, Double> setpoints,
        StationState state,
        String stateReason,
        Instant stateSince,
        long unitsIn,
        long unitsOut,
        Map<String, Long> scrapByCause,
        Map<String, Double> readings,
        Instant lastEventAt,
        Instant observedUntil,
        long revision,
        List<String> recentRecordIds) implements TwinSerializable, AssetState<StationEvent, Station> {

    public Station {
        setpoints = Map.copyOf(setpoints);
        scrapByCause = Map.copyOf(scrapByCause);
        readings = Map.copyOf(readings);
        recentRecordIds = recentRecordIds == null ? List.of() : List.copyOf(recentRecordIds);
    }

    /** Record ids of the newest observed facts kept for idempotent retries (snapshots before issue 22 have none). */
    public static final int RECENT_RECORD_IDS = 1024;

    /** A station id the twin has heard of but that is not commissioned yet. */
    public static Station unknown(StationId id) {
        return new Station(id, null, 0, Map.of(), StationState.IDLE, "not commissioned", null, 0, 0, Map.of(), Map.of(), null, null, 0, List.of());
    }

    public boolean commissioned() {
        return kind != null;
    }

    public long scrapTotal() {
        return scrapByCause.values().stream().mapToLong(Long::longValue).sum();
    }

    /** 2: with {@code recentRecordIds} (version 1 snapshots have none: read as empty). */
    @Override
    public int schemaVersion() {
        return 2;
    }

    /**
     * A retried observed fact: its record id is one of the station's newest (skipped, not counted twice); or a retried
     * commissioning.
     */
    @Override
    public boolean alreadyRecorded(StationEvent event) {
        // a retried commissioning: the same kind, not after what the station has observed since
        if (event instanceof StationEvent.Commissioned c) {
            return commissioned() && kind.equals(c.kind()) && c.at() != null && observedUntil != null && !c.at().isAfter(observedUntil);
        }
        return event.recordId() != null && recentRecordIds.contains(event.recordId());
    }

    private List<String> remember(StationEvent event) {
        String id = event.recordId();
        if (id == null) return recentRecordIds;
        List<String> next = new ArrayList<>(recentRecordIds.size() + 1);
        int drop = recentRecordIds.size() >= RECENT_RECORD_IDS ? recentRecordIds.size() - RECENT_RECORD_IDS + 1 : 0;
        next.addAll(recentRecordIds.subList(drop, recentRecordIds.size()));
        next.add(id);
        return next;
    }

    /** Why this station cannot accept {@code event}, or {@code null} if it can. */
    @Override
    public Rejection check(StationEvent event) {
        if (event.at() == null) return Rejection.invalid("at", "event time is required");
        // observed facts (readings, state, throughput) must come in time order; an engineer's setpoint change is an
        // instruction stamped "now" and may interleave with facts observed slightly earlier
        boolean observed = !(event instanceof StationEvent.SetpointChanged);
        if (observed && observedUntil != null && event.at().isBefore(observedUntil)) {
            return Rejection.conflict("at", "time goes backwards for station " + id + ": " + event.at() + " is before " + observedUntil);
        }
        if (event instanceof StationEvent.Commissioned c) {
            if (c.kind() == null || c.kind().isBlank()) return Rejection.invalid("kind", "station kind is required");
            if (c.units() < 1) return Rejection.invalid("units", "units must be >= 1, was " + c.units());
            if (commissioned() && !kind.equals(c.kind())) {
                return Rejection.conflict("kind", "station " + id + " is already commissioned as " + kind);
            }
            return null;
        }
        if (!commissioned()) return Rejection.notFound("station " + id + " is not commissioned");
        if (event instanceof StationEvent.SetpointChanged s) {
            if (s.name() == null || s.name().isBlank()) return Rejection.invalid("name", "setpoint name is required");
            Rejection r = Setpoints.check(s.name(), s.value());
            if (r != null) return r;
        } else if (event instanceof StationEvent.StateChanged s && s.state() == null) {
            return Rejection.invalid("state", "state is required");
        } else if (event instanceof StationEvent.ReadingsRecorded r) {
            for (var e : r.readings().entrySet()) {
                if (!Double.isFinite(e.getValue())) return Rejection.invalid("readings." + e.getKey(), "must be a finite number");
            }
        }
        return null;
    }

    @Override
    public Station apply(StationEvent event) {
        long rev = revision + 1;
        Instant at = event.at();
        if (event instanceof StationEvent.Commissioned c) {
            return new Station(id, c.kind(), c.units(), c.setpoints(), StationState.IDLE, "commissioned", at,
                    unitsIn, unitsOut, scrapByCause, readings, latest(at), at, rev, remember(event));
        } else if (event instanceof StationEvent.SetpointChanged s) {
            Map<String, Double> next = new TreeMap<>(setpoints);
            next.put(s.name(), s.value());
            return new Station(id, kind, units, next, state, stateReason, stateSince, unitsIn, unitsOut, scrapByCause, readings, latest(at), observedUntil, rev, remember(event));
        } else if (event instanceof StationEvent.StateChanged s) {
            return new Station(id, kind, units, setpoints, s.state(), s.reason(), at, unitsIn, unitsOut, scrapByCause, readings, latest(at), at, rev, remember(event));
        } else if (event instanceof StationEvent.ThroughputRecorded t) {
            Map<String, Long> scrap = new TreeMap<>(scrapByCause);
            t.scrapByCause().forEach((cause, n) -> scrap.merge(cause, n, Long::sum));
            return new Station(id, kind, units, setpoints, state, stateReason, stateSince,
                    unitsIn + t.in(), unitsOut + t.out(), scrap, readings, latest(at), at, rev, remember(event));
        } else if (event instanceof StationEvent.ReadingsRecorded r) {
            Map<String, Double> next = new TreeMap<>(readings);
            next.putAll(r.readings());
            return new Station(id, kind, units, setpoints, state, stateReason, stateSince, unitsIn, unitsOut, scrapByCause, next, latest(at), at, rev, remember(event));
        }
        throw new IllegalStateException("unhandled station event " + event);
    }

    private Instant latest(Instant at) {
        return lastEventAt == null || at.isAfter(lastEventAt) ? at : lastEventAt;
    }
}
