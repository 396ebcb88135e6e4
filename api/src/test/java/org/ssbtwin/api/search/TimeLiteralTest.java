package org.ssbtwin.api.search;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.ssbtwin.core.query.Cursor;
import org.ssbtwin.core.query.Filter;
import org.ssbtwin.core.query.FilterParser;
import org.ssbtwin.core.query.FilterSyntaxException;
import org.ssbtwin.core.query.Literal;
import org.ssbtwin.core.query.Op;

/** Time literals of the filter language (cell.laminatedAt): ISO dates and date-times, bare or quoted; errors with positions. */
class TimeLiteralTest {
    static Filter parse(String q) {
        return FilterParser.parse(q, RecallAttributes.SCHEMA);
    }

    @Test
    void datesAndDateTimes() {
        assertEquals(new Filter.Compare("cell.laminatedAt", Op.GE, new Literal.Time(Instant.parse("2029-03-01T00:00:00Z"), 18), 0),
                parse("cell.laminatedAt>=2029-03-01"));
        assertEquals(new Literal.Time(Instant.parse("2029-03-01T06:00:00Z"), 17),
                ((Filter.Compare) parse("cell.laminatedAt<'2029-03-01T08:00+02:00'")).literal());
        assertEquals(new Literal.Time(Instant.parse("2029-03-01T06:00:00Z"), 17),
                ((Filter.Compare) parse("cell.laminatedAt=2029-03-01T06:00:00")).literal(), "no offset: UTC");
        assertEquals(new Literal.Time(Instant.parse("2029-03-01T06:00:00.250Z"), 17),
                ((Filter.Compare) ((Filter.And) parse("cell.laminatedAt>2029-03-01T06:00:00.25Z and soh<0.8")).left()).literal());
        Filter.In in = (Filter.In) parse("cell.laminatedAt in (2029-03-01, \"2029-03-02\")");
        assertEquals(2, in.values().size());
        // a date-like bareword stays a string for string attributes
        assertEquals(new Literal.Str("2029-03-01", 3), ((Filter.Compare) parse("id=2029-03-01")).literal());
    }

    @Test
    void badTimesNameThePosition() {
        FilterSyntaxException e = assertThrows(FilterSyntaxException.class, () -> parse("cell.laminatedAt>=2029-02-30"));
        assertEquals(18, e.position());
        assertTrue(e.expected().contains("ISO date"), e.expected());
        assertEquals(18, assertThrows(FilterSyntaxException.class, () -> parse("cell.laminatedAt>=5")).position());
        assertEquals(18, assertThrows(FilterSyntaxException.class, () -> parse("cell.laminatedAt>=yesterday")).position());
        assertEquals(16, assertThrows(FilterSyntaxException.class, () -> parse("cell.laminatedAt~2029")).position());
        assertEquals(0, assertThrows(FilterSyntaxException.class, () -> FilterParser.parse("cell.laminatedAt>=2029-03-01",
                AssetAttributes.SCHEMA)).position(), "no cell.* on the in-memory schema");
    }

    @Test
    void cursorsCarryTimes() {
        Object[] key = {Instant.parse("2029-03-01T06:00:00.123456Z"), "pack", null};
        assertArrayEquals(key, Cursor.decode(Cursor.encode("fp", key), "fp", 3));
    }
}
