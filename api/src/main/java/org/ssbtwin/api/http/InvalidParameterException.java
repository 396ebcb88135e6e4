package org.ssbtwin.api.http;

/** A query parameter, path segment or body field is malformed; names the field. Answered with 400. */
public final class InvalidParameterException extends IllegalArgumentException {
    private final String field;

    public InvalidParameterException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
