package org.ssbtwin.api.readside;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How far each slice of the fleet projection trails the journal: its offset (journal ordering), the pack events after
 * it that belong to it, how long the oldest of those has waited, and whether the slice is stalled (events wait and
 * its offset has not moved for {@code stallAfterMillis}). Plain data; {@link ReadSideLagProbe} measures it.
 *
 * @param slices per slice, in slice order
 * @param measuredAt when it was measured
 */
public record ReadSideLag(List<Slice> slices, Instant measuredAt) {
    public ReadSideLag {
        slices = List.copyOf(slices);
    }

    /**
     * @param offset the journal ordering of the last event the slice holds (0: none yet)
     * @param offsetMovedAt when this node last saw the offset change
     * @param eventsBehind pack events after the offset that belong to the slice (capped at the probe's limit)
     * @param secondsBehind how long the oldest of them has been in the journal (0 when none)
     */
    public record Slice(int slice, long offset, Instant offsetMovedAt, long eventsBehind, double secondsBehind, boolean stalled) {}

    /** A pack event in the journal after the oldest slice's offset. */
    public record JournalEvent(long ordering, String packId, long writtenAtMillis) {}

    public boolean stalled() {
        return slices.stream().anyMatch(Slice::stalled);
    }

    /** The largest {@code secondsBehind} of any slice: the read side's lag. */
    public double secondsBehind() {
        return slices.stream().mapToDouble(Slice::secondsBehind).max().orElse(0);
    }

    /**
     * @param offsets slice -> offset now (a slice without an offset row is at 0)
     * @param previous the previous measurement, to tell since when an offset has not moved (null: first)
     * @param after pack events with an ordering above the smallest offset, in ordering order
     */
    public static ReadSideLag of(int instances, Map<Integer, Long> offsets, ReadSideLag previous, List<JournalEvent> after,
                                 long nowMillis, long stallAfterMillis) {
        List<Slice> slices = new ArrayList<>(instances);
        for (int i = 0; i < instances; i++) {
            long offset = offsets.getOrDefault(i, 0L);
            Instant movedAt = Instant.ofEpochMilli(nowMillis);
            if (previous != null && i < previous.slices().size() && previous.slices().get(i).offset() == offset) {
                movedAt = previous.slices().get(i).offsetMovedAt();
            }
            long behind = 0;
            long oldest = -1;
            for (JournalEvent e : after) {
                if (e.ordering() <= offset || FleetProjection.sliceOf(e.packId(), instances) != i) continue;
                behind++;
                if (oldest < 0) oldest = e.writtenAtMillis();
            }
            double seconds = oldest < 0 ? 0 : Math.max(0, (nowMillis - oldest) / 1000.0);
            boolean stalled = behind > 0 && nowMillis - movedAt.toEpochMilli() >= stallAfterMillis;
            slices.add(new Slice(i, offset, movedAt, behind, seconds, stalled));
        }
        return new ReadSideLag(slices, Instant.ofEpochMilli(nowMillis));
    }
}
