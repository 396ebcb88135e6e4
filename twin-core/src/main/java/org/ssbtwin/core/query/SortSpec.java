package org.ssbtwin.core.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A sort order such as {@code -soh,id}: comma-separated attribute names, each optionally prefixed with {@code -}
 * (descending) or {@code +} (ascending, the default). The tie-breakers of {@link #TIE_BREAKERS} are appended when
 * missing, so the order is total and cursor paging is stable. Missing values (null) sort last in either direction.
 */
public final class SortSpec {
    /** Appended in this order unless already present: every asset is unique by kind and id. */
    public static final List<String> TIE_BREAKERS = List.of("kind", "id");

    public record Key(String attribute, boolean descending) {
        @Override
        public String toString() {
            return (descending ? "-" : "") + attribute;
        }
    }

    private final List<Key> keys;

    private SortSpec(List<Key> keys) {
        this.keys = List.copyOf(keys);
    }

    public List<Key> keys() {
        return keys;
    }

    /** Parses {@code text} (null or blank: by kind, then id); positions in errors are 0-based into {@code text}. */
    public static SortSpec parse(String text, AttributeSchema schema) {
        List<Key> keys = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            int pos = 0;
            for (String part : text.split(",", -1)) {
                int lead = 0;
                while (lead < part.length() && Character.isWhitespace(part.charAt(lead))) lead++;
                String p = part.strip();
                int at = pos + lead;
                boolean desc = false;
                if (p.startsWith("-") || p.startsWith("+")) {
                    desc = p.startsWith("-");
                    p = p.substring(1).strip();
                    at++;
                }
                if (p.isEmpty()) throw new FilterSyntaxException(at, "an attribute name to sort by", part.isEmpty() ? "','" : "'" + part + "'");
                String name = schema.canonical(p);
                if (name == null) {
                    throw new FilterSyntaxException(at, "a known attribute (" + String.join(", ", schema.names()) + ")", "'" + p + "'");
                }
                final String n = name;
                if (keys.stream().anyMatch(k -> k.attribute().equals(n))) {
                    throw new FilterSyntaxException(at, "each attribute at most once", "'" + p + "' again");
                }
                keys.add(new Key(name, desc));
                pos += part.length() + 1;
            }
        }
        for (String t : TIE_BREAKERS) {
            if (schema.canonical(t) != null && keys.stream().noneMatch(k -> k.attribute().equals(t))) keys.add(new Key(t, false));
        }
        return new SortSpec(keys);
    }

    /** The values of the sort keys of one asset. */
    public Object[] keyOf(AttributeView view) {
        Object[] out = new Object[keys.size()];
        for (int i = 0; i < out.length; i++) out[i] = view.get(keys.get(i).attribute());
        return out;
    }

    /** Orders sort-key arrays made by {@link #keyOf}. */
    public Comparator<Object[]> comparator() {
        return (a, b) -> {
            for (int i = 0; i < keys.size(); i++) {
                int c = compareValues(a[i], b[i], keys.get(i).descending());
                if (c != 0) return c;
            }
            return 0;
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Object x, Object y, boolean descending) {
        if (x == null || y == null) return x == null ? (y == null ? 0 : 1) : -1; // nulls last both ways
        int c = ((Comparable) x).compareTo(y);
        return descending ? -c : c;
    }

    @Override
    public String toString() {
        return String.join(",", keys.stream().map(Key::toString).toList());
    }
}
