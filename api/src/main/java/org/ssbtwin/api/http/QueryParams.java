package org.ssbtwin.api.http;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Strict parsing of query parameters: unknown names and malformed values are errors that name the parameter. */
public final class QueryParams {
    public static final int MAX_PAGE_SIZE = 1000;
    private final Map<String, String> raw;

    public QueryParams(Map<String, String> raw, Set<String> allowed) {
        this.raw = raw;
        for (String name : raw.keySet()) {
            if (!allowed.contains(name)) {
                throw new InvalidParameterException(name, "unknown query parameter '" + name + "'; allowed: " + new TreeSet<>(allowed));
            }
        }
    }

    public String string(String name) {
        String v = raw.get(name);
        if (v != null && v.isBlank()) throw new InvalidParameterException(name, name + " must not be empty");
        return v;
    }

    public int intIn(String name, int dflt, int min, int max) {
        String v = raw.get(name);
        if (v == null) return dflt;
        try {
            int i = Integer.parseInt(v.strip());
            if (i < min || i > max) throw new InvalidParameterException(name, name + " must be within [" + min + ", " + max + "], was " + i);
            return i;
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(name, name + " must be a whole number, was '" + v + "'");
        }
    }

    public Double doubleIn(String name, double min, double max) {
        String v = raw.get(name);
        if (v == null) return null;
        try {
            double d = Double.parseDouble(v.strip());
            if (!(d >= min && d <= max)) throw new InvalidParameterException(name, name + " must be within [" + min + ", " + max + "], was " + v);
            return d;
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(name, name + " must be a number, was '" + v + "'");
        }
    }

    public <E extends Enum<E>> E enumValue(String name, Class<E> type) {
        String v = raw.get(name);
        if (v == null) return null;
        try {
            return Enum.valueOf(type, v.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(name, name + " must be one of " + Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT) + ", was '" + v + "'");
        }
    }

    public int page() {
        return intIn("page", 0, 0, 1_000_000);
    }

    public int size() {
        return intIn("size", 50, 1, MAX_PAGE_SIZE);
    }
}
