package org.ssbtwin.plant.entity;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.apache.pekko.serialization.jackson.JacksonMigration;

/**
 * Reads journal and snapshot rows written before the plant and fleet slices owned their model (stop 14): such rows
 * name their class by its old package ({@code org.ssbtwin.core.station}, {@code .cell}, {@code .pack}). Registered in
 * reference.conf under every old class name; it maps the name to the class's new package and leaves the JSON as it
 * is. Old rows carry no schema version (version 1), so {@link #currentVersion()} is 2.
 */
public class PackageMoveMigration extends JacksonMigration {
    static final Map<String, String> MOVED_PACKAGES = Map.of(
            "org.ssbtwin.core.station.", "org.ssbtwin.plant.station.",
            "org.ssbtwin.core.cell.", "org.ssbtwin.plant.cell.",
            "org.ssbtwin.core.pack.", "org.ssbtwin.fleet.pack.");

    @Override
    public int currentVersion() {
        return 2;
    }

    @Override
    public String transformClassName(int fromVersion, String className) {
        return movedName(className);
    }

    /** The class's name after the move; names outside the moved packages are returned as they are. */
    public static String movedName(String className) {
        for (Map.Entry<String, String> e : MOVED_PACKAGES.entrySet()) {
            if (className.startsWith(e.getKey()) && className.indexOf('.', e.getKey().length()) < 0) {
                return e.getValue() + className.substring(e.getKey().length());
            }
        }
        return className;
    }

    @Override
    public JsonNode transform(int fromVersion, JsonNode json) {
        return json;
    }
}
