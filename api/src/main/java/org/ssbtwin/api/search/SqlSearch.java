package org.ssbtwin.api.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ssbtwin.core.query.AttrType;
import org.ssbtwin.core.query.AttributeSchema;
import org.ssbtwin.core.query.Filter;
import org.ssbtwin.core.query.Literal;
import org.ssbtwin.core.query.Op;
import org.ssbtwin.core.query.SortSpec;

/**
 * Compiles the filter language (org.ssbtwin.core.query) to SQL over tables, one table per asset kind, with the same
 * results as the in-memory {@link org.ssbtwin.core.query.Search}: same matches (a missing value never matches, string
 * equality and prefix ignore case, {@code not} inverts), same order (nulls last both ways, strings by code unit) and
 * keyset paging from the same {@link org.ssbtwin.core.query.Cursor} keys. Every value of the filter or the cursor is a
 * bound parameter; the SQL text holds only the fixed column expressions given to the constructor.
 *
 * <p>Knows no asset model: the tables, their columns per attribute and the child table of the {@code cell.*}
 * attributes are given by the caller ({@link SearchTables}). What a branch can decide without the database (the kind
 * of a table, an attribute a kind does not have) is decided here, so {@code kind=pack} reads only the pack table.
 *
 * <p>Child attributes (a prefix such as {@code cell.}, on one parent kind) follow "some child matches": a parent
 * matches when one of its children satisfies all the top-level {@code and} terms that name child attributes (an
 * {@code EXISTS} subquery); the matching children are those children.
 */
public final class SqlSearch {
    public enum Dialect {
        H2, POSTGRESQL;

        /** Strings compare by code unit as Java's compareTo does (PostgreSQL: the "C" collation). */
        String ordered(String expr) {
            return this == POSTGRESQL ? expr + " COLLATE \"C\"" : expr;
        }
    }

    /** How one attribute of one table is read. */
    public sealed interface Column {
        /** A column or fixed expression holding the value (null when the asset has none). */
        record Expr(String sql) implements Column {}

        /**
         * A column whose values are upper-case identifiers (asset ids by their patterns, enum names): equality and prefix
         * compare it with the upper-cased literal instead of {@code LOWER(column)}, so its index serves the search.
         */
        record Upper(String sql) implements Column {}

        /** A boolean attribute that is true exactly when {@code predicate} holds (never null). */
        record Flag(String predicate) implements Column {}

        /**
         * A multi-valued attribute held in a link table: a comparison holds when it holds for any of the values, e.g.
         * {@code rs_cell_roll r} with {@code r.cell_id = c.cell_id} and value {@code r.roll_id}.
         */
        record AnyOf(String from, String link, Column value) implements Column {}
    }

    /**
     * One asset kind's table.
     *
     * @param from the table and its alias, e.g. {@code fleet_pack p}
     * @param id the id column, e.g. {@code p.pack_id}
     * @param visible the condition a row must meet to be searchable (e.g. status known), or null
     * @param columns the attributes this kind has; any other attribute is null for it
     */
    public record Table(String kind, String from, String id, String visible, Map<String, Column> columns) {}

    /**
     * The child rows behind prefixed attributes ({@code cell.laminationUnit}) of one parent kind.
     *
     * @param from e.g. {@code rs_cell c}
     * @param link join condition to the parent row, e.g. {@code c.pack_id = p.pack_id}
     * @param parentKey the child's column naming its parent, e.g. {@code c.pack_id}
     * @param columns by attribute name without the prefix
     */
    public record Child(String prefix, String parentKind, String from, String link, String parentKey, String id,
                        Map<String, Column> columns) {}

    /** SQL text with its parameters in order (String, Double, Integer, Boolean or java.time.OffsetDateTime). */
    public record Sql(String text, List<Object> params) {}

    private final List<Table> tables;
    private final Child child;
    private final AttributeSchema schema;
    private final Dialect dialect;

    public SqlSearch(List<Table> tables, Child child, AttributeSchema schema, Dialect dialect) {
        this.tables = List.copyOf(tables);
        this.child = child;
        this.schema = schema;
        this.dialect = dialect;
    }

    public Dialect dialect() {
        return dialect;
    }

    // ---------------------------------------------------------------- conditions with constant folding

    /** A condition: always true, always false, or SQL (two-valued: never NULL). */
    private record Cond(String sql, List<Object> params) {
        static final Cond TRUE = new Cond("TRUE", List.of());
        static final Cond FALSE = new Cond("FALSE", List.of());

        boolean isTrue() {
            return this == TRUE;
        }

        boolean isFalse() {
            return this == FALSE;
        }

        static Cond of(String sql, List<Object> params) {
            return new Cond(sql, List.copyOf(params));
        }

        static Cond of(boolean b) {
            return b ? TRUE : FALSE;
        }

        Cond and(Cond o) {
            if (isFalse() || o.isFalse()) return FALSE;
            if (isTrue()) return o;
            if (o.isTrue()) return this;
            return join(" AND ", o);
        }

        Cond or(Cond o) {
            if (isTrue() || o.isTrue()) return TRUE;
            if (isFalse()) return o;
            if (o.isFalse()) return this;
            return join(" OR ", o);
        }

        Cond not() {
            if (isTrue()) return FALSE;
            if (isFalse()) return TRUE;
            return new Cond("NOT (" + sql + ")", params);
        }

        private Cond join(String op, Cond o) {
            List<Object> p = new ArrayList<>(params);
            p.addAll(o.params);
            return new Cond("(" + sql + op + o.sql + ")", p);
        }
    }

    /** Where attributes are read from while compiling: the branch's table and, inside a child subquery, the child. */
    private record Scope(Table table, Child child) {
        /** The kind constant, a column, or null (the asset has no such attribute). */
        Object resolve(String attribute, Child def) {
            if (attribute.equals("kind")) return table.kind();
            if (def != null && attribute.startsWith(def.prefix())) {
                return child == null ? null : child.columns().get(attribute.substring(def.prefix().length()));
            }
            return table.columns().get(attribute);
        }
    }

    private boolean isChildAttribute(String attribute) {
        return child != null && attribute.startsWith(child.prefix());
    }

    private boolean namesChild(Filter f) {
        if (f instanceof Filter.And a) return namesChild(a.left()) || namesChild(a.right());
        if (f instanceof Filter.Or o) return namesChild(o.left()) || namesChild(o.right());
        if (f instanceof Filter.Not n) return namesChild(n.operand());
        if (f instanceof Filter.Compare c) return isChildAttribute(c.attribute());
        if (f instanceof Filter.In i) return isChildAttribute(i.attribute());
        return false;
    }

    /** Whether the filter names a child attribute (then its pack results carry matching children). */
    public boolean hasChildTerms(Filter f) {
        return namesChild(f);
    }

    private static void conjuncts(Filter f, List<Filter> out) {
        if (f instanceof Filter.And a) {
            conjuncts(a.left(), out);
            conjuncts(a.right(), out);
        } else if (!(f instanceof Filter.All)) {
            out.add(f);
        }
    }

    private Cond compile(Filter f, Scope s) {
        if (f instanceof Filter.And a) return compile(a.left(), s).and(compile(a.right(), s));
        if (f instanceof Filter.Or o) return compile(o.left(), s).or(compile(o.right(), s));
        if (f instanceof Filter.Not n) return compile(n.operand(), s).not();
        if (f instanceof Filter.Compare c) {
            return compare(s.resolve(c.attribute(), child), schema.type(c.attribute()), c.op(), List.of(c.literal()));
        }
        if (f instanceof Filter.In i) return compare(s.resolve(i.attribute(), child), schema.type(i.attribute()), Op.EQ, i.values());
        return Cond.TRUE; // Filter.All
    }

    /** {@code attr op literal}, or with several literals {@code attr in (...)} (op EQ). */
    private Cond compare(Object target, AttrType type, Op op, List<Literal> literals) {
        if (target == null) return Cond.FALSE; // a missing value never matches
        if (target instanceof String constant) { // the kind of the branch
            boolean any = false;
            for (Literal l : literals) any |= test(constant, op, (String) l.value());
            return Cond.of(any);
        }
        if (target instanceof Column.Flag flag) {
            boolean wantTrue = false, wantFalse = false;
            for (Literal l : literals) {
                boolean v = (Boolean) l.value();
                boolean matchesTrue = op == Op.EQ ? v : !v;
                if (matchesTrue) wantTrue = true;
                else wantFalse = true;
            }
            if (wantTrue && wantFalse) return Cond.TRUE;
            return Cond.of(wantTrue ? "(" + flag.predicate() + ")" : "NOT (" + flag.predicate() + ")", List.of());
        }
        if (target instanceof Column.AnyOf any) {
            Cond inner = compare(any.value(), type, op, literals);
            if (inner.isFalse()) return Cond.FALSE;
            return Cond.of("EXISTS (SELECT 1 FROM " + any.from() + " WHERE " + any.link() + " AND " + inner.sql() + ")", inner.params());
        }
        String e = sql((Column) target);
        List<Object> params = new ArrayList<>();
        String test;
        if (target instanceof Column.Upper && type == AttrType.STRING && (op == Op.EQ || op == Op.NE || op == Op.PREFIX)
                && literals.stream().allMatch(l -> ascii((String) l.value()))) {
            if (op == Op.PREFIX) {
                test = e + " LIKE ? ESCAPE '!'";
                params.add(new Slot(literals.get(0), Bind.LIKE_UPPER));
            } else if (literals.size() > 1) {
                StringBuilder b = new StringBuilder(e + " IN (");
                for (int i = 0; i < literals.size(); i++) {
                    b.append(i == 0 ? "?" : ", ?");
                    params.add(new Slot(literals.get(i), Bind.UPPER));
                }
                test = b.append(')').toString();
            } else {
                test = e + (op == Op.EQ ? " = ?" : " <> ?");
                params.add(new Slot(literals.get(0), Bind.UPPER));
            }
        } else if (literals.size() > 1) {
            StringBuilder b = new StringBuilder(type == AttrType.STRING ? "LOWER(" + e + ") IN (" : e + " IN (");
            for (int i = 0; i < literals.size(); i++) {
                b.append(i == 0 ? "?" : ", ?");
                params.add(new Slot(literals.get(i), type == AttrType.STRING ? Bind.LOWER : Bind.VALUE));
            }
            test = b.append(')').toString();
        } else {
            Literal l = literals.get(0);
            if (type == AttrType.STRING && (op == Op.EQ || op == Op.NE)) {
                test = "LOWER(" + e + ") " + (op == Op.EQ ? "=" : "<>") + " ?";
                params.add(new Slot(l, Bind.LOWER));
            } else if (op == Op.PREFIX) {
                test = "LOWER(" + e + ") LIKE ? ESCAPE '!'";
                params.add(new Slot(l, Bind.LIKE_LOWER));
            } else if (type == AttrType.STRING) {
                test = dialect.ordered(e) + " " + op.symbol() + " ?";
                params.add(new Slot(l, Bind.AS_IS));
            } else {
                test = e + " " + (op == Op.NE ? "<>" : op.symbol()) + " ?";
                params.add(new Slot(l, Bind.VALUE));
            }
        }
        return Cond.of("(" + e + " IS NOT NULL AND " + test + ")", params);
    }

    private static String sql(Column c) {
        if (c instanceof Column.Expr x) return x.sql();
        if (c instanceof Column.Upper u) return u.sql();
        throw new IllegalArgumentException("not a value column: " + c);
    }

    private static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) > 127) return false;
        return true;
    }

    private static boolean test(String value, Op op, String literal) {
        return switch (op) {
            case EQ -> value.equalsIgnoreCase(literal);
            case NE -> !value.equalsIgnoreCase(literal);
            case PREFIX -> value.toLowerCase(Locale.ROOT).startsWith(literal.toLowerCase(Locale.ROOT));
            case LT -> value.compareTo(literal) < 0;
            case LE -> value.compareTo(literal) <= 0;
            case GT -> value.compareTo(literal) > 0;
            case GE -> value.compareTo(literal) >= 0;
        };
    }

    private static Object param(Literal l, boolean lowerCase) {
        Object v = l.value();
        if (v instanceof String s) return lowerCase ? s.toLowerCase(Locale.ROOT) : s;
        if (v instanceof java.time.Instant t) return t.atOffset(java.time.ZoneOffset.UTC);
        return v;
    }

    private static String likePrefix(String s) {
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) {
            if (ch == '!' || ch == '%' || ch == '_') b.append('!');
            b.append(ch);
        }
        return b.append('%').toString();
    }

    /**
     * The condition of one branch: the table's visibility, the terms without child attributes on the row, and the
     * terms with child attributes in one {@code EXISTS} over the children.
     */
    private Cond where(Table t, Filter f) {
        return where(t, f, true);
    }

    private Cond where(Table t, Filter f, boolean withChildTerms) {
        Cond c = t.visible() == null ? Cond.TRUE : Cond.of(t.visible(), List.of());
        List<Filter> terms = new ArrayList<>();
        conjuncts(f, terms);
        Cond childTerms = null;
        boolean hasChild = child != null && child.parentKind().equals(t.kind());
        for (Filter term : terms) {
            if (hasChild && namesChild(term)) {
                if (!withChildTerms) continue;
                Cond ct = compile(term, new Scope(t, child));
                childTerms = childTerms == null ? ct : childTerms.and(ct);
            } else {
                c = c.and(compile(term, new Scope(t, null)));
            }
            if (c.isFalse()) return Cond.FALSE;
        }
        if (childTerms != null) {
            if (childTerms.isFalse()) return Cond.FALSE;
            c = c.and(Cond.of("EXISTS (SELECT 1 FROM " + child.from() + " WHERE " + child.link()
                    + (childTerms.isTrue() ? "" : " AND " + childTerms.sql()) + ")", childTerms.params()));
        }
        return c;
    }

    /** The child terms of a filter on the parent kind, compiled for a join of parent and child (TRUE when none). */
    private Cond childWhere(Table t, Filter f) {
        List<Filter> terms = new ArrayList<>();
        conjuncts(f, terms);
        Cond c = Cond.TRUE;
        for (Filter term : terms) if (namesChild(term)) c = c.and(compile(term, new Scope(t, child)));
        return c;
    }

    // ---------------------------------------------------------------- sort keys and keyset

    /** A sort key's expression on one table: the kind constant, a column expression, or null (no such value). */
    private Object sortExpr(Table t, String attribute) {
        if (attribute.equals("kind")) return t.kind();
        if (attribute.equals("id")) return t.columns().getOrDefault("id", new Column.Expr(t.id()));
        return t.columns().get(attribute);
    }

    private String selectExpr(Object e, AttrType type) {
        if (e instanceof String constant) return "'" + constant.replace("'", "''") + "'"; // a table's kind, not user text
        return switch (type) {
            case NUMBER -> e == null ? "CAST(NULL AS DOUBLE PRECISION)" : "CAST(" + sql((Column) e) + " AS DOUBLE PRECISION)";
            case BOOLEAN -> e == null ? "CAST(NULL AS INT)" : "CASE WHEN " + ((Column.Flag) e).predicate() + " THEN 1 ELSE 0 END";
            case STRING -> e == null ? "CAST(NULL AS VARCHAR(200))" : dialect.ordered(sql((Column) e));
            case TIME -> e == null ? "CAST(NULL AS TIMESTAMP WITH TIME ZONE)" : sql((Column) e);
        };
    }

    /** Rows strictly after the cursor key in the sort order (nulls last both ways), for one table. */
    private Cond after(Table t, SortSpec sort, Object[] key) {
        Cond result = Cond.FALSE;
        Cond equalSoFar = Cond.TRUE;
        List<SortSpec.Key> keys = sort.keys();
        for (int i = 0; i < keys.size() && !equalSoFar.isFalse(); i++) {
            SortSpec.Key k = keys.get(i);
            Object e = sortExpr(t, k.attribute());
            AttrType type = schema.type(k.attribute());
            Object v = key[i];
            result = result.or(equalSoFar.and(beyond(e, type, v, k.descending())));
            equalSoFar = equalSoFar.and(same(e, type, v));
        }
        return result;
    }

    private Cond same(Object e, AttrType type, Object v) {
        if (e == null) return Cond.of(v == null);
        if (e instanceof String constant) return Cond.of(constant.equals(v));
        String x = valueExpr(e, type);
        if (v == null) return Cond.of("(" + x + ") IS NULL", List.of());
        return Cond.of("(" + x + ") = ?", List.of(keyParam(v)));
    }

    private Cond beyond(Object e, AttrType type, Object v, boolean descending) {
        if (v == null) return Cond.FALSE; // nothing sorts after a missing value
        if (e == null) return Cond.TRUE; // missing values sort after every value
        if (e instanceof String constant) {
            int c = constant.compareTo((String) v);
            return Cond.of(descending ? c < 0 : c > 0);
        }
        String x = valueExpr(e, type);
        return Cond.of("((" + x + ") " + (descending ? "<" : ">") + " ? OR (" + x + ") IS NULL)", List.of(keyParam(v)));
    }

    private String valueExpr(Object e, AttrType type) {
        if (e instanceof Column.Flag f) return "CASE WHEN " + f.predicate() + " THEN 1 ELSE 0 END";
        String sql = sql((Column) e);
        return type == AttrType.STRING ? dialect.ordered(sql) : sql;
    }

    private static Object keyParam(Object v) {
        if (v instanceof Boolean b) return b ? 1 : 0;
        if (v instanceof java.time.Instant t) return t.atOffset(java.time.ZoneOffset.UTC);
        return v;
    }

    // ---------------------------------------------------------------- statements

    /**
     * One page: rows {@code kind, id, s0..sn} (the sort keys, booleans as 0/1) in sort order, at most
     * {@code limit + 1} (one more tells whether a next page exists), strictly after {@code after} (null: from the
     * start). Null when no table can match.
     */
    public Sql page(Filter f, SortSpec sort, Object[] after, int limit) {
        return bound(page(wheres(f), sort, after, limit));
    }

    /** The condition of each table ({@link #where(Table, Filter)}), in the order of {@code tables}: compiled once per statement. */
    private List<Cond> wheres(Filter f) {
        List<Cond> out = new ArrayList<>(tables.size());
        for (Table t : tables) out.add(where(t, f));
        return out;
    }

    private Sql page(List<Cond> wheres, SortSpec sort, Object[] after, int limit) {
        Sql union = matches(wheres, sort, after);
        if (union == null) return null;
        List<Object> params = new ArrayList<>(union.params());
        params.add(limit + 1);
        return new Sql(union.text() + " ORDER BY " + sortKeys(sort, "") + " LIMIT ?", params);
    }

    /** Every match strictly after {@code after} (null: all), unordered: rows {@code kind, id, s0..sn}. Null when none can. */
    private Sql matches(List<Cond> wheres, SortSpec sort, Object[] after) {
        List<String> branches = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (int ti = 0; ti < tables.size(); ti++) {
            Table t = tables.get(ti);
            Cond w = wheres.get(ti);
            if (after != null) w = w.and(after(t, sort, after));
            if (w.isFalse()) continue;
            branches.add(selectMatches(t, w, sort, "", ""));
            params.addAll(w.params());
        }
        if (branches.isEmpty()) return null;
        StringBuilder sql = new StringBuilder("SELECT kind, id");
        for (int i = 0; i < sort.keys().size(); i++) sql.append(", s").append(i);
        sql.append(" FROM (").append(String.join(" UNION ALL ", branches)).append(") u");
        return new Sql(sql.toString(), params);
    }

    /**
     * One table's matches: {@code SELECT <lead>'<kind>' AS kind, <key> AS id, s0..sn<more> FROM <table> [WHERE w]}, the
     * sort keys as {@code s0..sn}; {@code lead} and {@code more} are further columns before and after them (or "").
     */
    private String selectMatches(Table t, Cond w, SortSpec sort, String lead, String more) {
        StringBuilder b = new StringBuilder("SELECT ").append(lead).append('\'').append(t.kind()).append("' AS kind, ").append(t.id()).append(" AS id");
        for (int i = 0; i < sort.keys().size(); i++) {
            String a = sort.keys().get(i).attribute();
            b.append(", ").append(selectExpr(sortExpr(t, a), schema.type(a))).append(" AS s").append(i);
        }
        b.append(more).append(" FROM ").append(t.from());
        if (!w.isTrue()) b.append(" WHERE ").append(w.sql());
        return b.toString();
    }

    /** {@code s0 ASC NULLS LAST, s1 DESC NULLS LAST, ...} with each key prefixed (e.g. "h."). */
    private static String sortKeys(SortSpec sort, String prefix) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < sort.keys().size(); i++) {
            if (i > 0) b.append(", ");
            b.append(prefix).append('s').append(i).append(sort.keys().get(i).descending() ? " DESC" : " ASC").append(" NULLS LAST");
        }
        return b.toString();
    }

    /**
     * The row of one kind's table joined to each hit of {@link #answer}: {@code LEFT JOIN <from> ON kind = '<kind>' AND
     * <key> = id}, read by the expressions of {@code select} (with column labels the caller reads back). The pack kind's
     * alias must be the parent alias of the child's link (e.g. {@code fleet_pack p}).
     */
    public record Details(String from, String key, String select) {}

    /**
     * A whole answer in one statement: the page of {@link #page} (at most {@code limit + 1} hits), each hit joined with
     * its row ({@code details} of its kind) and, when the filter has child terms, a pack hit with each of its matching
     * children ({@code childSelect}, one result row per child; none: one row with nulls), and in every row the count of
     * all matches as {@code total_count}: on the first page of a filter with child terms (a recall) the matches are
     * found once for both page and count; else the count is a count of every table (on PostgreSQL skipped on a first
     * page that is not full: the page is every match). Rows {@code total_count, kind, id, s0..sn, <details>, <child>} in sort order then child id; one row with
     * null hit columns when the page is empty. Null when no table can match.
     *
     * <p>A first page of a filter that pins the key of every table it can match ({@link #pinnedMatches}) at no more
     * rows than the page reads ({@code limit + 1}) holds every match: then the statement reads the matches without
     * sorting or limiting them apart and has no count, its {@code total_count} is SQL NULL (the count is the number of
     * distinct hits read) and an empty page is no row; when only one table can match and its details read it under
     * the same alias, the statement is one {@code SELECT} of that table (no CTE, no join).
     */
    public Sql answer(Filter f, SortSpec sort, Object[] after, int limit, Map<String, Details> details, String childSelect) {
        if (after != null) return bound(compileAnswer(f, sort, after, limit, details, childSelect)); // keyset values: not cached
        List<Literal> literals = new ArrayList<>();
        StringBuilder key = new StringBuilder().append(limit).append(' ');
        for (SortSpec.Key k : sort.keys()) key.append(k.descending() ? '-' : '+').append(k.attribute()).append(',');
        shape(f, key.append(' '), literals);
        AnswerShape shape = new AnswerShape(key.toString(), details, childSelect);
        boolean keptShape = shape.filter().length() <= MAX_SHAPE_KEY_CHARS;
        AnswerTemplate template = keptShape ? shapes.get(shape) : null;
        if (template == null) {
            Sql compiled = compileAnswer(f, sort, null, limit, details, childSelect);
            template = AnswerTemplate.of(compiled, literals);
            if (template == null) return bound(compiled);
            if (keptShape && (compiled == null || compiled.text().length() <= MAX_CACHED_SQL_CHARS)) {
                shapes.put(shape, template);
            }
        }
        return template.bind(literals);
    }

    private Sql compileAnswer(Filter f, SortSpec sort, Object[] after, int limit, Map<String, Details> details, String childSelect) {
        List<Cond> wheres = wheres(f);
        Sql page = page(wheres, sort, after, limit);
        if (page == null) return null;
        List<Object> params = new ArrayList<>();
        StringBuilder b = new StringBuilder("WITH ");
        boolean pageHoldsAll = after == null && pinnedMatches(f, wheres) <= limit + 1L;
        boolean matchesOnce = !pageHoldsAll && after == null && namesChild(f);
        if (pageHoldsAll && !namesChild(f)) {
            Sql oneTable = oneTableAnswer(wheres, sort, details);
            if (oneTable != null) return oneTable;
        }
        if (pageHoldsAll) { // every match, unordered (the statement's ORDER BY orders them) and without LIMIT: no sort in the CTE
            Sql all = matches(wheres, sort, null);
            params.addAll(all.params());
            b.append("hits AS (").append(all.text()).append(") SELECT CAST(NULL AS BIGINT) AS total_count, h.kind, h.id");
        } else if (matchesOnce) {
            // a recall's first page: the matching packs found once (their cells' semi-join is the costly part), then the
            // page and the count both read that set (a CTE read twice is computed once)
            Sql all = matches(wheres, sort, null);
            b.append("matches AS (").append(all.text()).append("), hits AS (SELECT * FROM matches ORDER BY ").append(sortKeys(sort, ""))
                    .append(" LIMIT ?), total AS (SELECT COUNT(*)");
            params.addAll(all.params());
            params.add(limit + 1);
        } else {
            Sql count = count(wheres);
            params.addAll(page.params());
            b.append("hits AS (").append(page.text()).append("), total AS (SELECT ");
            if (after == null && dialect == Dialect.POSTGRESQL) { // a first page that is not full holds every match: no second pass
                // over the tables (PostgreSQL runs a CASE branch's subquery only when taken; H2 2.3 answers the page's size here)
                b.append("CASE WHEN (SELECT COUNT(*) FROM hits) <= ? THEN (SELECT COUNT(*) FROM hits) ELSE ").append(count.text().substring(7)).append(" END");
                params.add(limit);
            } else {
                b.append(count.text().substring(7));
            }
            params.addAll(count.params());
        }
        if (!pageHoldsAll) b.append(matchesOnce ? " AS total_count FROM matches)" : " AS total_count)").append(" SELECT t.total_count, h.kind, h.id");
        for (int i = 0; i < sort.keys().size(); i++) b.append(", h.s").append(i);
        List<Table> present = new ArrayList<>();
        for (int ti = 0; ti < tables.size(); ti++) {
            Table t = tables.get(ti);
            if (details.containsKey(t.kind()) && !wheres.get(ti).isFalse()) present.add(t);
        }
        for (Table t : present) b.append(", ").append(details.get(t.kind()).select());
        boolean children = namesChild(f) && present.stream().anyMatch(t -> t.kind().equals(child.parentKind()));
        if (children) b.append(", ").append(childSelect);
        b.append(pageHoldsAll ? " FROM hits h" : " FROM total t LEFT JOIN hits h ON TRUE");
        for (Table t : present) {
            Details d = details.get(t.kind());
            b.append(" LEFT JOIN ").append(d.from()).append(" ON h.kind = '").append(t.kind()).append("' AND ").append(d.key()).append(" = h.id");
        }
        if (children) {
            Cond c = childWhere(table(child.parentKind()), f);
            b.append(" LEFT JOIN ").append(child.from()).append(" ON h.kind = '").append(child.parentKind()).append("' AND ").append(child.link());
            if (!c.isTrue()) b.append(" AND ").append(c.sql());
            params.addAll(c.params());
        }
        b.append(" ORDER BY ");
        for (int i = 0; i < sort.keys().size(); i++) {
            b.append("h.s").append(i).append(sort.keys().get(i).descending() ? " DESC" : " ASC").append(" NULLS LAST, ");
        }
        b.append(children ? child.id() : "h.id");
        return new Sql(b.toString(), params);
    }

    /**
     * At most how many assets the filter can match, from its top-level {@code and} terms that pin a table's key
     * ({@code id = 'X'} or {@code id in (...)} with ASCII literals, compared with the upper-case key column itself, whose
     * values are unique): the sum over the tables that can match of the literals pinning each; Long.MAX_VALUE when a
     * table that can match is not pinned.
     */
    long pinnedMatches(Filter f, List<Cond> wheres) {
        List<Filter> terms = new ArrayList<>();
        conjuncts(f, terms);
        long sum = 0;
        for (int ti = 0; ti < tables.size(); ti++) {
            if (wheres.get(ti).isFalse()) continue;
            Table t = tables.get(ti);
            if (!(t.columns().get("id") instanceof Column.Upper key) || !key.sql().equals(t.id())) return Long.MAX_VALUE;
            long pinned = Long.MAX_VALUE;
            for (Filter term : terms) {
                List<Literal> values = term instanceof Filter.Compare c && c.attribute().equals("id") && c.op() == Op.EQ ? List.of(c.literal())
                        : term instanceof Filter.In i && i.attribute().equals("id") ? i.values() : null;
                if (values != null && values.stream().allMatch(l -> l.value() instanceof String s && ascii(s))) {
                    pinned = Math.min(pinned, values.size());
                }
            }
            if (pinned == Long.MAX_VALUE) return Long.MAX_VALUE;
            sum += pinned;
        }
        return sum;
    }

    /**
     * The answer holding every match when only one table can match and its details read that table under the same
     * alias (packs: {@code fleet_pack p}): one {@code SELECT} of the matching rows with their details, no CTE nor join.
     * Null otherwise.
     */
    private Sql oneTableAnswer(List<Cond> wheres, SortSpec sort, Map<String, Details> details) {
        int only = -1;
        for (int ti = 0; ti < tables.size(); ti++) {
            if (wheres.get(ti).isFalse()) continue;
            if (only >= 0) return null;
            only = ti;
        }
        Table t = tables.get(only);
        Details d = details.get(t.kind());
        if (d == null || !d.from().equals(t.from())) return null;
        Cond w = wheres.get(only);
        String text = selectMatches(t, w, sort, "CAST(NULL AS BIGINT) AS total_count, ", ", " + d.select())
                + " ORDER BY " + (sort.keys().isEmpty() ? "" : sortKeys(sort, "") + ", ") + t.id();
        return new Sql(text, w.params());
    }

    /** How many assets match in all: one row, one column. Null when no table can match (the count is 0). */
    public Sql count(Filter f) {
        return bound(count(wheres(f)));
    }

    private Sql count(List<Cond> wheres) {
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (int ti = 0; ti < tables.size(); ti++) {
            Table t = tables.get(ti);
            Cond w = wheres.get(ti);
            if (w.isFalse()) continue;
            parts.add("(SELECT COUNT(*) FROM " + t.from() + (w.isTrue() ? "" : " WHERE " + w.sql()) + ")");
            params.addAll(w.params());
        }
        if (parts.isEmpty()) return null;
        return new Sql("SELECT " + String.join(" + ", parts), params);
    }

    /**
     * The children matching the child terms of {@code f} of the given parents: {@code select} (expressions on the
     * child's and parent's aliases) ordered by parent key then child id.
     */
    public Sql matchingChildren(Filter f, String select, List<String> parentIds) {
        Table parent = table(child.parentKind());
        Cond c = childWhere(parent, f);
        StringBuilder b = new StringBuilder("SELECT ").append(select).append(" FROM ").append(parent.from()).append(" JOIN ")
                .append(child.from()).append(" ON ").append(child.link()).append(" WHERE ").append(parent.id()).append(" IN (");
        List<Object> params = new ArrayList<>(parentIds);
        for (int i = 0; i < parentIds.size(); i++) b.append(i == 0 ? "?" : ", ?");
        b.append(')');
        if (!c.isTrue()) b.append(" AND ").append(c.sql());
        params.addAll(c.params());
        b.append(" ORDER BY ").append(child.parentKey()).append(", ").append(child.id());
        return bound(new Sql(b.toString(), params));
    }

    /**
     * The parent kind's matching rows joined with their matching children (none joined when the filter has no child
     * terms), ordered by parent id then child id: {@code select} over both aliases (child columns null without child
     * terms). Null when nothing can match.
     */
    public Sql parentsWithChildren(Filter f, String parentSelect, String childSelect) {
        Table parent = table(child.parentKind());
        boolean join = namesChild(f);
        Cond w = where(parent, f, !join); // joined: the join keeps only parents with a matching child
        if (w.isFalse()) return null;
        StringBuilder b = new StringBuilder("SELECT ").append(parentSelect).append(", ").append(join ? childSelect : "NULL")
                .append(" FROM ").append(parent.from());
        List<Object> params = new ArrayList<>();
        if (join) {
            Cond c = childWhere(parent, f);
            b.append(" JOIN ").append(child.from()).append(" ON ").append(child.link());
            if (!c.isTrue()) b.append(" AND ").append(c.sql());
            params.addAll(c.params());
        }
        if (!w.isTrue()) b.append(" WHERE ").append(w.sql());
        params.addAll(w.params());
        b.append(" ORDER BY ").append(parent.id()).append(join ? ", " + child.id() : "");
        return bound(new Sql(b.toString(), params));
    }

    // ---------------------------------------------------------------- parameters and compiled shapes

    /** How a parameter is read from a literal of the filter. */
    private enum Bind {
        /** The value as parsed. */
        AS_IS,
        /** As {@link #param(Literal, boolean)} without lower-casing (a time as an OffsetDateTime). */
        VALUE,
        /** Lower-cased (string equality and {@code in} ignore case). */
        LOWER,
        /** Upper-cased (compared with an upper-case column). */
        UPPER,
        LIKE_LOWER,
        LIKE_UPPER;

        Object of(Literal l) {
            return switch (this) {
                case AS_IS -> l.value();
                case VALUE -> param(l, false);
                case LOWER -> param(l, true);
                case UPPER -> ((String) l.value()).toUpperCase(Locale.ROOT);
                case LIKE_LOWER -> likePrefix(((String) l.value()).toLowerCase(Locale.ROOT));
                case LIKE_UPPER -> likePrefix(((String) l.value()).toUpperCase(Locale.ROOT));
            };
        }
    }

    /** A parameter taken from a literal of the filter being compiled (bound to its value when the statement is handed out). */
    private record Slot(Literal literal, Bind how) {}

    /** The statement with each literal's parameter bound to its value; null stays null. */
    private static Sql bound(Sql sql) {
        if (sql == null) return null;
        List<Object> params = new ArrayList<>(sql.params().size());
        for (Object p : sql.params()) params.add(p instanceof Slot s ? s.how().of(s.literal()) : p);
        return new Sql(sql.text(), params);
    }

    /**
     * The SQL text of an answer depends on the filter's literals only through what {@link #shape} writes (the kind
     * constants, booleans, whether strings are ASCII, the length of {@code in} lists), every other literal being a
     * parameter: so the text is compiled once per shape, sort and limit, and each request binds its own literals. The
     * same text instance is then handed to the driver each time (its statement cache hashes it once). Bounded: shapes
     * past {@link #MAX_CACHED_SHAPES} evict the least recently used.
     */
    private record AnswerShape(String filter, Map<String, Details> details, String childSelect) {}

    /**
     * The compiled answer of one shape: its text and, per parameter, a constant or the index of the literal (in the
     * order of {@link #shape}) and how it is bound. {@code text} null: no table can match.
     */
    private record AnswerTemplate(String text, List<Object> params) {
        private record Ref(int literal, Bind how) {}

        /** Null when the filter holds the same literal instance twice (its positions could not be told apart). */
        static AnswerTemplate of(Sql compiled, List<Literal> literals) {
            java.util.IdentityHashMap<Literal, Integer> index = new java.util.IdentityHashMap<>();
            for (int i = 0; i < literals.size(); i++) if (index.put(literals.get(i), i) != null) return null;
            if (compiled == null) return new AnswerTemplate(null, List.of());
            List<Object> params = new ArrayList<>(compiled.params().size());
            for (Object p : compiled.params()) {
                if (p instanceof Slot s) {
                    Integer i = index.get(s.literal());
                    if (i == null) return null; // not a literal of this filter: never cached
                    params.add(new Ref(i, s.how()));
                } else {
                    params.add(p);
                }
            }
            return new AnswerTemplate(compiled.text(), List.copyOf(params));
        }

        Sql bind(List<Literal> literals) {
            if (text == null) return null;
            List<Object> out = new ArrayList<>(params.size());
            for (Object p : params) out.add(p instanceof Ref r ? r.how().of(literals.get(r.literal())) : p);
            return new Sql(text, out);
        }
    }

    /**
     * Compiled answers kept (assumed: a few hundred shapes cover the dashboard's, the API clients' and the benches'
     * queries; at ~2-5 kB of text each the cache stays below ~1.5 MB, and a request cannot grow it past that bound).
     */
    static final int MAX_CACHED_SHAPES = 256;
    /** Longer shapes or statements are compiled for each request and not kept (assumed: keeps every entry small). */
    static final int MAX_SHAPE_KEY_CHARS = 2_000;
    static final int MAX_CACHED_SQL_CHARS = 16_000;

    private final Map<AnswerShape, AnswerTemplate> shapes = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<AnswerShape, AnswerTemplate> eldest) {
                    return size() > MAX_CACHED_SHAPES;
                }
            });

    /**
     * Writes what of the filter the SQL text depends on and collects its literals in that order: the tree, attributes
     * and operators, and of each literal its type, plus the value of a {@code kind} constant or a boolean (both folded
     * into the text) and whether a string is ASCII (which decides how an upper-case column is compared).
     */
    private static void shape(Filter f, StringBuilder b, List<Literal> out) {
        if (f instanceof Filter.And a) {
            b.append("(&");
            shape(a.left(), b, out);
            shape(a.right(), b, out);
            b.append(')');
        } else if (f instanceof Filter.Or o) {
            b.append("(|");
            shape(o.left(), b, out);
            shape(o.right(), b, out);
            b.append(')');
        } else if (f instanceof Filter.Not n) {
            b.append("(!");
            shape(n.operand(), b, out);
            b.append(')');
        } else if (f instanceof Filter.Compare c) {
            b.append('(').append(c.attribute()).append(' ').append(c.op().name()).append(' ');
            literal(c.attribute(), c.literal(), b, out);
            b.append(')');
        } else if (f instanceof Filter.In i) {
            b.append('(').append(i.attribute()).append(" IN ").append(i.values().size());
            for (Literal l : i.values()) literal(i.attribute(), l, b, out);
            b.append(')');
        } else {
            b.append('*');
        }
    }

    private static void literal(String attribute, Literal l, StringBuilder b, List<Literal> out) {
        out.add(l);
        b.append(' ').append(l.getClass().getSimpleName());
        if (attribute.equals("kind") || l instanceof Literal.Bool) {
            String v = String.valueOf(l.value());
            b.append(v.length()).append(':').append(v);
        } else if (l instanceof Literal.Str str) {
            b.append(ascii(str.value()) ? 'a' : 'u');
        }
    }

    private Table table(String kind) {
        return tables.stream().filter(t -> t.kind().equals(kind)).findFirst().orElseThrow();
    }
}
