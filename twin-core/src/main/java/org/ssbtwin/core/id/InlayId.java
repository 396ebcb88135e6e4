package org.ssbtwin.core.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/** A laminated, framed inlay (cathode + solid electrolyte + anode), e.g. {@code I-DK1-00000001}. */
public record InlayId(String value) implements Comparable<InlayId> {
    public static final Pattern PATTERN = Pattern.compile("I-[A-Z0-9]{2,8}-[0-9]{6,12}");

    public InlayId {
        AssetIds.require("inlay", value, PATTERN, "I-DK1-00000001");
    }

    @JsonCreator
    public static InlayId of(String value) {
        return new InlayId(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public int compareTo(InlayId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
