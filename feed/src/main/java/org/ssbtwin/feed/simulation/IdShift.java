package org.ssbtwin.feed.simulation;

import java.util.Map;

/**
 * Continues id sequences after a restart: a fresh simulation numbers its items from 1, so each simulated id gets
 * the highest serial already in the journal for its prefix added (e.g. {@code C-DK1-00000003} becomes
 * {@code C-DK1-00000423} when 420 cells exist).
 */
public record IdShift(Map<String, Long> offsetByPrefix) {
    public static final IdShift NONE = new IdShift(Map.of());

    public IdShift {
        offsetByPrefix = Map.copyOf(offsetByPrefix);
    }

    /** The id with its trailing serial shifted by the offset of its prefix (everything before the last '-'). */
    public String shift(String id) {
        int dash = id.lastIndexOf('-');
        String prefix = id.substring(0, dash);
        long offset = offsetByPrefix.getOrDefault(prefix, 0L);
        if (offset == 0) return id;
        String digits = id.substring(dash + 1);
        String shifted = Long.toString(Long.parseLong(digits) + offset);
        StringBuilder b = new StringBuilder(prefix).append('-');
        for (int i = shifted.length(); i < digits.length(); i++) b.append('0');
        return b.append(shifted).toString();
    }

    /** The prefix of an id (everything before its serial). */
    public static String prefixOf(String id) {
        return id.substring(0, id.lastIndexOf('-'));
    }

    /** The serial of an id. */
    public static long serialOf(String id) {
        return Long.parseLong(id.substring(id.lastIndexOf('-') + 1));
    }
}
