package org.ssbtwin.fleet.entity;

import com.fasterxml.jackson.databind.JsonNode;
import org.ssbtwin.plant.entity.PackageMoveMigration;

/**
 * Pack snapshots written under the pack state's old class name ({@code org.ssbtwin.core.pack.Pack}, before stop 14),
 * at any of its schema versions 1-3: the name moves to {@link org.ssbtwin.fleet.pack.Pack} and versions 1 and 2 are
 * UPCAST as {@link PackSnapshotMigration} does (a static instance: Pekko asks for the version while constructing). Its version is one above the highest old one, so every old row passes
 * through it.
 */
public final class MovedPackSnapshotMigration extends PackageMoveMigration {
    private static final PackSnapshotMigration UPCAST = new PackSnapshotMigration();

    @Override
    public int currentVersion() {
        return UPCAST.currentVersion() + 1;
    }

    @Override
    public JsonNode transform(int fromVersion, JsonNode json) {
        return fromVersion < UPCAST.currentVersion() ? UPCAST.transform(fromVersion, json) : json;
    }
}
