package org.ssbtwin.core.id;

/** A malformed asset identifier; names the kind of id and the rule it broke. */
public final class InvalidIdException extends IllegalArgumentException {
    private final String kind;
    private final String value;

    public InvalidIdException(String kind, String value, String rule) {
        super(kind + " '" + value + "' " + rule);
        this.kind = kind;
        this.value = value;
    }

    public String kind() { return kind; }

    public String value() { return value; }
}
