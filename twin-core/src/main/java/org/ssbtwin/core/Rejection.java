package org.ssbtwin.core;

/**
 * Why the twin refused a command: which field was wrong and why. Carried back to the caller (HTTP 400/404/409,
 * CLI message) instead of an exception.
 */
public record Rejection(Kind kind, String field, String message) implements TwinSerializable {
    public enum Kind {
        /** The input itself is malformed or out of range. */
        INVALID,
        /** The asset does not exist (yet). */
        NOT_FOUND,
        /** The input is well-formed but conflicts with the asset's state (e.g. time going backwards). */
        CONFLICT
    }

    public static Rejection invalid(String field, String message) {
        return new Rejection(Kind.INVALID, field, message);
    }

    public static Rejection notFound(String message) {
        return new Rejection(Kind.NOT_FOUND, null, message);
    }

    public static Rejection conflict(String field, String message) {
        return new Rejection(Kind.CONFLICT, field, message);
    }
}
