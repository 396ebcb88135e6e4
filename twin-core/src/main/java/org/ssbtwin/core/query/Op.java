package org.ssbtwin.core.query;

/** A comparison operator of the filter language. */
public enum Op {
    EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="),
    /** String prefix ("starts with"), case-insensitive. */
    PREFIX("~");

    private final String symbol;

    Op(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public boolean ordering() {
        return this == LT || this == LE || this == GT || this == GE;
    }
}
