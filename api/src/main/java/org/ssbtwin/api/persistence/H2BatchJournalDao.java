package org.ssbtwin.api.persistence;

import org.apache.pekko.persistence.jdbc.config.JournalConfig;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.stream.Materializer;
import scala.concurrent.ExecutionContext;
import slick.jdbc.JdbcBackend;
import slick.jdbc.JdbcProfile;

/**
 * {@link PostgresBatchJournalDao}'s batched write of journal rows for H2 (the embedded default): the plugin's default
 * DAO inserts every tagged event with its own {@code INSERT} (slick's insert-returning runs row by row), which the
 * ingest bench's profile showed as a seventh of an H2 node's CPU. Here the rows of a journal write are one JDBC batch
 * whose generated keys are the orderings of the tag rows, a second batch, in one transaction
 * ({@link PostgresJournalWriter#withGeneratedOrderings}). Same tables, columns, serialization and atomicity as the
 * default DAO; reads, deletes and the read journal are the default DAO's. Selected with {@code jdbc-journal.dao} for H2
 * ({@code PersistenceSetup}).
 */
public class H2BatchJournalDao extends PostgresBatchJournalDao {
    public H2BatchJournalDao(JdbcBackend.JdbcDatabaseDef db, JdbcProfile profile, JournalConfig journalConfig,
                             Serialization serialization, ExecutionContext ec, Materializer mat) {
        super(db, profile, journalConfig, serialization, ec, mat,
                PostgresJournalWriter.withGeneratedOrderings(journalConfig.eventJournalTableConfiguration(), journalConfig.eventTagTableConfiguration()));
    }
}
