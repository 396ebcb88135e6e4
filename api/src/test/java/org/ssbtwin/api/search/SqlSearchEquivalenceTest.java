package org.ssbtwin.api.search;

import static org.junit.jupiter.api.Assertions.*;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ssbtwin.core.query.AttrType;
import org.ssbtwin.core.query.AttributeView;
import org.ssbtwin.core.query.Cursor;
import org.ssbtwin.core.query.Filter;
import org.ssbtwin.core.query.FilterParser;
import org.ssbtwin.core.query.Search;
import org.ssbtwin.core.query.SortSpec;

/**
 * The filter language compiled to SQL (SqlSearch over the Flyway read-side tables) answers exactly as the in-memory
 * evaluator (Filter + AssetAttributes over the summaries): same count, same ids in the same order, same cursors, page
 * after page, for seeded random filters (and/or/not, in, prefix, ranges, missing values, mixed case) and sorts, on H2
 * and on embedded PostgreSQL. Recall filters ({@code cell.*}) are checked against a reference evaluation over the
 * generated genealogy ("some cell of the pack satisfies every top-level term naming cell.*").
 */
class SqlSearchEquivalenceTest {
    static final long SEED = 20290301L;
    /** Pages compared per filter (the first ones; the cursor logic is the same on every page). */
    static final int MAX_PAGES = 12;
    static ReadSidePopulation population;
    static List<SearchRoutes.Asset> assets;
    static Map<String, List<Object>> valuePools = new HashMap<>();
    static EmbeddedPostgres pg;
    static DataSource h2;

    @BeforeAll
    static void fill() throws Exception {
        population = ReadSidePopulation.generate(SEED, 25, 120, 150);
        assets = population.assets();
        for (String a : AssetAttributes.SCHEMA.names()) {
            Set<Object> values = new LinkedHashSet<>();
            for (SearchRoutes.Asset asset : assets) {
                Object v = asset.view().get(a);
                if (v != null) values.add(v);
            }
            valuePools.put(a, new ArrayList<>(values));
        }
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:search-eq;DB_CLOSE_DELAY=-1");
        h2 = ds;
        ReadSidePopulation.migrate(h2, "h2");
        try (Connection c = h2.getConnection()) {
            population.insert(c);
        }
        pg = EmbeddedPostgres.builder().start();
        ReadSidePopulation.migrate(pg.getPostgresDatabase(), "postgresql");
        try (Connection c = pg.getPostgresDatabase().getConnection()) {
            population.insert(c);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (pg != null) pg.close();
    }

    @Test
    void randomFiltersAnswerAsTheInMemoryEvaluatorOnH2() throws Exception {
        equivalence(h2, SqlSearch.Dialect.H2, 300);
    }

    @Test
    void randomFiltersAnswerAsTheInMemoryEvaluatorOnPostgres() throws Exception {
        equivalence(pg.getPostgresDatabase(), SqlSearch.Dialect.POSTGRESQL, 200);
    }

    @Test
    void randomRecallFiltersMatchTheReferenceOnH2() throws Exception {
        recall(h2, SqlSearch.Dialect.H2, 200);
    }

    @Test
    void randomRecallFiltersMatchTheReferenceOnPostgres() throws Exception {
        recall(pg.getPostgresDatabase(), SqlSearch.Dialect.POSTGRESQL, 150);
    }

    // ---------------------------------------------------------------- plain filters

    private void equivalence(DataSource ds, SqlSearch.Dialect dialect, int filters) throws Exception {
        Random r = new Random(SEED + dialect.ordinal());
        SqlSearch sql = SearchTables.compiler(dialect);
        int nonEmpty = 0, pages = 0;
        try (Connection c = ds.getConnection()) {
            for (int i = 0; i < filters; i++) {
                String q = filter(r, 3);
                String s = sort(r);
                int limit = 1 + r.nextInt(r.nextInt(4) == 0 ? 7 : 60);
                Filter f = FilterParser.parse(q, AssetAttributes.SCHEMA);
                SortSpec sort = SortSpec.parse(s, AssetAttributes.SCHEMA);
                pages += compare(c, sql, assets, SearchRoutes.Asset::view, f, sort, limit, q + " | sort=" + s + " | limit=" + limit, null);
                if (Search.run(assets, SearchRoutes.Asset::view, f, sort, null, 1, "x").count() > 0) nonEmpty++;
            }
        }
        assertTrue(nonEmpty > filters / 4, "filters that match something: " + nonEmpty + " of " + filters);
        assertTrue(pages > filters, "pages compared: " + pages);
    }

    /** Pages through both; returns the number of pages compared. */
    private static <T> int compare(Connection c, SqlSearch sql, List<T> items, Function<T, AttributeView> view, Filter f, SortSpec sort,
                                   int limit, String what, Map<String, List<String>> expectedCells) throws Exception {
        String fp = "fp";
        String memCursor = null;
        Object[] after = null;
        int pages = 0;
        do {
            Search.Result<T> mem = Search.run(items, view, f instanceof Filter.All || expectedCells != null ? new Filter.All() : f,
                    sort, memCursor, limit, fp);
            SearchTables.Page db = SearchTables.page(c, sql, f, sort, after, limit, fp);
            List<String> memIds = new ArrayList<>();
            for (T t : mem.items()) memIds.add(view.apply(t).get("kind") + "/" + view.apply(t).get("id"));
            List<String> dbIds = db.items().stream().map(h -> h.kind() + "/" + h.id()).toList();
            assertEquals(memIds, dbIds, "page " + pages + " of " + what);
            assertEquals(mem.count(), db.count(), "count of " + what);
            assertEquals(mem.nextCursor(), db.nextCursor(), "cursor after page " + pages + " of " + what);
            for (SearchTables.Hit h : db.items()) {
                assertEquals(h.id(), h.summary().get("id"), "summary of " + h.id());
                if (expectedCells != null && h.kind().equals(AssetAttributes.PACK)) {
                    List<String> got = h.cells().stream().map(SearchTables.MatchingCell::id).toList();
                    assertEquals(expectedCells.get(h.id()), got, "matching cells of " + h.id() + " for " + what);
                    assertEquals(got.size(), h.matchingCells());
                }
            }
            memCursor = mem.nextCursor();
            after = memCursor == null ? null : Cursor.decode(memCursor, fp, sort.keys().size());
            pages++;
        } while (memCursor != null && pages < MAX_PAGES);
        return pages;
    }

    static String filter(Random r, int depth) {
        int k = depth <= 0 ? 0 : r.nextInt(10);
        if (k < 4) return comparison(r, plainAttribute(r));
        if (k < 6) return filter(r, depth - 1) + (r.nextBoolean() ? " and " : " AND ") + filter(r, depth - 1);
        if (k < 8) return "(" + filter(r, depth - 1) + " or " + filter(r, depth - 1) + ")";
        return "not " + (r.nextBoolean() ? "(" + filter(r, depth - 1) + ")" : comparison(r, plainAttribute(r)));
    }

    static String plainAttribute(Random r) {
        List<String> names = new ArrayList<>(AssetAttributes.SCHEMA.names());
        if (r.nextInt(4) == 0) return r.nextBoolean() ? "kind" : "id";
        String a = names.get(r.nextInt(names.size()));
        if (a.equals("state") && r.nextBoolean()) return "status"; // an alias
        if (a.equals("soh") && r.nextInt(3) == 0) return "stateOfHealth";
        return a;
    }

    static String comparison(Random r, String attribute) {
        String canonical = AssetAttributes.SCHEMA.canonical(attribute);
        AttrType type = AssetAttributes.SCHEMA.type(canonical);
        List<Object> pool = valuePools.getOrDefault(canonical, List.of());
        return switch (type) {
            case BOOLEAN -> attribute + (r.nextBoolean() ? "=" : "!=") + r.nextBoolean();
            case NUMBER -> {
                String[] ops = {"=", "!=", "<", "<=", ">", ">=", "in"};
                String op = ops[r.nextInt(ops.length)];
                if (op.equals("in")) yield attribute + (r.nextInt(3) == 0 ? " not in (" : " in (") + number(r, pool) + ", " + number(r, pool) + ")";
                yield attribute + op + number(r, pool);
            }
            default -> {
                String[] ops = {"=", "=", "!=", "~", "<", "<=", ">", ">=", "in"};
                String op = ops[r.nextInt(ops.length)];
                if (op.equals("in")) yield attribute + (r.nextInt(3) == 0 ? " not in (" : " in (") + string(r, pool, false) + ", " + string(r, pool, false) + ")";
                yield attribute + op + string(r, pool, op.equals("~"));
            }
        };
    }

    static String number(Random r, List<Object> pool) {
        if (pool.isEmpty() || r.nextInt(4) == 0) return String.format(Locale.ROOT, "%.2f", r.nextDouble() * 2);
        double d = (Double) pool.get(r.nextInt(pool.size()));
        return Double.toString(d);
    }

    static String string(Random r, List<Object> pool, boolean prefix) {
        String s;
        if (pool.isEmpty() || r.nextInt(8) == 0) s = r.nextBoolean() ? "ZZZ" : "a_b%";
        else s = (String) pool.get(r.nextInt(pool.size()));
        if (prefix && s.length() > 2) s = s.substring(0, 1 + r.nextInt(s.length() - 1));
        int c = r.nextInt(3);
        if (c == 1) s = s.toLowerCase(Locale.ROOT);
        else if (c == 2) s = s.toUpperCase(Locale.ROOT);
        return "'" + s.replace("'", "\\'") + "'";
    }

    static String sort(Random r) {
        List<String> names = new ArrayList<>(AssetAttributes.SCHEMA.names());
        List<String> keys = new ArrayList<>();
        for (int i = 0, n = r.nextInt(3); i < n; i++) {
            String a = names.get(r.nextInt(names.size()));
            if (keys.stream().noneMatch(k -> k.endsWith(a))) keys.add((r.nextBoolean() ? "-" : "") + a);
        }
        return String.join(",", keys);
    }

    // ---------------------------------------------------------------- recall filters

    private void recall(DataSource ds, SqlSearch.Dialect dialect, int filters) throws Exception {
        Random r = new Random(SEED * 7 + dialect.ordinal());
        SqlSearch sql = SearchTables.compiler(dialect);
        Map<String, List<ReadSidePopulation.CellRow>> cellsOf = population.cellsByPack();
        Map<String, List<Object>> cellPools = new HashMap<>();
        for (String a : List.of("id", "laminationUnit", "laminatedAt", "dewPointC", "laminationTemperatureC", "lotId", "grade")) {
            Set<Object> values = new LinkedHashSet<>();
            for (ReadSidePopulation.CellRow c : population.cells) {
                Object v = ReadSidePopulation.recallView(c).get(a);
                if (v != null) values.add(v);
            }
            cellPools.put(a, new ArrayList<>(values));
        }
        int packsFound = 0;
        try (Connection c = ds.getConnection()) {
            for (int i = 0; i < filters; i++) {
                String q = recallFilter(r, cellPools);
                Filter f = FilterParser.parse(q, RecallAttributes.SCHEMA);
                Map<String, List<String>> expectedCells = new HashMap<>();
                List<SearchRoutes.Asset> matching = recallReference(f, cellsOf, expectedCells);
                packsFound += expectedCells.size(); // the packs found with matching cells
                String s = sort(r);
                SortSpec sort = SortSpec.parse(s, AssetAttributes.SCHEMA);
                int limit = 1 + r.nextInt(25);
                compare(c, sql, matching, SearchRoutes.Asset::view, f, sort, limit, q + " | sort=" + s, expectedCells);
            }
        }
        assertTrue(packsFound > filters / 3, "recall filters that found packs: " + packsFound);
    }

    static String recallFilter(Random r, Map<String, List<Object>> cellPools) {
        List<String> parts = new ArrayList<>();
        if (r.nextInt(4) > 0) parts.add("kind=pack");
        for (int i = 0, n = 1 + r.nextInt(3); i < n; i++) parts.add(r.nextInt(4) == 0 ? "(" + cellTerm(r, cellPools) + " or " + cellTerm(r, cellPools) + ")"
                : r.nextInt(6) == 0 ? "not " + cellTerm(r, cellPools) : cellTerm(r, cellPools));
        if (r.nextBoolean()) parts.add(comparison(r, r.nextBoolean() ? "soh" : plainAttribute(r)));
        if (r.nextInt(5) == 0) parts.add("(" + comparison(r, "soh") + " or " + cellTerm(r, cellPools) + ")");
        java.util.Collections.shuffle(parts, r);
        return String.join(" and ", parts);
    }

    static String cellTerm(Random r, Map<String, List<Object>> pools) {
        int k = r.nextInt(8);
        return switch (k) {
            case 0, 1 -> "cell.laminationUnit" + (r.nextInt(5) == 0 ? "!=" : "=") + pick(r, pools.get("laminationUnit"));
            case 2 -> {
                String[] ops = {">=", "<", ">", "<=", "="};
                String at = pools.get("laminatedAt").get(r.nextInt(pools.get("laminatedAt").size())).toString();
                yield "cell.laminatedAt" + ops[r.nextInt(ops.length)] + (r.nextBoolean() ? at.substring(0, 10) : at);
            }
            case 3 -> "cell.roll" + (r.nextInt(4) == 0 ? " in (R-CAT-0003, 'R-CAT-0011')" : "=" + String.format("R-CAT-%04d", 1 + r.nextInt(22)));
            case 4 -> "cell.dewPointC" + (r.nextBoolean() ? ">" : "<=") + (-60 + r.nextInt(28));
            case 5 -> "cell.laminationTemperatureC" + (r.nextBoolean() ? ">=" : "<") + (112 + r.nextInt(20));
            case 6 -> "cell.lotId" + (r.nextBoolean() ? "=" : "~") + pick(r, pools.get("lotId"));
            default -> "cell.grade" + (r.nextBoolean() ? " in (A, C)" : "=b");
        };
    }

    static String pick(Random r, List<Object> pool) {
        String s = pool.get(r.nextInt(pool.size())).toString();
        return r.nextBoolean() ? s.toLowerCase(Locale.ROOT) : s;
    }

    static void conjuncts(Filter f, List<Filter> out) {
        if (f instanceof Filter.And a) {
            conjuncts(a.left(), out);
            conjuncts(a.right(), out);
        } else if (!(f instanceof Filter.All)) {
            out.add(f);
        }
    }

    static boolean namesCell(Filter f) {
        if (f instanceof Filter.And a) return namesCell(a.left()) || namesCell(a.right());
        if (f instanceof Filter.Or o) return namesCell(o.left()) || namesCell(o.right());
        if (f instanceof Filter.Not n) return namesCell(n.operand());
        if (f instanceof Filter.Compare c) return c.attribute().startsWith(RecallAttributes.PREFIX);
        if (f instanceof Filter.In i) return i.attribute().startsWith(RecallAttributes.PREFIX);
        return false;
    }

    /** The reference: a term on an asset's view and (for a pack) one of its cells; cell.roll holds if any roll does. */
    static boolean eval(Filter f, AttributeView asset, ReadSidePopulation.CellRow cell) {
        if (f instanceof Filter.And a) return eval(a.left(), asset, cell) && eval(a.right(), asset, cell);
        if (f instanceof Filter.Or o) return eval(o.left(), asset, cell) || eval(o.right(), asset, cell);
        if (f instanceof Filter.Not n) return !eval(n.operand(), asset, cell);
        String attribute = f instanceof Filter.Compare c ? c.attribute() : ((Filter.In) f).attribute();
        if (!attribute.startsWith(RecallAttributes.PREFIX)) return f.test(asset);
        if (cell == null) return false;
        String name = attribute.substring(RecallAttributes.PREFIX.length());
        if (name.equals("roll")) {
            for (String roll : cell.rolls()) if (f.test(a -> roll)) return true;
            return false;
        }
        AttributeView cv = ReadSidePopulation.recallView(cell);
        return f.test(a -> cv.get(a.substring(RecallAttributes.PREFIX.length())));
    }

    // ---------------------------------------------------------------- filters pinning a key (no count in the statement)

    @Test
    void filtersPinningKeysAnswerAsTheInMemoryEvaluatorOnH2() throws Exception {
        pinnedKeys(h2, SqlSearch.Dialect.H2);
    }

    @Test
    void filtersPinningKeysAnswerAsTheInMemoryEvaluatorOnPostgres() throws Exception {
        pinnedKeys(pg.getPostgresDatabase(), SqlSearch.Dialect.POSTGRESQL);
    }

    /**
     * A first page whose filter pins the key of every table it can match at no more rows than the page reads is
     * answered without a count (SqlSearch.answer); the count, ids, order and cursors must still be the in-memory
     * ones, also where the pin does not qualify (or, not, non-ASCII, more pinned rows than the page reads).
     */
    private void pinnedKeys(DataSource ds, SqlSearch.Dialect dialect) throws Exception {
        SqlSearch sql = SearchTables.compiler(dialect);
        List<String> packs = assets.stream().filter(a -> a.kind().equals(AssetAttributes.PACK)).map(SearchRoutes.Asset::id).toList();
        String p1 = packs.get(3), p2 = packs.get(17);
        String cell = assets.stream().filter(a -> a.kind().equals(AssetAttributes.CELL)).map(SearchRoutes.Asset::id).findFirst().orElseThrow();
        String station = assets.stream().filter(a -> a.kind().equals(AssetAttributes.STATION)).map(SearchRoutes.Asset::id).findFirst().orElseThrow();
        record Case(String q, String sort, int limit, boolean withoutCount) {}
        List<Case> cases = List.of(
                new Case("kind=pack and id=" + p1, "", 1, true),
                new Case("kind=pack and id=" + p1.toLowerCase(Locale.ROOT), "", 1, true),
                new Case("id=" + p1, "", 1, false), // three tables pinned: up to 3 > limit + 1
                new Case("id=" + p1, "", 2, true),
                new Case("kind=pack and id='P-DK1-999999'", "", 1, true), // no such pack: count 0
                new Case("kind=pack and id=" + p1 + " and soh<0", "", 1, true), // pinned, then excluded
                new Case("kind=pack and id=" + p1 + " and soh>0", "-soh", 3, true),
                new Case("kind=pack and (id=" + p1 + " or id=" + p2 + ")", "", 1, false),
                new Case("kind=pack and not id=" + p1, "", 5, false),
                new Case("kind=pack and id='P-DK1-0é'", "", 1, false), // not ASCII: compared lower-cased, not on the key itself
                new Case("kind=pack and id in (" + p2 + ", " + p1 + ")", "", 1, true), // a next page, read with a cursor
                new Case("kind=pack and id in (" + p2 + ", " + p1 + ")", "-soh,id", 1, true),
                new Case("kind=pack and id in (" + p2 + ", " + p1 + ", " + packs.get(40) + ")", "", 1, false),
                new Case("id in (" + p1 + ", " + cell + ", " + station + ")", "kind,-id", 8, true),
                new Case("id in (" + p1 + ", " + cell + ", " + station + ")", "kind,-id", 1, false),
                new Case("kind=cell and id=" + cell + " and inField=false", "", 1, true),
                new Case("id=" + station + " and kind=station", "", 1, true),
                new Case("id=" + cell + " and id=" + p1, "", 4, true)); // two pins: nothing matches both
        try (Connection c = ds.getConnection()) {
            for (Case k : cases) {
                Filter f = FilterParser.parse(k.q(), AssetAttributes.SCHEMA);
                SortSpec sort = SortSpec.parse(k.sort(), AssetAttributes.SCHEMA);
                SqlSearch.Sql answer = sql.answer(f, sort, null, k.limit(), SearchTables.DETAILS, SearchTables.MATCHING_CELL_SELECT);
                assertEquals(k.withoutCount(), !answer.text().contains("COUNT("), k + ": " + answer.text());
                compare(c, sql, assets, SearchRoutes.Asset::view, f, sort, k.limit(), k.q() + " | sort=" + k.sort() + " | limit=" + k.limit(), null);
            }
            assertTrue(sql.answer(FilterParser.parse("kind=pack and id=" + p1, AssetAttributes.SCHEMA), SortSpec.parse("", AssetAttributes.SCHEMA),
                    null, 1, SearchTables.DETAILS, SearchTables.MATCHING_CELL_SELECT).text().startsWith("SELECT "), "one table: one SELECT");
            assertEquals(1, SearchTables.page(c, sql, FilterParser.parse("kind=pack and id=" + p1, AssetAttributes.SCHEMA),
                    SortSpec.parse("", AssetAttributes.SCHEMA), null, 1, "fp").count(), "a pack found by its id");
            // a recall filter pinning the pack: its matching cells as the reference has them
            Map<String, List<ReadSidePopulation.CellRow>> cellsOf = population.cellsByPack();
            String withCells = packs.stream().filter(p -> cellsOf.getOrDefault(p, List.of()).size() > 3).findFirst().orElseThrow();
            ReadSidePopulation.CellRow laminated = cellsOf.get(withCells).stream().filter(x -> x.laminationUnit() != null).findFirst().orElseThrow();
            for (String q : List.of("kind=pack and id=" + withCells + " and cell.laminationUnit=" + laminated.laminationUnit(),
                    "id=" + withCells + " and kind=pack and cell.dewPointC>-100", "kind=pack and id=" + withCells + " and cell.grade='none'")) {
                Filter f = FilterParser.parse(q, RecallAttributes.SCHEMA);
                Map<String, List<String>> expectedCells = new HashMap<>();
                List<SearchRoutes.Asset> matching = recallReference(f, cellsOf, expectedCells);
                SortSpec sort = SortSpec.parse("", AssetAttributes.SCHEMA);
                assertFalse(sql.answer(f, sort, null, 1, SearchTables.DETAILS, SearchTables.MATCHING_CELL_SELECT).text().contains("COUNT("), q);
                compare(c, sql, matching, SearchRoutes.Asset::view, f, sort, 1, q, expectedCells);
            }
        }
    }

    // ---------------------------------------------------------------- one compiled text per filter shape

    @Test
    void filtersOfOneShapeShareTheirTextAndEachAnswersWithItsOwnLiteralsOnPostgres() throws Exception {
        SqlSearch sql = SearchTables.compiler(SqlSearch.Dialect.POSTGRESQL);
        List<String> packs = assets.stream().filter(a -> a.kind().equals(AssetAttributes.PACK)).map(SearchRoutes.Asset::id).toList();
        // pairs of one shape with other literals (strings, numbers, times, in lists, prefixes, mixed case), then pairs
        // whose text must differ (kind constants, booleans, ASCII or not, in list length)
        List<List<String>> sameShape = List.of(
                List.of("kind=pack and id=" + packs.get(2), "kind=pack and id=" + packs.get(9).toLowerCase(Locale.ROOT), "kind=pack and id='NO-SUCH'"),
                List.of("soh<0.8 and climate=oslo", "soh<0.95 and climate=HANOI", "soh<0.7 and climate='phoenix'"),
                List.of("vehicleId~VF8-00001 or grade in (a, C)", "vehicleId~vf8-0000 or grade in (B, b)"),
                List.of("kind=cell and not dewPointC>=-40 and id~C-DK1-0000001", "kind=cell and not dewPointC>=-50 and id~c-dk1-00000"),
                List.of("stationKind>=LAM or units>=2", "stationKind>=STACK or units>=3", "stationKind>=Lamination or units>=1"));
        List<List<String>> otherShape = List.of(
                List.of("kind=pack and soh<0.8", "kind=cell and soh<0.8"),
                List.of("inField=true and soh<0.9", "inField=false and soh<0.9"),
                List.of("kind=pack and id=" + packs.get(2), "kind=pack and id='P-DK1-0é'"),
                List.of("climate in (oslo, hanoi)", "climate in (oslo, hanoi, phoenix)"));
        try (Connection c = pg.getPostgresDatabase().getConnection()) {
            for (List<String> group : sameShape) {
                for (String s : List.of("", "-soh,id")) {
                    for (int limit : new int[] {1, 7}) {
                        SortSpec sort = SortSpec.parse(s, AssetAttributes.SCHEMA);
                        String first = null;
                        for (String q : group) {
                            Filter f = FilterParser.parse(q, AssetAttributes.SCHEMA);
                            SqlSearch.Sql answer = sql.answer(f, sort, null, limit, SearchTables.DETAILS, SearchTables.MATCHING_CELL_SELECT);
                            if (first == null) first = answer.text();
                            else assertSame(first, answer.text(), "one text for the shape of " + group);
                            compare(c, sql, assets, SearchRoutes.Asset::view, f, sort, limit, q + " | sort=" + s + " | limit=" + limit, null);
                        }
                        // and again in the other order: the first literals did not stay in the cached statement
                        List<String> reversed = new ArrayList<>(group);
                        java.util.Collections.reverse(reversed);
                        for (String q : reversed) {
                            compare(c, sql, assets, SearchRoutes.Asset::view, FilterParser.parse(q, AssetAttributes.SCHEMA), sort, limit, q, null);
                        }
                    }
                }
            }
            SortSpec none = SortSpec.parse("", AssetAttributes.SCHEMA);
            for (List<String> pair : otherShape) {
                Filter a = FilterParser.parse(pair.get(0), AssetAttributes.SCHEMA), b = FilterParser.parse(pair.get(1), AssetAttributes.SCHEMA);
                SqlSearch.Sql sa = sql.answer(a, none, null, 5, SearchTables.DETAILS, SearchTables.MATCHING_CELL_SELECT);
                SqlSearch.Sql sb = sql.answer(b, none, null, 5, SearchTables.DETAILS, SearchTables.MATCHING_CELL_SELECT);
                assertNotEquals(sa.text(), sb.text(), pair.toString());
                compare(c, sql, assets, SearchRoutes.Asset::view, a, none, 5, pair.get(0), null);
                compare(c, sql, assets, SearchRoutes.Asset::view, b, none, 5, pair.get(1), null);
            }
        }
    }

    /** The assets a recall filter matches by the reference evaluation, with each pack's matching cells (first listed). */
    private static List<SearchRoutes.Asset> recallReference(Filter f, Map<String, List<ReadSidePopulation.CellRow>> cellsOf,
                                                            Map<String, List<String>> expectedCells) {
        List<Filter> terms = new ArrayList<>();
        conjuncts(f, terms);
        List<SearchRoutes.Asset> matching = new ArrayList<>();
        for (SearchRoutes.Asset a : assets) {
            if (!a.kind().equals(AssetAttributes.PACK)) {
                if (terms.stream().allMatch(t -> eval(t, a.view(), null))) matching.add(a);
                continue;
            }
            if (!terms.stream().filter(t -> !namesCell(t)).allMatch(t -> eval(t, a.view(), null))) continue;
            List<Filter> cellTerms = terms.stream().filter(SqlSearchEquivalenceTest::namesCell).toList();
            if (cellTerms.isEmpty()) {
                matching.add(a);
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (ReadSidePopulation.CellRow cell : cellsOf.getOrDefault(a.id(), List.of())) {
                if (cellTerms.stream().allMatch(t -> eval(t, a.view(), cell))) cells.add(cell.summary().id().value());
            }
            cells.sort(null);
            if (!cells.isEmpty()) {
                matching.add(a);
                expectedCells.put(a.id(), cells.subList(0, Math.min(cells.size(), SearchTables.CELLS_LISTED_PER_PACK)));
            }
        }
        return matching;
    }

    @Test
    void everyValueIsABoundParameter() {
        Filter f = FilterParser.parse("kind=pack and climate='x\\' or 1=1 --' and cell.laminationUnit=DK1-LAM-03 and soh<0.85",
                RecallAttributes.SCHEMA);
        SqlSearch.Sql page = SearchTables.compiler(SqlSearch.Dialect.H2).page(f, SortSpec.parse("-soh", AssetAttributes.SCHEMA), null, 10);
        assertFalse(page.text().contains("1=1"), page.text());
        assertFalse(page.text().toLowerCase(Locale.ROOT).contains("dk1-lam-03"), page.text());
        assertFalse(page.text().contains("0.85"), page.text());
        assertTrue(page.params().contains("x' or 1=1 --"), page.params().toString());
        assertFalse(page.text().contains("rs_station"), "kind=pack reads only the pack table: " + page.text());
        assertEquals(new HashSet<>(List.of("DK1-LAM-03", 0.85, 11)), new HashSet<>(page.params().subList(1, page.params().size())));
    }
}
