package org.ssbtwin.api.study;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The bounds on HOCON text that comes from a request (an inline fleet spec). HOCON substitutions are refused because
 * nested {@code ${...}} references expand exponentially (7 levels of 10 references in 530 bytes asked for gigabytes and
 * stopped a node with an OutOfMemoryError); the text's size and nesting are bounded so that neither the parser nor
 * the loader can recurse deeply. Each message names the limit.
 */
public final class UntrustedHocon {
    /** Longest text accepted: 64 Ki characters (a real fleet spec is ~1-2 KB; assumed headroom). */
    public static final int MAX_CHARS = 65_536;
    /** Deepest nesting of objects and lists, path segments counted (a fleet spec nests 4 levels; assumed headroom). */
    public static final int MAX_DEPTH = 16;

    private UntrustedHocon() {
    }

    /**
     * The limits that the raw text exceeds before it is parsed: size, and nesting of braces, brackets and dotted
     * path segments outside strings and comments (so the recursive parser cannot be driven into a stack overflow:
     * 20,000 dotted segments overflow Typesafe Config's path parser). Empty when within.
     */
    public static List<String> limitsExceeded(String hocon) {
        List<String> out = new ArrayList<>();
        if (hocon.length() > MAX_CHARS) {
            out.add("an inline spec must be at most " + MAX_CHARS + " characters, was " + hocon.length());
            return out;
        }
        int depth = 0;
        int dots = 0; // path segments of the key being read: a.b.c = 1 nests like a { b { c = 1 } }
        int deepest = 0;
        for (int i = 0; i < hocon.length(); i++) {
            char c = hocon.charAt(i);
            if (c == '.') {
                deepest = Math.max(deepest, depth + ++dots);
            } else if (c == ',' || c == '=' || c == ':' || c == '\n') {
                dots = 0;
            }
            if (c == '"') {
                i = endOfString(hocon, i);
            } else if (c == '#' || (c == '/' && i + 1 < hocon.length() && hocon.charAt(i + 1) == '/')) {
                int eol = hocon.indexOf('\n', i);
                i = eol < 0 ? hocon.length() : eol;
            } else if (c == '{' || c == '[') {
                deepest = Math.max(deepest, ++depth + dots);
                dots = 0;
            } else if (c == '}' || c == ']') {
                depth--;
                dots = 0;
            }
        }
        if (deepest > MAX_DEPTH) {
            out.add("an inline spec may nest at most " + MAX_DEPTH + " levels ({ }, [ ] and dotted keys), was " + deepest);
        }
        return out;
    }

    /**
     * What a parsed (not yet resolved) spec may not hold: substitutions {@code ${...}} and nesting deeper than
     * {@link #MAX_DEPTH} (dotted keys such as {@code a.b.c} nest without braces). Empty when the spec is safe to
     * resolve and load.
     */
    public static List<String> unsafeContent(Config parsed) {
        List<String> out = new ArrayList<>();
        if (!parsed.isResolved()) {
            out.add("substitutions (${...}) are not allowed in an inline spec; write the values out");
        }
        if (depthOver(parsed.root(), 1)) {
            out.add("an inline spec may nest at most " + MAX_DEPTH + " levels (dotted keys count as levels)");
        }
        return out;
    }

    /** Whether {@code value}, at {@code depth}, has anything deeper than the limit; never descends past it. */
    private static boolean depthOver(ConfigValue value, int depth) {
        if (value instanceof ConfigObject o) {
            if (depth > MAX_DEPTH) return true;
            for (ConfigValue child : o.values()) {
                if (depthOver(child, depth + 1)) return true;
            }
        } else if (value instanceof ConfigList l) {
            if (depth > MAX_DEPTH) return true;
            for (ConfigValue child : l) {
                if (depthOver(child, depth + 1)) return true;
            }
        }
        return false;
    }

    /** The index of the closing quote of the string opening at {@code start} (a triple quote or a plain one). */
    private static int endOfString(String s, int start) {
        if (s.startsWith("\"\"\"", start)) {
            int end = s.indexOf("\"\"\"", start + 3);
            return end < 0 ? s.length() : end + 2;
        }
        for (int i = start + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"' || c == '\n') {
                return i;
            }
        }
        return s.length();
    }
}
