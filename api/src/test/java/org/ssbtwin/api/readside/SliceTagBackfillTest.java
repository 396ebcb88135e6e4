package org.ssbtwin.api.readside;

import static org.junit.jupiter.api.Assertions.*;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.ssbtwin.api.PersistenceSetup;
import org.ssbtwin.config.TwinSettings;
import org.ssbtwin.core.TagSlice;

/**
 * The slice-tag backfill on the plugin's H2 tables: the first start tags every older event with its slice; a later
 * start with the same slice count scans nothing (the events written since carry their tags) and only moves its mark
 * to the journal's end; another slice count tags every event again, for the new count.
 */
class SliceTagBackfillTest {

    @Test
    void tagsOlderEventsOnceThenOnlyMovesItsMarkUntilTheSliceCountChanges() throws Exception {
        DataSource db = h2();
        List<String> packs = List.of("P-1", "P-2", "P-3", "P-4", "P-5");
        long ordering = 0;
        // written before slice tags existed: the kind's tag only
        for (String p : packs) append(db, ++ordering, p, List.of("pack"));
        assertEquals(packs.size(), SliceTagBackfill.run(db, "pack", 2));
        for (long id = 1; id <= ordering; id++) {
            assertEquals(List.of("pack", TagSlice.tag("pack", pidOf(db, id), 2)), tagsOf(db, id), "event " + id);
        }
        assertEquals(ordering, mark(db));

        // written by entities of this build since: tagged with their slice of 2; one more start scans nothing
        for (String p : packs) {
            ordering++;
            append(db, ordering, p, List.of("pack", TagSlice.tag("pack", p, 2)));
        }
        assertEquals(0, SliceTagBackfill.run(db, "pack", 2));
        assertEquals(ordering, mark(db), "the mark moved to the journal's end");
        assertEquals(0, SliceTagBackfill.run(db, "pack", 2), "idempotent");

        // another slice count: every event gets its slice of 3 (the tags of 2 stay)
        // every event gets a row unless its slice of 3 has the name of its slice of 2 (pack-0, pack-1)
        long differing = 0;
        for (long id = 1; id <= ordering; id++) {
            String p = pidOf(db, id);
            if (!TagSlice.tag("pack", p, 3).equals(TagSlice.tag("pack", p, 2))) differing++;
        }
        assertTrue(differing > 0, "the test needs packs that change slice");
        assertEquals(differing, SliceTagBackfill.run(db, "pack", 3));
        for (long id = 1; id <= ordering; id++) {
            assertTrue(tagsOf(db, id).contains(TagSlice.tag("pack", pidOf(db, id), 3)), "event " + id + ": " + tagsOf(db, id));
        }
        assertEquals(ordering, mark(db));
        assertEquals(0, SliceTagBackfill.run(db, "pack", 3));
    }

    private static DataSource h2() throws Exception {
        org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
        ds.setURL("jdbc:h2:mem:slice-tag-backfill;DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        String ddl;
        try (InputStream in = SliceTagBackfillTest.class.getClassLoader().getResourceAsStream("schema/h2/h2-create-schema.sql")) {
            assertNotNull(in);
            ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            for (String sql : ddl.split(";")) if (!sql.isBlank()) st.execute(PersistenceSetup.h2InlinePayloads(sql.strip()));
        }
        ReadSideSchema.migrate(ds, TwinSettings.DatabaseKind.H2);
        return ds;
    }

    private static void append(DataSource db, long ordering, String pack, List<String> tags) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement j = c.prepareStatement("INSERT INTO \"event_journal\" (\"ordering\", \"persistence_id\", \"sequence_number\", "
                     + "\"writer\", \"write_timestamp\", \"adapter_manifest\", \"event_payload\", \"event_ser_id\", \"event_ser_manifest\") "
                     + "VALUES (?, ?, ?, 'w', 0, '', X'00', 1, '')");
             PreparedStatement t = c.prepareStatement("INSERT INTO \"event_tag\" (\"event_id\", \"tag\") VALUES (?, ?)")) {
            j.setLong(1, ordering);
            j.setString(2, "Pack|" + pack);
            j.setLong(3, ordering);
            j.executeUpdate();
            for (String tag : tags) {
                t.setLong(1, ordering);
                t.setString(2, tag);
                t.executeUpdate();
            }
        }
    }

    private static String pidOf(DataSource db, long ordering) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT \"persistence_id\" FROM \"event_journal\" WHERE \"ordering\" = ?")) {
            ps.setLong(1, ordering);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getString(1).substring("Pack|".length());
            }
        }
    }

    private static List<String> tagsOf(DataSource db, long ordering) throws Exception {
        List<String> tags = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT \"tag\" FROM \"event_tag\" WHERE \"event_id\" = ? ORDER BY \"tag\"")) {
            ps.setLong(1, ordering);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) tags.add(rs.getString(1));
            }
        }
        return tags;
    }

    private static long mark(DataSource db) throws Exception {
        try (Connection c = db.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT tagged_through FROM rs_slice_tag_backfill WHERE tag_prefix = 'pack'")) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }
}
