package org.ssbtwin.core.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/** A vehicle carrying one pack, e.g. {@code VF8-000123} (model prefix + serial). */
public record VehicleId(String value) implements Comparable<VehicleId> {
    public static final Pattern PATTERN = Pattern.compile("[A-Z0-9]{2,6}-[0-9]{6,12}");

    public VehicleId {
        AssetIds.require("vehicle", value, PATTERN, "VF8-000123");
    }

    @JsonCreator
    public static VehicleId of(String value) {
        return new VehicleId(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public int compareTo(VehicleId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
