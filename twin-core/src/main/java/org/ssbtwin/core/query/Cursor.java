package org.ssbtwin.core.query;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The opaque paging cursor: the sort-key values of the last item of a page plus a fingerprint of the query and sort
 * it belongs to (a cursor of another query is refused), URL-safe base64. The next page starts strictly after that
 * key, so items added or removed meanwhile never shift the pages.
 */
public final class Cursor {
    private Cursor() {}

    public static String encode(String fingerprint, Object[] key) {
        StringBuilder b = new StringBuilder("c1;").append(fingerprint.length()).append(':').append(fingerprint);
        for (Object v : key) {
            String s;
            char t;
            if (v == null) {
                t = 'z';
                s = "";
            } else if (v instanceof String str) {
                t = 's';
                s = str;
            } else if (v instanceof Double d) {
                t = 'n';
                s = Long.toHexString(Double.doubleToLongBits(d)); // exact, no decimal round trip
            } else if (v instanceof Boolean bo) {
                t = 'b';
                s = bo.toString();
            } else if (v instanceof java.time.Instant in) {
                t = 't';
                s = in.toString();
            } else {
                throw new IllegalArgumentException("unsupported key value " + v.getClass());
            }
            b.append(t).append(s.length()).append(':').append(s);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Decodes a cursor of the query {@code fingerprint} with {@code size} sort keys.
     *
     * @throws IllegalArgumentException when it is malformed or belongs to another query or sort
     */
    public static Object[] decode(String cursor, String fingerprint, int size) {
        String s;
        try {
            s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cursor is not a cursor of this API");
        }
        if (!s.startsWith("c1;")) throw new IllegalArgumentException("cursor is not a cursor of this API");
        int[] pos = {3};
        List<Object> values = new ArrayList<>();
        try {
            String fp = chunk(s, pos);
            if (!fp.equals(fingerprint)) throw new IllegalArgumentException("cursor belongs to another query or sort order; start again without cursor");
            while (pos[0] < s.length()) {
                char t = s.charAt(pos[0]++);
                String v = chunk(s, pos);
                values.add(switch (t) {
                    case 'z' -> null;
                    case 's' -> v;
                    case 'n' -> Double.longBitsToDouble(Long.parseUnsignedLong(v, 16));
                    case 'b' -> Boolean.parseBoolean(v);
                    case 't' -> java.time.Instant.parse(v);
                    default -> throw new IllegalArgumentException("cursor is not a cursor of this API");
                });
            }
        } catch (IndexOutOfBoundsException | NumberFormatException | java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("cursor is not a cursor of this API");
        }
        if (values.size() != size) throw new IllegalArgumentException("cursor is not a cursor of this API");
        return values.toArray();
    }

    private static String chunk(String s, int[] pos) {
        int colon = s.indexOf(':', pos[0]);
        int len = Integer.parseInt(s.substring(pos[0], colon));
        String v = s.substring(colon + 1, colon + 1 + len);
        pos[0] = colon + 1 + len;
        return v;
    }
}
