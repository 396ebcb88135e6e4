package org.ssbtwin.core.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/** A finished cell (a bipolar stack of inlays), e.g. {@code C-DK1-00000042}. */
public record CellId(String value) implements Comparable<CellId> {
    public static final Pattern PATTERN = Pattern.compile("C-[A-Z0-9]{2,8}-[0-9]{6,12}");

    public CellId {
        AssetIds.require("cell", value, PATTERN, "C-DK1-00000042");
    }

    @JsonCreator
    public static CellId of(String value) {
        return new CellId(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public int compareTo(CellId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
