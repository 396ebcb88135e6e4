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
