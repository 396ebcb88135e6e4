package org.ssbtwin.plant.station;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * How long a station has spent in each state, folded from its state changes (the basis of utilisation,
 * availability and blocked/starved shares). Immutable.
 */
public record StationTimeAccount(Map<StationState, Long> millisInState, StationState current, Instant since) {
    public StationTimeAccount {
        millisInState = Map.copyOf(millisInState);
    }

    public static StationTimeAccount start() {
        return new StationTimeAccount(Map.of(), null, null);
    }

    public StationTimeAccount apply(StationEvent e) {
        if (e instanceof StationEvent.Commissioned c) return new StationTimeAccount(millisInState, StationState.IDLE, c.at());
        if (!(e instanceof StationEvent.StateChanged s)) return this;
        return closedAt(s.at()).withState(s.state(), s.at());
    }

    private StationTimeAccount withState(StationState state, Instant at) {
        return new StationTimeAccount(millisInState, state, at);
    }

    /** The account with the current state's time counted up to {@code at}. */
    public StationTimeAccount closedAt(Instant at) {
        if (current == null || since == null || !at.isAfter(since)) return this;
        Map<StationState, Long> next = new EnumMap<>(StationState.class);
        next.putAll(millisInState);
        next.merge(current, Duration.between(since, at).toMillis(), Long::sum);
        return new StationTimeAccount(next, current, at);
    }

    public long totalMillis() {
        return millisInState.values().stream().mapToLong(Long::longValue).sum();
    }

    public double share(StationState state) {
        long total = totalMillis();
        return total == 0 ? 0 : millisInState.getOrDefault(state, 0L) / (double) total;
    }
}
