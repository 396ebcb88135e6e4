package org.ssbtwin.api.cluster;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The journal lease as stored: which member of which cluster holds it, the members that cluster had at the last
 * renewal, when it was renewed (wall milliseconds), and the cluster-wide virtual clock: virtual time
 * {@code clockOrigin} at wall time {@code clockOriginWallMillis}, running {@code speedUp} times faster.
 *
 * @param holder the unique address ({@code pekko://ssb-twin@host:port#uid}) of the member that renewed last
 * @param members the unique addresses of the holder's cluster at that renewal
 */
public record JournalLease(String holder, Set<String> members, long renewedAtMillis, Instant clockOrigin,
                           long clockOriginWallMillis, double speedUp) {
    public JournalLease {
        members = Set.copyOf(members);
    }

    /** The cluster-wide virtual time at a wall time. */
    public Instant virtualAt(long wallMillis) {
        double virtualMillis = (wallMillis - clockOriginWallMillis) * speedUp;
        return clockOrigin.plusMillis((long) virtualMillis);
    }

    /** What a node makes of the stored lease. */
    public enum Verdict {
        /** the holder or a member recorded at the last renewal is in this node's cluster: its cluster owns the journal */
        MINE,
        /** no lease, or one not renewed for the expiry: the next cluster may take it */
        FREE,
        /** held by another cluster (or an earlier incarnation of this node) and not expired: wait */
        HELD,
        /** held by another cluster that keeps renewing it: this node is in the wrong cluster */
        FOREIGN
    }

    /**
     * @param stored the lease row, if any
     * @param self this node's unique address
     * @param myMembers the unique addresses of the members of this node's cluster (itself included)
     * @param renewalSeenBefore the renewal time this node saw at its previous look, if the holder was the same
     */
    public static Verdict judge(Optional<JournalLease> stored, String self, Set<String> myMembers, long nowMillis,
                                long expiryMillis, Optional<Long> renewalSeenBefore) {
        if (stored.isEmpty()) return Verdict.FREE;
        JournalLease lease = stored.get();
        if (myMembers.contains(lease.holder()) || lease.members().contains(self)) return Verdict.MINE;
        if (nowMillis - lease.renewedAtMillis() > expiryMillis) return Verdict.FREE;
        boolean renewedSince = renewalSeenBefore.isPresent() && lease.renewedAtMillis() > renewalSeenBefore.get();
        return renewedSince ? Verdict.FOREIGN : Verdict.HELD;
    }

    /**
     * The clock of a cluster taking a free lease: virtual time goes on from the latest of the configured start, the
     * last recorded event (plus a second) and the virtual time of the expired lease's last renewal, so it never
     * goes backwards across a full restart, and stands still while no cluster runs.
     */
    public static Instant resumedClock(Instant configuredStart, Optional<Instant> lastRecorded, Optional<JournalLease> expired) {
        Instant start = configuredStart;
        if (lastRecorded.isPresent() && lastRecorded.get().plusSeconds(1).isAfter(start)) start = lastRecorded.get().plusSeconds(1);
        if (expired.isPresent()) {
            Instant last = expired.get().virtualAt(expired.get().renewedAtMillis()).plusSeconds(1);
            if (last.isAfter(start)) start = last;
        }
        return start;
    }
}
