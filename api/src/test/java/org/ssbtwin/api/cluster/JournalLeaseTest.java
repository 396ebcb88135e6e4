package org.ssbtwin.api.cluster;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ssbtwin.api.cluster.JournalLease.Verdict;

class JournalLeaseTest {
    private static final String A = "pekko://ssb-twin@127.0.0.1:25520#1";
    private static final String B = "pekko://ssb-twin@127.0.0.1:25521#2";
    private static final String A_RESTARTED = "pekko://ssb-twin@127.0.0.1:25520#3";
    private static final Instant ORIGIN = Instant.parse("2028-01-03T06:00:00Z");
    private static final long EXPIRY = 10_000;

    private static Optional<JournalLease> heldBy(String holder, Set<String> members, long renewedAt) {
        return Optional.of(new JournalLease(holder, members, renewedAt, ORIGIN, 0, 3600));
    }

    @Test
    void aLeaseHeldByTheNodesOwnClusterIsMineEvenWhenItsHolderDied() {
        assertEquals(Verdict.MINE, JournalLease.judge(heldBy(A, Set.of(A, B), 1000), B, Set.of(A, B), 2000, EXPIRY, Optional.empty()));
        // A was killed and removed: B, recorded as a member at the last renewal, still belongs to the owning cluster
        assertEquals(Verdict.MINE, JournalLease.judge(heldBy(A, Set.of(A, B), 1000), B, Set.of(B), 60_000, EXPIRY, Optional.empty()));
    }

    @Test
    void aRestartedNodeAloneIsInAnotherClusterAndSeesItRenewing() {
        Optional<JournalLease> byB = heldBy(B, Set.of(A, B), 5000);
        assertEquals(Verdict.HELD, JournalLease.judge(byB, A_RESTARTED, Set.of(A_RESTARTED), 5500, EXPIRY, Optional.empty()));
        assertEquals(Verdict.HELD, JournalLease.judge(byB, A_RESTARTED, Set.of(A_RESTARTED), 5500, EXPIRY, Optional.of(5000L)));
        assertEquals(Verdict.FOREIGN, JournalLease.judge(heldBy(B, Set.of(A, B), 6000), A_RESTARTED, Set.of(A_RESTARTED), 6500, EXPIRY,
                Optional.of(5000L)));
        // joined properly, the restarted node is in B's cluster
        assertEquals(Verdict.MINE, JournalLease.judge(byB, A_RESTARTED, Set.of(A_RESTARTED, B), 5500, EXPIRY, Optional.empty()));
    }

    @Test
    void aLeaseNobodyRenewsIsFreeAfterTheExpiry() {
        assertEquals(Verdict.FREE, JournalLease.judge(Optional.empty(), A, Set.of(A), 0, EXPIRY, Optional.empty()));
        assertEquals(Verdict.HELD, JournalLease.judge(heldBy(A, Set.of(A), 1000), A_RESTARTED, Set.of(A_RESTARTED), 1000 + EXPIRY, EXPIRY,
                Optional.of(1000L)));
        assertEquals(Verdict.FREE, JournalLease.judge(heldBy(A, Set.of(A), 1000), A_RESTARTED, Set.of(A_RESTARTED), 1001 + EXPIRY, EXPIRY,
                Optional.of(1000L)));
    }

    @Test
    void theClusterClockIsTheSameFunctionOfWallTimeEverywhereAndResumesWhereItStood() {
        JournalLease lease = new JournalLease(A, Set.of(A), 10_000, ORIGIN, 1_000, 3600);
        assertEquals(ORIGIN, lease.virtualAt(1_000));
        assertEquals(ORIGIN.plusSeconds(3600), lease.virtualAt(2_000));
        // a cluster taking the expired lease goes on from its last renewal, not from the configured start
        assertEquals(ORIGIN.plusSeconds(9 * 3600 + 1), JournalLease.resumedClock(ORIGIN, Optional.of(ORIGIN.plusSeconds(60)), Optional.of(lease)));
        // ... or from a later recorded event
        assertEquals(ORIGIN.plusSeconds(20 * 3600 + 1),
                JournalLease.resumedClock(ORIGIN, Optional.of(ORIGIN.plusSeconds(20 * 3600)), Optional.of(lease)));
        assertEquals(ORIGIN, JournalLease.resumedClock(ORIGIN, Optional.empty(), Optional.empty()));
    }
}
