package org.ssbtwin.api.readside;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.stream.javadsl.Sink;
import org.slf4j.LoggerFactory;
import org.ssbtwin.plant.entity.StationEntity;
import org.ssbtwin.plant.station.StationEvent;
import org.ssbtwin.plant.station.StationRow;

/**
 * One station's events from the journal folded into its read-side row: how the station projection completes a row
 * written before {@code rs_station} kept time in state, scrap by cause and readings (schema V4), once, the first time
 * it touches that row after the upgrade.
 */
@FunctionalInterface
interface StationHistory {
    /** How long one station's events may take to read (assumed: years of readings of one station, far less in practice). */
    Duration READ_TIMEOUT = Duration.ofMinutes(10);

    /** The station's events with sequence numbers 1 to {@code toSeqNr} folded from an empty row. */
    StationRow fold(String stationId, long toSeqNr) throws SQLException;

    /**
     * The journal's events of the station. Blocks the calling thread: the projection's JDBC handler runs on the
     * projection's blocking JDBC dispatcher, never on an actor's.
     */
    static StationHistory journal(ActorSystem<?> system) {
        return (stationId, toSeqNr) -> {
            JdbcReadJournal journal = PersistenceQuery.get(system).getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
            String pid = PersistenceId.of(StationEntity.TYPE_KEY.name(), stationId).id();
            try {
                return journal.currentEventsByPersistenceId(pid, 1, toSeqNr)
                        .runWith(Sink.fold(StationRow.empty(stationId),
                                (row, env) -> env.event() instanceof StationEvent e ? row.apply(e, env.sequenceNr()) : row), system)
                        .toCompletableFuture().get(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while reading the events of station " + stationId, e);
            } catch (ExecutionException | TimeoutException e) {
                throw new SQLException("cannot read the events of station " + stationId + " from the journal: " + e, e);
            }
        };
    }

    /**
     * {@code stored} (a row without its first sequence number) folded again from the journal up to its last event; if
     * the journal no longer holds them all (deleted events), {@code stored} with time in state, scrap by cause and
     * readings counted from its next event on.
     */
    static StationRow refolded(StationHistory history, StationRow stored) throws SQLException {
        String id = stored.station().id().value();
        StationRow folded = history.fold(id, stored.lastSeqNr());
        if (folded.lastSeqNr() == stored.lastSeqNr()) {
            LoggerFactory.getLogger(StationHistory.class).info("station {}: read-side row folded again from its {} journal events "
                    + "(time in state, scrap by cause, readings)", id, stored.lastSeqNr());
            return folded;
        }
        LoggerFactory.getLogger(StationHistory.class).warn("station {}: the journal holds its events only up to {} of {}: time in state, "
                + "scrap by cause and readings are counted from event {} on", id, folded.lastSeqNr(), stored.lastSeqNr(), stored.lastSeqNr() + 1);
        return new StationRow(stored.station(), stored.time(), stored.lastSeqNr() + 1, stored.lastSeqNr());
    }
}
