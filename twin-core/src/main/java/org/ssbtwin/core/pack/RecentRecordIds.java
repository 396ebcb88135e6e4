package org.ssbtwin.core.pack;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * A pack's idempotency window: 64-bit hashes of the ids of its newest {@link #CAPACITY} usage records, oldest first.
 * A record whose id is in the window was already applied and is acknowledged again without change (a retried
 * batch); a record id outside the window whose day is not after the pack's last day is refused with a conflict,
 * never silently dropped.
 *
 * <p>Hashes instead of the id strings keep a resident pack small (64 ids as strings ~4 KB, as hashes 0.5 KB). The
 * hash is FNV-1a over the id's UTF-16 chars, finished with a 64-bit mix: specified here, so it is the same on every
 * node and in every snapshot. Two different ids of one pack colliding within the window has a probability of about
 * 64 / 2^64 per record (assumed negligible: ~3.5e-18).
 */
public final class RecentRecordIds {
    public static final int CAPACITY = 64;
    public static final RecentRecordIds EMPTY = new RecentRecordIds(new long[0]);

    private final long[] hashes;

    private RecentRecordIds(long[] hashes) {
        this.hashes = hashes;
    }

    /** From persisted hashes (oldest first; only the newest {@link #CAPACITY} are kept). */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static RecentRecordIds of(long[] hashes) {
        if (hashes == null || hashes.length == 0) return EMPTY;
        int from = Math.max(0, hashes.length - CAPACITY);
        return new RecentRecordIds(Arrays.copyOfRange(hashes, from, hashes.length));
    }

    /** The window after these ids, in order. */
    public static RecentRecordIds ofIds(Iterable<String> ids) {
        RecentRecordIds w = EMPTY;
        for (String id : ids) w = w.remember(id);
        return w;
    }

    @JsonValue
    public long[] hashes() {
        return hashes.clone();
    }

    public int size() {
        return hashes.length;
    }

    public boolean contains(String recordId) {
        long h = hash(recordId);
        for (int i = hashes.length - 1; i >= 0; i--) {
            if (hashes[i] == h) return true;
        }
        return false;
    }

    /** The window with {@code recordId} as the newest (unchanged if it is already in); a full window drops its oldest. */
    public RecentRecordIds remember(String recordId) {
        long h = hash(recordId);
        for (long x : hashes) {
            if (x == h) return this;
        }
        int n = hashes.length;
        int drop = n == CAPACITY ? 1 : 0;
        long[] next = new long[n - drop + 1];
        System.arraycopy(hashes, drop, next, 0, n - drop);
        next[n - drop] = h;
        return new RecentRecordIds(next);
    }

    /** The specified 64-bit hash of a record id. */
    public static long hash(String recordId) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < recordId.length(); i++) {
            h ^= recordId.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= recordId.length();
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecentRecordIds r && Arrays.equals(hashes, r.hashes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hashes);
    }

    @Override
    public String toString() {
        return "RecentRecordIds[" + hashes.length + "]";
    }
}
