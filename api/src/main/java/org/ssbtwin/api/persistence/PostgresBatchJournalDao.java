package org.ssbtwin.api.persistence;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.persistence.jdbc.config.JournalConfig;
import org.apache.pekko.persistence.jdbc.journal.dao.DefaultJournalDao;
import org.apache.pekko.persistence.jdbc.journal.dao.JournalTables.JournalPekkoSerializationRow;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.stream.Materializer;
import scala.Tuple2;
import scala.concurrent.ExecutionContext;
import scala.concurrent.Future;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.BoxedUnit;
import slick.dbio.DBIOAction;
import slick.dbio.Effect;
import slick.dbio.NoStream;
import slick.jdbc.JdbcBackend;
import slick.jdbc.JdbcProfile;
import slick.jdbc.SimpleJdbcAction;

/**
 * pekko-persistence-jdbc's {@link DefaultJournalDao} for PostgreSQL with a batched write of journal rows.
 *
 * <p>The default DAO inserts tagged events with slick's {@code insert ... returning ordering}, which slick runs as one
 * INSERT ... RETURNING per row (it needs each row's {@code ordering} for the {@code event_tag} rows): a batch of 100
 * events costs 100+ round trips. This DAO writes the same rows in three round trips, in one transaction:
 * <ol>
 *   <li>takes N values of the journal's {@code ordering} sequence in one query
 *       ({@code select nextval(seq) from generate_series(1, N)}),</li>
 *   <li>inserts the journal rows with those orderings as one JDBC batch,</li>
 *   <li>inserts the tag rows ({@code event_id} = ordering) as one JDBC batch.</li>
 * </ol>
 * The JDBC part is {@link PostgresJournalWriter}. Same tables, columns and serialization as the default DAO; rows are sorted by sequence number (as the default does),
 * so orderings grow with sequence numbers within a persistence id. The batch is atomic: a duplicate
 * {@code (persistence_id, sequence_number)} violates the primary key, the transaction rolls back and the write fails
 * (the persistent actor sees a persist failure), exactly like the default DAO. Reads, deletes and the read journal are
 * the default DAO's. Selected with {@code jdbc-journal.dao} for PostgreSQL only ({@code PersistenceSetup}).
 */
public class PostgresBatchJournalDao extends DefaultJournalDao {
    private final PostgresJournalWriter writer;

    public PostgresBatchJournalDao(JdbcBackend.JdbcDatabaseDef db, JdbcProfile profile, JournalConfig journalConfig,
                                   Serialization serialization, ExecutionContext ec, Materializer mat) {
        this(db, profile, journalConfig, serialization, ec, mat,
                new PostgresJournalWriter(journalConfig.eventJournalTableConfiguration(), journalConfig.eventTagTableConfiguration()));
    }

    /** With another writer of the same rows ({@link H2BatchJournalDao}). */
    protected PostgresBatchJournalDao(JdbcBackend.JdbcDatabaseDef db, JdbcProfile profile, JournalConfig journalConfig,
                                      Serialization serialization, ExecutionContext ec, Materializer mat, PostgresJournalWriter writer) {
        super(db, profile, journalConfig, serialization, ec, mat);
        this.writer = writer;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Future<BoxedUnit> writeJournalRows(scala.collection.immutable.Seq<Tuple2<JournalPekkoSerializationRow, scala.collection.immutable.Set<String>>> xs) {
        List<Tuple2<JournalPekkoSerializationRow, scala.collection.immutable.Set<String>>> rows = new ArrayList<>(CollectionConverters.asJava(xs));
        SimpleJdbcAction<BoxedUnit> write = new SimpleJdbcAction<>(ctx -> {
            try {
                writer.write(ctx.connection(), rows);
            } catch (SQLException e) {
                throw new JournalWriteException(e);
            }
            return BoxedUnit.UNIT;
        });
        DBIOAction<BoxedUnit, NoStream, Effect.All> tx = profile().api().jdbcActionExtensionMethods(write).transactionally();
        // the effect type parameter of run() is a Scala bound Java generics cannot express
        @SuppressWarnings({"unchecked", "rawtypes"})
        Future<BoxedUnit> done = db().run((DBIOAction) tx);
        return done;
    }

    /** A failed batch write (the SQLException as cause): the journal fails the whole batch of writes. */
    public static final class JournalWriteException extends RuntimeException {
        public JournalWriteException(SQLException cause) {
            super("journal batch write failed: " + cause.getMessage()
                    + (cause.getNextException() == null ? "" : " (" + cause.getNextException().getMessage() + ")"), cause);
        }
    }
}
