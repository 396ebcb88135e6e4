package org.ssbtwin.core.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/** A CIM/CIP pack built from cells, e.g. {@code P-DK1-000007}. */
public record PackId(String value) implements Comparable<PackId> {
    public static final Pattern PATTERN = Pattern.compile("P-[A-Z0-9]{2,8}-[0-9]{6,12}");

    public PackId {
        AssetIds.require("pack", value, PATTERN, "P-DK1-000007");
    }

    @JsonCreator
    public static PackId of(String value) {
        return new PackId(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public int compareTo(PackId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
