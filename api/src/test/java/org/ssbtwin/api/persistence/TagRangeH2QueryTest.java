package org.ssbtwin.api.persistence;

import static org.junit.jupiter.api.Assertions.*;

import com.typesafe.config.ConfigFactory;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.persistence.jdbc.config.ReadJournalConfig;
import org.junit.jupiter.api.Test;
import org.ssbtwin.api.PersistenceSetup;

/**
 * The H2 events-by-tag query on the plugin's tables with the index on {@code event_tag (tag, event_id)}: the tag's
 * rows after the offset up to the bound, in ordering order, at most {@code max}, deleted rows left out; H2 reads them
 * from the tag index (the plan names it), not from the journal's ordering range.
 */
class TagRangeH2QueryTest {

    @Test
    void returnsTheTagsRowsInTheRangeInOrderAtMostMaxFromTheTagIndex() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:tag-range-h2;DB_CLOSE_DELAY=-1", "sa", "")) {
            String ddl;
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("schema/h2/h2-create-schema.sql")) {
                ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            try (Statement st = c.createStatement()) {
                for (String sql : ddl.split(";")) if (!sql.isBlank()) st.execute(PersistenceSetup.h2InlinePayloads(sql.strip()));
                st.execute("CREATE INDEX \"" + TagRangeReadJournalDao.TAG_INDEX + "\" ON \"event_tag\" (\"tag\", \"event_id\")");
            }
            // 1..60: every event tagged "pack", every third also "pack-1"; event 9 is marked deleted
            try (PreparedStatement j = c.prepareStatement("INSERT INTO \"event_journal\" (\"ordering\", \"deleted\", \"persistence_id\", "
                    + "\"sequence_number\", \"writer\", \"write_timestamp\", \"adapter_manifest\", \"event_payload\", \"event_ser_id\", "
                    + "\"event_ser_manifest\") VALUES (?, ?, ?, ?, 'w', 0, '', X'01', 1, '')");
                 PreparedStatement t = c.prepareStatement("INSERT INTO \"event_tag\" (\"event_id\", \"tag\") VALUES (?, ?)")) {
                for (long o = 1; o <= 60; o++) {
                    j.setLong(1, o);
                    j.setBoolean(2, o == 9);
                    j.setString(3, "Pack|P-" + (o % 5));
                    j.setLong(4, o);
                    j.executeUpdate();
                    t.setLong(1, o);
                    t.setString(2, "pack");
                    t.executeUpdate();
                    if (o % 3 == 0) {
                        t.setString(2, "pack-1");
                        t.executeUpdate();
                    }
                }
            }
            ReadJournalConfig config = new ReadJournalConfig(ConfigFactory.load().getConfig("jdbc-read-journal"));
            String sql = TagRangeReadJournalDao.eventsByTagSqlH2(config.eventJournalTableConfiguration(), config.eventTagTableConfiguration());
            assertEquals(List.of(12L, 15L, 18L, 21L), orderings(c, sql, "pack-1", 9, 30, 4), "after the offset, at most max, in order");
            assertEquals(List.of(3L, 6L), orderings(c, sql, "pack-1", 0, 9, 10), "the deleted event 9 is left out");
            assertEquals(List.of(57L, 60L), orderings(c, sql, "pack-1", 54, 100, 10), "up to the journal's end");
            assertEquals(List.of(28L, 29L, 30L), orderings(c, sql, "pack", 27, 30, 10), "the bound is inclusive");
            assertEquals(List.of(), orderings(c, sql, "cell-0", 0, 60, 10), "a tag without rows");
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
                bind(ps, "pack-1", 0, 60, 10);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertTrue(rs.getString(1).contains(TagRangeReadJournalDao.TAG_INDEX), rs.getString(1));
                }
            }
        }
    }

    /**
     * The sequence actor's query (TagRangeReadJournalDao.journalSequence): every ordering after the offset, deleted rows
     * included, ascending, at most {@code limit}, gaps left as they are (the actor must see them to wait for them).
     */
    @Test
    void journalSequenceReturnsEveryOrderingAfterTheOffsetWithItsGaps() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:journal-sequence-h2;DB_CLOSE_DELAY=-1", "sa", "")) {
            String ddl;
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("schema/h2/h2-create-schema.sql")) {
                ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            try (Statement st = c.createStatement()) {
                for (String sql : ddl.split(";")) if (!sql.isBlank()) st.execute(PersistenceSetup.h2InlinePayloads(sql.strip()));
            }
            // 1..30 without 7 and 20..22 (gaps); 12 marked deleted; inserted out of order
            try (PreparedStatement j = c.prepareStatement("INSERT INTO \"event_journal\" (\"ordering\", \"deleted\", \"persistence_id\", "
                    + "\"sequence_number\", \"writer\", \"write_timestamp\", \"adapter_manifest\", \"event_payload\", \"event_ser_id\", "
                    + "\"event_ser_manifest\") VALUES (?, ?, ?, ?, 'w', 0, '', X'01', 1, '')")) {
                for (long o = 30; o >= 1; o--) {
                    if (o == 7 || (o >= 20 && o <= 22)) continue;
                    j.setLong(1, o);
                    j.setBoolean(2, o == 12);
                    j.setString(3, "Pack|P-" + (o % 4));
                    j.setLong(4, o);
                    j.executeUpdate();
                }
            }
            ReadJournalConfig config = new ReadJournalConfig(ConfigFactory.load().getConfig("jdbc-read-journal"));
            String sql = TagRangeReadJournalDao.journalSequenceSql(config.eventJournalTableConfiguration());
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 8L), sequence(c, sql, 0, 7), "from the start, the gap at 7 kept, at most limit");
            assertEquals(List.of(11L, 12L, 13L), sequence(c, sql, 10, 3), "the deleted row 12 included, as the default DAO's query");
            assertEquals(List.of(18L, 19L, 23L, 24L), sequence(c, sql, 17, 4), "after the offset (exclusive), over the gap 20..22");
            assertEquals(List.of(29L, 30L), sequence(c, sql, 28, 100_000), "up to the journal's end");
            assertEquals(List.of(), sequence(c, sql, 30, 100_000), "nothing after the end");
        }
    }

    private static List<Long> sequence(Connection c, String sql, long offset, long limit) throws Exception {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, offset);
            ps.setLong(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getLong(1));
            }
        }
        return out;
    }

    private static List<Long> orderings(Connection c, String sql, String tag, long offset, long maxOffset, long max) throws Exception {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, tag, offset, maxOffset, max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getLong(1));
            }
        }
        return out;
    }

    /** The parameter order of the H2 query: tag, offset, maxOffset, max, offset, maxOffset. */
    private static void bind(PreparedStatement ps, String tag, long offset, long maxOffset, long max) throws Exception {
        ps.setString(1, tag);
        ps.setLong(2, offset);
        ps.setLong(3, maxOffset);
        ps.setLong(4, max);
        ps.setLong(5, offset);
        ps.setLong(6, maxOffset);
    }
}
