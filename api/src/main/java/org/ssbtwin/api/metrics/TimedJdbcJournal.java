package org.ssbtwin.api.metrics;

import com.typesafe.config.Config;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.persistence.AtomicWrite;
import org.apache.pekko.persistence.jdbc.journal.JdbcAsyncWriteJournal;
import scala.collection.immutable.Seq;
import scala.concurrent.Future;
import scala.runtime.BoxedUnit;
import scala.util.Try;

/**
 * pekko-persistence-jdbc's journal (every database, every DAO) with {@code twin_journal_write_seconds}: the time of
 * each {@code asyncWriteMessages} call, i.e. one batch of atomic writes from the journal actor to the database commit.
 * Configured as {@code jdbc-journal.class} by PersistenceSetup.
 */
public final class TimedJdbcJournal extends JdbcAsyncWriteJournal {
    private final Timer writes;

    public TimedJdbcJournal(Config config) {
        super(config);
        this.writes = TwinMetrics.get(context().system()).journalWrites();
    }

    @Override
    public Future<Seq<Try<BoxedUnit>>> asyncWriteMessages(Seq<AtomicWrite> messages) {
        long t0 = System.nanoTime();
        Future<Seq<Try<BoxedUnit>>> written = super.asyncWriteMessages(messages);
        written.onComplete(result -> {
            writes.record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
            return BoxedUnit.UNIT;
        }, ec());
        return written;
    }
}
