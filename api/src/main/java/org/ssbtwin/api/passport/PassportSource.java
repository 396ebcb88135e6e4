package org.ssbtwin.api.passport;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.stream.javadsl.Sink;
import org.ssbtwin.api.history.HistoryRoutes;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.plant.cell.CellDesign;
import org.ssbtwin.fleet.entity.PackEntity;

/**
 * Where a passport's inputs come from: the pack entity says whether the pack exists and its current revision; its
 * journal, folded up to that revision (and up to a date for a passport at that date, as the history endpoints do),
 * gives the {@link PackPassportFacts}; {@link PassportBuilder} does the rest. Never blocks.
 */
public final class PassportSource {
    private final ActorSystem<?> system;
    private final ClusterSharding sharding;
    private final JdbcReadJournal journal;
    private final Duration timeout;
    private final PassportDeclarations declarations;
    private final CellDesign cellDesign;

    public PassportSource(ActorSystem<?> system, ClusterSharding sharding, Duration askTimeout, PassportDeclarations declarations,
                          CellDesign cellDesign) {
        this.system = system;
        this.sharding = sharding;
        this.journal = PersistenceQuery.get(system).getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
        this.timeout = askTimeout;
        this.declarations = declarations;
        this.cellDesign = cellDesign;
    }

    /** Where passports are built from read-side rows: the actor system's dispatcher (CPU work, no blocking). */
    public java.util.concurrent.Executor executor() {
        return system.executionContext();
    }

    public PassportDeclarations declarations() {
        return declarations;
    }

    /** The cell now, if it exists. */
    public CompletionStage<Optional<org.ssbtwin.plant.cell.Cell>> cell(org.ssbtwin.core.id.CellId id) {
        return sharding.entityRefFor(org.ssbtwin.plant.entity.CellEntity.TYPE_KEY, id.value())
                .<org.ssbtwin.plant.entity.CellEntity.Reply>ask(org.ssbtwin.plant.entity.CellEntity.Get::new, timeout)
                .thenApply(r -> r.cell().exists() ? Optional.of(r.cell()) : Optional.<org.ssbtwin.plant.cell.Cell>empty());
    }

    /** The passport of these facts (from the journal or the read side). */
    public BatteryPassport build(PackPassportFacts.Facts facts, String resolvableUrl) {
        return PassportBuilder.build(facts, facts.design(cellDesign), declarations, resolvableUrl);
    }

    /** Does the pack exist now, and its revision (0 when it does not). */
    public CompletionStage<Long> revision(PackId id) {
        return sharding.entityRefFor(PackEntity.TYPE_KEY, id.value())
                .<PackEntity.Reply>ask(PackEntity.Get::new, timeout)
                .thenApply(r -> r.pack().exists() ? r.pack().revision() : 0L);
    }

    /**
     * The passport of pack {@code id} as it was at {@code at} (null: now); empty when the pack does not exist or was
     * not yet assembled then.
     */
    public CompletionStage<Optional<BatteryPassport>> passport(PackId id, Instant at, String resolvableUrl) {
        return revision(id).thenCompose(rev -> {
            if (rev == 0) return CompletableFuture.completedFuture(Optional.<BatteryPassport>empty());
            return journal.currentEventsByPersistenceId(PackEntity.TYPE_KEY.name() + "|" + id.value(), 1, rev)
                    .takeWhile(env -> at == null || !HistoryRoutes.at(env.event()).isAfter(at))
                    .runWith(Sink.fold(new PackPassportFacts(id), (f, env) -> f.add(env.event())), system)
                    .thenApply(f -> {
                        PackPassportFacts.Facts facts = f.facts();
                        if (facts == null) return Optional.<BatteryPassport>empty();
                        return Optional.of(build(facts, resolvableUrl));
                    });
        });
    }
}
