package org.ssbtwin.core.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** Filters, counts, sorts and pages a collection of assets by their attribute views. */
public final class Search {
    private Search() {}

    /** One page: its items, how many assets match in all, and the cursor of the next page (null on the last). */
    public record Result<T>(List<T> items, long count, String nextCursor) {}

    private record Hit<T>(T item, Object[] key) {}

    /**
     * @param fingerprint identifies the query and sort (cursors of other queries are refused)
     * @param cursor null for the first page
     */
    public static <T> Result<T> run(Iterable<T> assets, Function<T, AttributeView> view, Filter filter, SortSpec sort,
                                    String cursor, int limit, String fingerprint) {
        if (limit < 1) throw new IllegalArgumentException("limit must be >= 1");
        Object[] after = cursor == null ? null : Cursor.decode(cursor, fingerprint, sort.keys().size());
        Comparator<Object[]> cmp = sort.comparator();
        long count = 0;
        List<Hit<T>> hits = new ArrayList<>();
        for (T asset : assets) {
            AttributeView v = view.apply(asset);
            if (!filter.test(v)) continue;
            count++;
            Object[] key = sort.keyOf(v);
            if (after == null || cmp.compare(key, after) > 0) hits.add(new Hit<>(asset, key));
        }
        hits.sort((a, b) -> cmp.compare(a.key(), b.key()));
        List<T> items = new ArrayList<>(Math.min(limit, hits.size()));
        for (int i = 0; i < Math.min(limit, hits.size()); i++) items.add(hits.get(i).item());
        String next = hits.size() > limit ? Cursor.encode(fingerprint, hits.get(limit - 1).key()) : null;
        return new Result<>(items, count, next);
    }
}
