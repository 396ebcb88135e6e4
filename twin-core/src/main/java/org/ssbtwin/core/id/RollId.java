package org.ssbtwin.core.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/** A coated electrode or electrolyte roll, e.g. {@code R-CAT-000012}. */
public record RollId(String value) implements Comparable<RollId> {
    public static final Pattern PATTERN = Pattern.compile("R-[A-Z]{2,4}-[0-9]{4,10}");

    public RollId {
        AssetIds.require("roll", value, PATTERN, "R-CAT-000012");
    }

    @JsonCreator
    public static RollId of(String value) {
        return new RollId(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public int compareTo(RollId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
