package org.ssbtwin.api.persistence;

import static org.junit.jupiter.api.Assertions.*;

import com.typesafe.config.ConfigFactory;
import org.apache.pekko.persistence.PersistentRepr;
import org.apache.pekko.persistence.jdbc.config.ReadJournalConfig;
import org.junit.jupiter.api.Test;
import scala.Tuple3;
import scala.collection.immutable.Set;
import scala.util.Success;

/** The query text (bounds on the tag table's key, names from the configuration) and the decoded-event cache. */
class TagRangeReadJournalDaoTest {

    @Test
    void theQueryBoundsTheTagTablesEventIdAndUsesTheConfiguredNames() {
        ReadJournalConfig c = new ReadJournalConfig(ConfigFactory.parseString("""
                tables.event_journal { tableName = "ej", schemaName = "twin" }
                tables.event_tag { tableName = "et", columnNames.eventId = "eid" }
                """).withFallback(ConfigFactory.load().getConfig("jdbc-read-journal")));
        String sql = TagRangeReadJournalDao.eventsByTagSql(c.eventJournalTableConfiguration(), c.eventTagTableConfiguration());
        assertTrue(sql.contains("FROM \"et\" t JOIN \"twin\".\"ej\" j ON j.\"ordering\" = t.\"eid\""), sql);
        assertTrue(sql.contains("t.\"eid\" > ? AND t.\"eid\" <= ?"), "bounded on the tag table's own key: " + sql);
        assertTrue(sql.contains("j.\"ordering\" > ? AND j.\"ordering\" <= ?"), "and on the journal's: " + sql);
        assertTrue(sql.contains("j.\"deleted\" = FALSE"), sql);
        assertTrue(sql.endsWith("ORDER BY t.\"eid\" LIMIT ?"), sql);
    }

    @Test
    void theCacheGivesBackOnlyTheOrderingItHolds() {
        TagRangeReadJournalDao.DecodedEvents cache = new TagRangeReadJournalDao.DecodedEvents(8);
        Success<Tuple3<PersistentRepr, Set<String>, Object>> a = decoded(3);
        Success<Tuple3<PersistentRepr, Set<String>, Object>> b = decoded(11); // same slot as 3 (11 mod 8)
        assertNull(cache.get(3));
        cache.put(3, a);
        assertSame(a, cache.get(3));
        assertNull(cache.get(11), "another ordering in the same slot is a miss, never the wrong event");
        cache.put(11, b);
        assertSame(b, cache.get(11));
        assertNull(cache.get(3), "replaced by the newer ordering");
        assertEquals(2, cache.hits.sum());
        assertEquals(3, cache.misses.sum());
        assertThrows(IllegalArgumentException.class, () -> new TagRangeReadJournalDao.DecodedEvents(12));
    }

    private static Success<Tuple3<PersistentRepr, Set<String>, Object>> decoded(long ordering) {
        PersistentRepr repr = PersistentRepr.apply("event-" + ordering, ordering, "pid", "", false, null, "writer");
        return new Success<>(new Tuple3<>(repr, scala.collection.immutable.Set$.MODULE$.empty(), ordering));
    }
}
