package org.ssbtwin.api;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.ssbtwin.api.persistence.PostgresBatchJournalDao;
import org.ssbtwin.api.persistence.TagRangeReadJournalDao;
import org.ssbtwin.config.TwinSettings;

/**
 * Points pekko-persistence-jdbc at the configured database (H2 file by default, PostgreSQL in production) and
 * creates the journal, tag and snapshot tables if they are missing, with the plugin's own DDL.
 */
public final class PersistenceSetup {
    private PersistenceSetup() {}

    /** The slick database block for the journal, snapshot store and read journal. */
    public static Config persistenceConfig(TwinSettings.Database db) {
        String block = String.format(Locale.ROOT, """
                pekko-persistence-jdbc.shared-databases.slick {
                  profile = "%s"
                  db {
                    url = "%s"
                    user = "%s"
                    password = "%s"
                    driver = "%s"
                    numThreads = %d
                    maxConnections = %d
                    minConnections = 1
                    connectionTimeout = 30000
                  }
                }
                """, db.slickProfile(), escape(db.url()), escape(db.user()), escape(db.password()), db.driver(),
                db.maxConnections(), db.maxConnections());
        // both databases: an events-by-tag query bounded on both tables' keys (the plugin's walks every tag row below
        // the offset on each poll), decoded events shared by a node's readers; see TagRangeReadJournalDao
        block += "jdbc-read-journal.dao = \"" + TagRangeReadJournalDao.class.getName() + "\"\n";
        // the plugin's journal with twin_journal_write_seconds (issue 21)
        block += "jdbc-journal.class = \"" + org.ssbtwin.api.metrics.TimedJdbcJournal.class.getName() + "\"\n";
        if (db.kind() == TwinSettings.DatabaseKind.POSTGRES) {
            // PostgreSQL: write journal batches in a few round trips (the default DAO inserts tagged events row by row)
            // and let the driver send batched inserts as multi-row INSERTs
            block += "jdbc-journal.dao = \"" + PostgresBatchJournalDao.class.getName() + "\"\n"
                    + "pekko-persistence-jdbc.shared-databases.slick.db.properties.reWriteBatchedInserts = true\n";
        } else {
            // H2: the same batched write, the orderings from the batch's generated keys (the default DAO: an INSERT per row)
            block += "jdbc-journal.dao = \"" + org.ssbtwin.api.persistence.H2BatchJournalDao.class.getName() + "\"\n";
        }
        return ConfigFactory.parseString(block);
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** Creates the tables if needed; safe to run at every start. */
    public static void createSchema(TwinSettings settings) {
        TwinSettings.Database db = settings.database();
        try {
            if (db.kind() == TwinSettings.DatabaseKind.H2) Files.createDirectories(settings.dataDir());
            Class.forName(db.driver());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + settings.dataDir(), e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("JDBC driver missing: " + db.driver(), e);
        }
        String resource = db.kind() == TwinSettings.DatabaseKind.H2 ? "schema/h2/h2-create-schema.sql" : "schema/postgres/postgres-create-schema.sql";
        String ddl;
        try (InputStream in = PersistenceSetup.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("pekko-persistence-jdbc DDL not found: " + resource);
            ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password()); Statement st = c.createStatement()) {
            for (String raw : ddl.split(";")) {
                String sql = raw.strip();
                if (sql.isEmpty()) continue;
                // the bundled scripts create some indexes without IF NOT EXISTS; make every statement re-runnable
                sql = sql.replaceFirst("(?i)^CREATE INDEX CONCURRENTLY ", "CREATE INDEX ")
                        .replaceFirst("(?i)^CREATE UNIQUE INDEX (?!IF NOT EXISTS)", "CREATE UNIQUE INDEX IF NOT EXISTS ")
                        .replaceFirst("(?i)^CREATE INDEX (?!IF NOT EXISTS)", "CREATE INDEX IF NOT EXISTS ");
                if (db.kind() == TwinSettings.DatabaseKind.H2) sql = h2InlinePayloads(sql);
                st.execute(sql);
            }
            // reads by tag from an offset (events by tag, a tag's last event) from an index range of that tag, not a
            // walk of every tag row after the offset (issue 17: start time independent of the journal's length). A
            // database made before gets it at its next start, once (seconds per million events).
            st.execute("CREATE INDEX IF NOT EXISTS " + (db.kind() == TwinSettings.DatabaseKind.H2 ? "\"" + TagRangeReadJournalDao.TAG_INDEX + "\"" : TagRangeReadJournalDao.TAG_INDEX)
                    + " ON " + (db.kind() == TwinSettings.DatabaseKind.H2 ? "\"event_tag\" (\"tag\", \"event_id\")" : "public.event_tag (tag, event_id)"));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the journal schema in " + db.url() + ": " + e.getMessage(), e);
        }
    }

    /**
     * H2: payload columns as {@code VARBINARY} (up to 1e9 bytes) instead of the bundled script's {@code BLOB}. H2
     * keeps every BLOB in its separate LOB storage, and with {@code WRITE_DELAY=0} each event's LOB costs its own
     * chunk writes: measured with {@code bench ingest} (500 packs, 46 500 journal rows of ~0.8 KB, a few of 23 KB),
     * the database reached 10.9 KB on disk per row, with the payloads in the rows 7.0 KB (docs/benchmarks.md). The
     * driver reads and writes both types with {@code getBytes}/{@code setBytes}; a database created before keeps
     * its BLOB columns (the tables already exist) and works as before.
     */
    public static String h2InlinePayloads(String ddl) {
        return ddl.replaceAll("(?i)\\bBLOB\\b", "VARBINARY");
    }
}
