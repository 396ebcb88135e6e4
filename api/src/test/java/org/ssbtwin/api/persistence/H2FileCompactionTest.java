package org.ssbtwin.api.persistence;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssbtwin.config.H2FileSettings;
import org.ssbtwin.config.TwinSettings;

/**
 * The node's H2 compaction on a real H2 file with the twin's write settings ({@code WRITE_DELAY=0}: a chunk per
 * commit, no background writer): rows committed one by one and then updated leave chunks with little live data;
 * a compaction run rewrites them (the chunks' fill rate rises) and every row is intact, also after a reopen.
 * Pages written without compression stay readable once the database is opened with it.
 */
class H2FileCompactionTest {
    private static final int ROWS = 1500;

    /** H2's retention time 0 so that chunks just written may be rewritten at once (the node keeps H2's 45 s). */
    private static TwinSettings.Database db(Path dir, boolean compress) {
        return new TwinSettings.Database(TwinSettings.DatabaseKind.H2, "jdbc:h2:file:" + dir.resolve("t").toAbsolutePath()
                + ";WRITE_DELAY=0;RETENTION_TIME=0" + (compress ? ";COMPRESS=TRUE" : ""), "sa", "", 2);
    }

    private static Connection open(TwinSettings.Database db) throws SQLException {
        return DriverManager.getConnection(db.url(), db.user(), db.password());
    }

    private static void writeRows(Connection c, int from, int to, String prefix) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO usage_day (id, payload) KEY (id) VALUES (?, ?)")) {
            for (int i = from; i < to; i++) {
                ps.setInt(1, i);
                ps.setBytes(2, (prefix + i + "-" + "x".repeat(300)).getBytes());
                ps.executeUpdate(); // autocommit: one commit, one chunk, as the journal's writes
            }
        }
    }

    /** Row count and a checksum of every payload. */
    private static long[] contents(Connection c) throws SQLException {
        return contents(c, Integer.MAX_VALUE);
    }

    private static long[] contents(Connection c, int belowId) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, payload FROM usage_day WHERE id < " + belowId + " ORDER BY id")) {
            long n = 0, sum = 0;
            while (rs.next()) {
                n++;
                sum = sum * 31 + java.util.Arrays.hashCode(rs.getBytes(2)) + rs.getInt(1);
            }
            return new long[] {n, sum};
        }
    }

    private static int chunksFillRate(Connection c) throws SQLException {
        return H2FileCompaction.mvStore(c).getFileStore().getChunksFillRate();
    }

    @Test
    void compactionRewritesDeadChunksAndKeepsEveryRow(@TempDir Path dir) throws Exception {
        TwinSettings.Database db = db(dir, true);
        long[] expected;
        long[] beforeCompaction;
        try (Connection c = open(db)) {
            c.createStatement().execute("CREATE TABLE usage_day (id INT PRIMARY KEY, payload VARBINARY)");
            writeRows(c, 0, ROWS, "a");
            writeRows(c, 0, ROWS, "b"); // every row again: the first versions' pages are dead
            beforeCompaction = contents(c);
            assertEquals(ROWS, beforeCompaction[0]);
            int before = chunksFillRate(c);
            H2FileCompaction compaction = H2FileCompaction.start(db, new H2FileSettings(true, true, Duration.ofHours(1), 80, 64));
            try {
                assertNotNull(compaction);
                assertTrue(compaction.compactOnce(), "chunks at " + before + " % live were rewritten");
                // H2 drops the chunks left without live data at its next commits (past its last few versions)
                writeRows(c, ROWS, ROWS + 10, "c");
                int after = chunksFillRate(c);
                assertTrue(after > before, "fill rate " + before + " % -> " + after + " %");
            } finally {
                compaction.close();
            }
            assertArrayEquals(beforeCompaction, contents(c, ROWS), "the rows compaction moved are unchanged");
            expected = contents(c);
            assertEquals(ROWS + 10, expected[0]);
        }
        try (Connection c = open(db)) { // the last connection closed the database: reopened from the file
            assertArrayEquals(expected, contents(c));
        }
    }

    /**
     * One run rewrites up to its whole budget, not one step: several MB of live rows in partly dead chunks (1 KB
     * payloads that do not compress, updated a few random rows per commit) need several 2 MB steps. H2 counts a
     * chunk's pages as moved out only once their new copies are stored, so each step is committed before the next
     * chooses chunks; without it the run stopped after its first step.
     */
    @Test
    void oneRunRewritesMoreThanOneStep(@TempDir Path dir) throws Exception {
        TwinSettings.Database db = db(dir, true);
        int rows = 6000;
        java.util.Random random = new java.util.Random(17);
        try (Connection c = open(db)) {
            c.createStatement().execute("CREATE TABLE usage_day (id INT PRIMARY KEY, payload VARBINARY)");
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO usage_day (id, payload) KEY (id) VALUES (?, ?)")) {
                for (int i = 0; i < rows + 600; i++) {
                    for (int k = 0; k < 4; k++) {
                        byte[] payload = new byte[1000];
                        random.nextBytes(payload);
                        ps.setInt(1, i < rows / 4 ? i * 4 + k : random.nextInt(rows));
                        ps.setBytes(2, payload);
                        ps.executeUpdate();
                    }
                    c.commit();
                    if (i == rows / 4) i = rows; // the table is full: then 600 commits of 4 random updates each
                }
            }
            c.setAutoCommit(true);
            int before = chunksFillRate(c);
            long[] beforeCompaction = contents(c);
            assertTrue(before < 60, "partly dead chunks to start from: " + before + " %");
            H2FileCompaction compaction = H2FileCompaction.start(db, new H2FileSettings(true, true, Duration.ofHours(1), 80, 64));
            try {
                assertTrue(compaction.compactOnce());
                writeRows(c, rows, rows + 10, "c"); // H2 drops the chunks left without live data at its next commits
                int after = chunksFillRate(c);
                assertTrue(after >= 75, "one run (budget 64 MB, 2 MB steps) took the chunks from " + before + " % to " + after
                        + " % live (target 80 %)");
            } finally {
                compaction.close();
            }
            assertArrayEquals(beforeCompaction, contents(c, rows), "the rows compaction moved are unchanged");
        }
    }

    @Test
    void pagesWrittenWithoutCompressionStayReadable(@TempDir Path dir) throws Exception {
        long[] old;
        try (Connection c = open(db(dir, false))) {
            c.createStatement().execute("CREATE TABLE usage_day (id INT PRIMARY KEY, payload VARBINARY)");
            writeRows(c, 0, 500, "old");
            old = contents(c);
        }
        TwinSettings.Database compressed = db(dir, true);
        try (Connection c = open(compressed)) {
            assertArrayEquals(old, contents(c));
            writeRows(c, 500, 1000, "new");
            H2FileCompaction compaction = H2FileCompaction.start(compressed, new H2FileSettings(true, true, Duration.ofHours(1), 95, 64));
            try {
                compaction.compactOnce(); // old, uncompressed pages rewritten compressed
            } finally {
                compaction.close();
            }
            assertEquals(1000, contents(c)[0]);
        }
        try (Connection c = open(db(dir, false)); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT payload FROM usage_day WHERE id IN (7, 777) ORDER BY id")) {
            assertTrue(rs.next());
            assertTrue(new String(rs.getBytes(1)).startsWith("old7-"));
            assertTrue(rs.next());
            assertTrue(new String(rs.getBytes(1)).startsWith("new777-"));
        }
    }

    @Test
    void nothingRunsOnPostgresOrWhenOff(@TempDir Path dir) {
        H2FileSettings on = new H2FileSettings(true, true, Duration.ofSeconds(10), 80, 16);
        assertNull(H2FileCompaction.start(new TwinSettings.Database(TwinSettings.DatabaseKind.POSTGRES, "jdbc:postgresql://x/y", "u", "", 2), on));
        assertNull(H2FileCompaction.start(db(dir, true), new H2FileSettings(true, false, Duration.ofSeconds(10), 80, 16)));
    }
}
