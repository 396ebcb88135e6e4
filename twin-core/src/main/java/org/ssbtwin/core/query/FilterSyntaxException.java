package org.ssbtwin.core.query;

/**
 * A filter or sort expression that cannot be parsed or does not fit the attribute schema: names the 0-based
 * character {@link #position()} of the error and what was {@link #expected()} there.
 */
public final class FilterSyntaxException extends IllegalArgumentException {
    private final int position;
    private final String expected;
    private final String found;

    public FilterSyntaxException(int position, String expected, String found) {
        super("at position " + position + ": expected " + expected + (found == null ? "" : ", found " + found));
        this.position = position;
        this.expected = expected;
        this.found = found;
    }

    /** 0-based index into the expression text where the error was detected. */
    public int position() {
        return position;
    }

    /** What the parser expected at {@link #position()}, e.g. {@code "an attribute name"}. */
    public String expected() {
        return expected;
    }

    /** What it found instead ({@code "end of input"}, a token), or null. */
    public String found() {
        return found;
    }
}
