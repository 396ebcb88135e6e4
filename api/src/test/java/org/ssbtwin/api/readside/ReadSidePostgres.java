package org.ssbtwin.api.readside;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.ssbtwin.config.TwinSettings;

/**
 * An embedded PostgreSQL for one test class's read-side checks: started before its tests, stopped after them, and a
 * new database for each {@link #newDatabase()} (with the read-side schema, migrated by Flyway as a node does) or
 * {@link #newEmptyDatabase()}, so the tests of the class do not see each other's rows. Register it with {@code @RegisterExtension static final}.
 */
final class ReadSidePostgres implements BeforeAllCallback, AfterAllCallback {
    private final String prefix;
    private final AtomicInteger databases = new AtomicInteger();
    private EmbeddedPostgres pg;

    /** @param prefix the names of the databases it creates: prefix1, prefix2, ... */
    ReadSidePostgres(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        pg = EmbeddedPostgres.builder().start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (pg != null) pg.close();
        pg = null;
    }

    /** A new database without any table (for a test that migrates it itself, e.g. to an older version first). */
    DataSource newEmptyDatabase() throws Exception {
        if (pg == null) throw new IllegalStateException("ReadSidePostgres is used outside its test class's lifetime");
        String name = prefix + databases.incrementAndGet();
        try (Connection admin = pg.getPostgresDatabase().getConnection(); Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        return pg.getDatabase("postgres", name);
    }

    /** A new database with the read-side tables migrated in. */
    DataSource newDatabase() throws Exception {
        DataSource db = newEmptyDatabase();
        ReadSideSchema.migrate(db, TwinSettings.DatabaseKind.POSTGRES);
        return db;
    }

    /** A connection, outside auto-commit, to a {@link #newDatabase() new database}. */
    Connection newConnection() throws Exception {
        Connection c = newDatabase().getConnection();
        c.setAutoCommit(false);
        return c;
    }
}
