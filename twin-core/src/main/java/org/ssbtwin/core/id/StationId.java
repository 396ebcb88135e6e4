package org.ssbtwin.core.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/** A production station, e.g. {@code DK1-LAM-01}: site/line, station kind code, unit number. */
public record StationId(String value) implements Comparable<StationId> {
    public static final Pattern PATTERN = Pattern.compile("[A-Z0-9]{2,8}(-[A-Z0-9]{1,8}){1,4}");

    public StationId {
        AssetIds.require("station", value, PATTERN, "DK1-LAM-01");
    }

    @JsonCreator
    public static StationId of(String value) {
        return new StationId(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public int compareTo(StationId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
