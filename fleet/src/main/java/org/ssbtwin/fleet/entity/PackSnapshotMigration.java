package org.ssbtwin.fleet.entity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.serialization.jackson.JacksonMigration;
import org.ssbtwin.fleet.pack.RecentRecordIds;
import org.ssbtwin.core.quality.ManufacturingFactors;
import org.ssbtwin.core.quality.SeriesCellProfile;

/**
 * Reads pack snapshots written before schema version 4 (Pekko snapshots of the {@link org.ssbtwin.fleet.pack.Pack}
 * state). From version 1: the per-cell {@code cellFactors} become the pack's {@link SeriesCellProfile}, the
 * {@code recentRecordIds} strings the hashed {@link RecentRecordIds} window, and the resident {@code history} is
 * dropped (it is folded from the journal when asked for). From version 3: read as is (the negative events it lacks
 * count as none). From version 2: the window's 64-bit hashes are folded to
 * its 32-bit ones (exactly the hashes of the same ids). A restarted twin of the new version thus continues every pack
 * from its old snapshot.
 */
public final class PackSnapshotMigration extends JacksonMigration {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public int currentVersion() {
        return 4;
    }

    @Override
    public JsonNode transform(int fromVersion, JsonNode json) {
        // version 3 -> 4: no negativeEvents field; the pack reads it as none (NegativeEvents.NONE), nothing to change
        if (fromVersion >= 3 || !(json instanceof ObjectNode root)) return json;
        if (fromVersion == 2) {
            // 64-bit record-id hashes -> the 32-bit window: folding gives exactly the hashes of the same ids
            JsonNode old = root.get("recentRecords");
            if (old instanceof ArrayNode a) {
                ArrayNode folded = root.putArray("recentRecords");
                for (JsonNode h : a) folded.add(RecentRecordIds.fold(h.asLong()));
            }
            return root;
        }
        JsonNode factors = root.remove("cellFactors");
        if (factors instanceof ArrayNode a && !a.isEmpty()) {
            List<ManufacturingFactors> cells = new ArrayList<>(a.size());
            for (JsonNode f : a) {
                cells.add(new ManufacturingFactors(f.path("interfaceResistanceFactor").asDouble(1.0), f.path("moistureExposure").asDouble(0.0),
                        f.path("latentDefectSeverity").asDouble(0.0), f.path("laminationTemperatureC").asDouble(120.0),
                        f.path("dewPointC").asDouble(-45.0)));
            }
            root.set("cellProfile", MAPPER.valueToTree(SeriesCellProfile.of(cells)));
        }
        JsonNode ids = root.remove("recentRecordIds");
        if (ids instanceof ArrayNode a) {
            List<String> list = new ArrayList<>(a.size());
            for (JsonNode id : a) list.add(id.asText());
            root.set("recentRecords", MAPPER.valueToTree(RecentRecordIds.ofIds(list).hashes()));
        }
        root.remove("history");
        return root;
    }
}
