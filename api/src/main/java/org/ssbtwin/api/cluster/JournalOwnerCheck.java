package org.ssbtwin.api.cluster;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.actor.ActorSystem;

/**
 * Pekko Management readiness check ({@code pekko.management.health-checks.readiness-checks.twin-journal-owner}):
 * {@code /ready} answers 200 only while this node's cluster owns the journal ({@link JournalOwnership}), so that an
 * entities-only node of a second cluster is never taken for ready either.
 */
public final class JournalOwnerCheck implements Supplier<CompletionStage<Boolean>> {
    private final ActorSystem system;

    public JournalOwnerCheck(ActorSystem system) {
        this.system = system;
    }

    @Override
    public CompletionStage<Boolean> get() {
        return CompletableFuture.completedFuture(JournalOwnership.of(system).map(JournalOwnership::owned).orElse(false));
    }
}
