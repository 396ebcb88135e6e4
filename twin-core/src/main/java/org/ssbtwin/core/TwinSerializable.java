package org.ssbtwin.core;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Marker for every message that is persisted or crosses nodes. Bound to Pekko's Jackson serializer (JSON);
 * never Java serialization. Each serialised value carries a schema version so that readers can upcast old
 * events: bump {@link #schemaVersion()} in the type when its shape changes and handle older values where
 * it is read.
 */
public interface TwinSerializable {
    /** Schema version of the serialised form of this type. */
    @JsonProperty(value = "schemaVersion", access = JsonProperty.Access.READ_ONLY)
    default int schemaVersion() {
        return 1;
    }
}
