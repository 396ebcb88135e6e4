package org.ssbtwin.core.id;

import java.util.regex.Pattern;

/** Shared parsing rules for the asset identifiers; every id type validates through here. */
final class AssetIds {
    private AssetIds() {}

    static String require(String kind, String raw, Pattern pattern, String example) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidIdException(kind, raw, "must not be empty (example: " + example + ")");
        }
        if (!pattern.matcher(raw).matches()) {
            throw new InvalidIdException(kind, raw, "must match " + pattern.pattern() + " (example: " + example + ")");
        }
        return raw;
    }
}
