package org.ssbtwin.core.query;

/**
 * The type of a searchable attribute; literals compared with it must have the same type. {@code TIME} values are
 * {@link java.time.Instant}s, written as ISO dates ({@code 2029-03-01}, midnight UTC) or date-times
 * ({@code 2029-03-01T06:00:00Z}, {@code 2029-03-01T08:00+02:00}; without an offset: UTC).
 */
public enum AttrType {
    STRING, NUMBER, BOOLEAN, TIME
}
