package org.ssbtwin.api.readside;

import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.stream.javadsl.Sink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read journal's ordering scan, started as soon as the node's actor system exists. pekko-persistence-jdbc's
 * sequence actor checks the journal's orderings for gaps from 0 at every start, and every events-by-tag query
 * (projections, the change feed's live tag streams) delivers only up to what it has checked; the plugin starts it with
 * the first such query, which comes only once the cluster has formed and the projections run. Started here, the scan
 * runs while the node forms its cluster and binds HTTP, so the read side is current sooner after ready
 * (docs/read-side.md "Start"). Nothing else changes: the same actor, the same gap checks and waits.
 */
public final class OrderingScan {
    private static final Logger log = LoggerFactory.getLogger(OrderingScan.class);
    /** A tag no event carries: the query reads no row, it only asks the sequence actor (which starts it). */
    static final String NO_TAG = "ssb-twin-ordering-scan";

    private OrderingScan() {}

    /**
     * Starts the scan; completes once it has reached the highest ordering the journal held when called (a current
     * events-by-tag query from the largest offset: it asks the sequence actor every refresh interval and reads no row).
     */
    public static CompletionStage<Done> start(ActorSystem<?> system) {
        long t0 = System.nanoTime();
        JdbcReadJournal journal = PersistenceQuery.get(system).getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
        CompletionStage<Done> done = journal.currentEventsByTag(NO_TAG, Offset.sequence(Long.MAX_VALUE)).runWith(Sink.ignore(), system);
        done.whenComplete((d, error) -> {
            if (error != null) {
                log.warn("read journal's ordering scan: {}", error.toString());
            } else {
                log.info("read journal's ordering scan reached the journal's end at start after {} ms", (System.nanoTime() - t0) / 1_000_000);
            }
        });
        return done;
    }
}
