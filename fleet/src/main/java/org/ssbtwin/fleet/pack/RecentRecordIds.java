package org.ssbtwin.fleet.pack;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * A pack's idempotency window: 32-bit hashes of the ids of its newest {@link #CAPACITY} usage records, oldest first.
 * It is asked only about a record whose period is not after the pack's last recorded one (a new record, later than
 * everything recorded, is never looked up, so it can never be mistaken for a duplicate): if the id is in the window,
 * the record was already applied and is acknowledged again without change (a retried batch); if not, the record is
 * refused with a conflict. Nothing is ever silently dropped.
 *
 * <p>Hashes instead of the id strings keep a resident pack small (64 ids as strings ~4 KB, 64-bit hashes 0.5 KB,
 * 32-bit hashes 0.27 KB). The hash is FNV-1a over the id's UTF-16 chars, finished with a 64-bit mix and folded to
 * 32 bits (high half XOR low half): specified here, so it is the same on every node and in every snapshot, and a
 * snapshot holding the 64-bit hashes of schema version 2 folds to exactly these. The only effect of a collision: a
 * record for an already recorded period with a different id (a conflicting record) is answered "duplicate" instead of
 * "conflict" (it is not applied either way); probability about 64 / 2^32 = 1.5e-8 per such record (assumed
 * acceptable: it needs a client error first, and changes only the answer).
 */
public final class RecentRecordIds {
    public static final int CAPACITY = 64;
    public static final RecentRecordIds EMPTY = new RecentRecordIds(new int[0]);

    private final int[] hashes;

    private RecentRecordIds(int[] hashes) {
        this.hashes = hashes;
    }

    /** From persisted hashes (oldest first; only the newest {@link #CAPACITY} are kept). */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static RecentRecordIds of(int[] hashes) {
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
    public int[] hashes() {
        return hashes.clone();
    }

    public int size() {
        return hashes.length;
    }

    public boolean contains(String recordId) {
        int h = hash(recordId);
        for (int i = hashes.length - 1; i >= 0; i--) {
            if (hashes[i] == h) return true;
        }
        return false;
    }

    /** The window with {@code recordId} as the newest (unchanged if it is already in); a full window drops its oldest. */
    public RecentRecordIds remember(String recordId) {
        int h = hash(recordId);
        for (int x : hashes) {
            if (x == h) return this;
        }
        int n = hashes.length;
        int drop = n == CAPACITY ? 1 : 0;
        int[] next = new int[n - drop + 1];
        System.arraycopy(hashes, drop, next, 0, n - drop);
        next[n - drop] = h;
        return new RecentRecordIds(next);
    }

    /** The specified 32-bit hash of a record id: {@link #hash64} folded. */
    public static int hash(String recordId) {
        return fold(hash64(recordId));
    }

    /** The 64-bit hash of schema version 2 folded to this window's 32 bits. */
    public static int fold(long hash64) {
        return (int) (hash64 ^ (hash64 >>> 32));
    }

    /** The specified 64-bit hash of a record id (the window of schema version 2 held these). */
    public static long hash64(String recordId) {
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
