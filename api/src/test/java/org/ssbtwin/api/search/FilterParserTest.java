package org.ssbtwin.api.search;
import org.ssbtwin.core.query.*;

import org.ssbtwin.api.search.AssetAttributes;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FilterParserTest {
    static final AttributeSchema S = AssetAttributes.SCHEMA;

    static AttributeView asset(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m::get;
    }

    static final AttributeView PACK_HCMC = asset("kind", "pack", "id", "P-DK1-000007", "state", "IN_SERVICE",
            "soh", 0.78, "climate", "HO_CHI_MINH_CITY", "km", 120000.0, "inField", true, "vehicleModel", "VF8");
    static final AttributeView PACK_OSLO = asset("kind", "pack", "id", "P-DK1-000008", "state", "IN_SERVICE",
            "soh", 0.91, "climate", "OSLO", "km", 20000.0, "inField", true, "vehicleModel", "VF9");
    static final AttributeView STATION_DOWN = asset("kind", "station", "id", "DK1-LAM-01", "state", "DOWN", "stationKind", "LAMINATION");

    static boolean m(String q, AttributeView a) {
        return FilterParser.parse(q, S).test(a);
    }

    @Test
    void emptyFilterMatchesEverything() {
        assertTrue(m("", PACK_HCMC));
        assertTrue(m(null, STATION_DOWN));
        assertTrue(m("   ", STATION_DOWN));
        assertInstanceOf(Filter.All.class, FilterParser.parse(" ", S));
    }

    @Test
    void theIssueExample() {
        String q = "kind=pack and soh<0.8 and climate=HO_CHI_MINH_CITY";
        assertTrue(m(q, PACK_HCMC));
        assertFalse(m(q, PACK_OSLO));
        assertFalse(m(q, STATION_DOWN));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "soh < 0.8 | true", "soh <= 0.78 | true", "soh < 0.78 | false", "soh > 0.5 | true", "soh >= 0.78 | true",
            "soh > 0.78 | false", "soh = 0.78 | true", "soh != 0.78 | false", "km > 1e5 | true", "km < 1.2E+5 | false",
            "soh > -1 | true", "soh > .5 | true",
            "climate = ho_chi_minh_city | true", "climate = 'HO_CHI_MINH_CITY' | true", "climate = \"Ho_Chi_Minh_City\" | true",
            "climate != OSLO | true", "id ~ P-DK1- | true", "id ~ 'p-dk1-0000' | true", "id ~ P-DK2 | false",
            "id = P-DK1-000007 | true", "id > P-DK1-000006 | true", "id < P-DK1-000007 | false",
            "inField = true | true", "inField = FALSE | false", "inField != false | true",
            "climate in (OSLO, HO_CHI_MINH_CITY) | true", "climate in ('OSLO') | false", "climate not in (OSLO) | true",
            "soh in (0.78, 0.9) | true", "not climate = OSLO | true", "not not climate = OSLO | false",
            "climate = OSLO or soh < 0.8 | true", "climate = OSLO and soh < 0.8 | false",
            "(climate = OSLO or km > 100000) and soh < 0.8 | true", "climate = OSLO or km > 100000 and soh > 0.8 | false",
            "KIND = PACK AND SOH < 0.8 | true", "kind = PACK AnD soh < 0.8 | true", "status = in_service | true",
            "stateOfHealth < 0.8 | true", "equivalentFullCycles > 0 | false", "grade = A | false", "grade != A | false",
            "not grade = A | true", "vehicleModel ~ VF | true", "soh<0.8 | true", "climate=HO_CHI_MINH_CITY | true"})
    void evaluates(String q, boolean expected) {
        assertEquals(expected, m(q, PACK_HCMC), q);
    }

    @Test
    void andBindsTighterThanOr() {
        Filter f = FilterParser.parse("kind=station or kind=pack and soh<0.5", S);
        assertInstanceOf(Filter.Or.class, f);
        assertTrue(f.test(STATION_DOWN));
        assertFalse(f.test(PACK_HCMC));
        Filter g = FilterParser.parse("(kind=station or kind=pack) and soh<0.5", S);
        assertInstanceOf(Filter.And.class, g);
        assertFalse(g.test(STATION_DOWN), "a station has no soh: the comparison is false");
    }

    @Test
    void stationDown() {
        assertTrue(m("kind = station and state = down", STATION_DOWN));
        assertFalse(m("kind = station and state = running", STATION_DOWN));
        assertTrue(m("stationKind in (LAMINATION, STACKING) and state in (DOWN, BLOCKED)", STATION_DOWN));
    }

    @Test
    void astIsImmutableAndCarriesPositions() {
        Filter f = FilterParser.parse("kind=pack and  soh<0.8", S);
        Filter.And and = (Filter.And) f;
        Filter.Compare soh = (Filter.Compare) and.right();
        assertEquals("soh", soh.attribute());
        assertEquals(Op.LT, soh.op());
        assertEquals(15, soh.position());
        assertEquals(0.8, soh.literal().value());
        assertEquals(19, soh.literal().position());
        Filter.In in = (Filter.In) FilterParser.parse("climate in (A, B)", S);
        assertThrows(UnsupportedOperationException.class, () -> in.values().add(new Literal.Str("C", 0)));
        assertEquals(new Filter.Compare("climate", Op.EQ, new Literal.Str("X", 8), 0), FilterParser.parse("climate=X", S));
    }

    @Test
    void escapesInStrings() {
        AttributeView a = asset("stateReason", "it's \"down\"");
        assertTrue(FilterParser.parse("stateReason = 'it\\'s \"down\"'", S).test(a));
        assertTrue(FilterParser.parse("stateReason = \"it's \\\"down\\\"\"", S).test(a));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            // query | position | fragment of 'expected'
            "soh < | 5 | number value for 'soh'",
            "soh 0.8 | 4 | an operator",
            "colour = red | 0 | a known attribute",
            "kind=pack and colour=red | 14 | a known attribute",
            "soh < abc | 6 | number value for 'soh'",
            "soh < 'x' | 6 | number value",
            "climate < 1 and | 15 | an attribute name",
            "(kind=pack | 10 | ')'",
            "kind=pack) | 9 | 'and', 'or' or end of input",
            "kind=pack soh<1 | 10 | 'and', 'or' or end of input",
            "climate = 'HCMC | 10 | closing",
            "soh ~ 1 | 4 | '~' needs a string attribute",
            "inField < true | 8 | = or != for boolean",
            "inField = 1 | 10 | boolean value",
            "climate in OSLO | 11 | '(' after 'in'",
            "climate in (OSLO OSLO2) | 17 | ',' or ')'",
            "climate in () | 12 | string value",
            "soh ! 1 | 4 | '!='",
            "soh < 0.8 # | 10 | an attribute, a value",
            "and soh<1 | 0 | an attribute name",
            "not | 3 | an attribute name",
            "() | 1 | an attribute name",
            "climate = and | 10 | string value",
            "soh < 12abc | 6 | number value",
            "soh < 1.2.3 | 6 | a number"})
    void errorsNameThePosition(String q, int position, String expected) {
        FilterSyntaxException e = assertThrows(FilterSyntaxException.class, () -> FilterParser.parse(q, S), q);
        assertEquals(position, e.position(), q + ": " + e.getMessage());
        assertTrue(e.expected().contains(expected), q + ": " + e.expected());
        assertTrue(e.getMessage().contains("position " + position));
    }

    @Test
    void unknownAttributeListsTheKnownOnes() {
        var e = assertThrows(FilterSyntaxException.class, () -> FilterParser.parse("colour=red", S));
        assertTrue(e.expected().contains("climate") && e.expected().contains("soh"), e.expected());
        assertEquals("'colour'", e.found());
    }

    @Test
    void sortSpecAndTieBreakers() {
        SortSpec s = SortSpec.parse("-soh, km", S);
        assertEquals(List.of(new SortSpec.Key("soh", true), new SortSpec.Key("km", false), new SortSpec.Key("kind", false),
                new SortSpec.Key("id", false)), s.keys());
        assertEquals("-soh,km,kind,id", s.toString());
        assertEquals("kind,id", SortSpec.parse(null, S).toString());
        assertEquals("-id,kind", SortSpec.parse("-id", S).toString());
        assertEquals("soh,kind,id", SortSpec.parse("+stateOfHealth", S).toString());
        var e = assertThrows(FilterSyntaxException.class, () -> SortSpec.parse("-soh,colour", S));
        assertEquals(5, e.position());
        assertEquals(6, assertThrows(FilterSyntaxException.class, () -> SortSpec.parse("soh, -", S)).position());
        assertEquals(4, assertThrows(FilterSyntaxException.class, () -> SortSpec.parse("soh,,id", S)).position());
        assertEquals(5, assertThrows(FilterSyntaxException.class, () -> SortSpec.parse("soh, soh", S)).position());
    }

    @Test
    void sortingPutsMissingValuesLastBothWays() {
        var withSoh = asset("kind", "cell", "id", "C-1", "soh", 0.9);
        var noSoh = asset("kind", "cell", "id", "C-2");
        var lower = asset("kind", "cell", "id", "C-3", "soh", 0.5);
        for (String spec : List.of("soh", "-soh")) {
            SortSpec s = SortSpec.parse(spec, S);
            List<AttributeView> l = new ArrayList<>(List.of(noSoh, withSoh, lower));
            l.sort((a, b) -> s.comparator().compare(s.keyOf(a), s.keyOf(b)));
            assertSame(noSoh, l.get(2), spec);
            assertSame(spec.startsWith("-") ? withSoh : lower, l.get(0), spec);
        }
    }

    @Test
    void cursorPagingIsStableAndComplete() {
        List<AttributeView> assets = new ArrayList<>();
        for (int i = 0; i < 57; i++) {
            assets.add(asset("kind", "pack", "id", String.format("P-DK1-%06d", i), "soh", 0.70 + (i % 10) / 100.0));
        }
        Filter f = FilterParser.parse("soh < 0.78", S);
        SortSpec sort = SortSpec.parse("-soh", S);
        long expected = assets.stream().filter(f::test).count();
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Search.Result<AttributeView> r = Search.run(assets, a -> a, f, sort, cursor, 7, "fp");
            assertEquals(expected, r.count());
            r.items().forEach(a -> seen.add((String) a.get("id")));
            cursor = r.nextCursor();
            pages++;
            if (pages == 2) assets.add(0, asset("kind", "pack", "id", "P-DK1-999999", "soh", 0.99)); // sorts before: no shift
        } while (cursor != null);
        assertEquals(expected, seen.size());
        assertEquals(expected, seen.stream().distinct().count(), "no item twice");
        assertEquals((int) Math.ceil(expected / 7.0), pages);
        double prev = 2;
        for (String id : seen) {
            double soh = (Double) assets.stream().filter(a -> a.get("id").equals(id)).findFirst().orElseThrow().get("soh");
            assertTrue(soh <= prev);
            prev = soh;
        }
        var ex = assertThrows(IllegalArgumentException.class,
                () -> Search.run(assets, a -> a, f, sort, Cursor.encode("other", new Object[]{0.7, "pack", "x"}), 7, "fp"));
        assertTrue(ex.getMessage().contains("another query"));
        assertThrows(IllegalArgumentException.class, () -> Search.run(assets, a -> a, f, sort, "%%%", 7, "fp"));
        assertThrows(IllegalArgumentException.class, () -> Search.run(assets, a -> a, f, sort, "YWJj", 7, "fp"));
    }

    @Test
    void cursorRoundTripsAllTypes() {
        Object[] key = {0.1 + 0.2, "a:b;c", null, true, -0.0};
        assertArrayEquals(key, Cursor.decode(Cursor.encode("q|s", key), "q|s", 5));
    }
}
