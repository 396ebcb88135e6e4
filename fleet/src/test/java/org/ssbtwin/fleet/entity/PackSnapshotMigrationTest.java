package org.ssbtwin.fleet.entity;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.ssbtwin.fleet.ageing.DailyTelemetry;
import org.ssbtwin.core.id.CellId;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.core.id.VehicleId;
import org.ssbtwin.fleet.pack.Pack;
import org.ssbtwin.fleet.pack.PackEvent;
import org.ssbtwin.fleet.pack.TelemetryRecord;
import org.ssbtwin.core.quality.ManufacturingFactors;

/**
 * Pack snapshots in the version-1 form (per-cell factors, record id strings, history) and the version-2 form (64-bit
 * record-id hashes) are read as version 3, also when their manifest names the pack state by its package before stop 14
 * ({@code org.ssbtwin.core.pack.Pack}), as every snapshot written before then does.
 */
class PackSnapshotMigrationTest {
    private static final ActorTestKit KIT = ActorTestKit.create();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @AfterAll
    static void stop() {
        KIT.shutdownTestKit();
    }

    @Test
    void versionOneSnapshotBecomesTheSamePackAsFoldedToday() throws Exception {
        PackId id = PackId.of("P-DK1-000042");
        Instant t0 = Instant.parse("2029-03-01T00:00:00Z");
        SplittableRandom r = new SplittableRandom(5);
        List<CellId> cells = new ArrayList<>();
        List<ManufacturingFactors> factors = new ArrayList<>();
        for (int i = 0; i < 112; i++) {
            cells.add(CellId.of(String.format("C-DK1-%08d", 1000 + 2 * i)));
            factors.add(new ManufacturingFactors(1 + 0.1 * r.nextDouble(), r.nextDouble() < 0.3 ? r.nextDouble() : 0, 0, 118 + 4 * r.nextDouble(), -46 + 2 * r.nextDouble()));
        }
        Pack pack = Pack.unknown(id).apply(new PackEvent.Assembled(id, "VF8", cells, factors, 87.7, t0))
                .apply(new PackEvent.Installed(VehicleId.of("VF8-000042"), "HANOI", "COMMUTER", t0));
        List<TelemetryRecord> days = new ArrayList<>();
        for (int d = 0; d < 20; d++) {
            days.add(new TelemetryRecord("rec-" + d, new DailyTelemetry(LocalDate.of(2029, 3, 1).plusDays(d), 50, 12, Double.NaN, 0.3, 0.8, 25, 0, Double.NaN)));
        }
        for (PackEvent e : PackAgeing.standard().ingest(pack, days, t0).events()) pack = pack.apply(e);

        Serialization serialization = SerializationExtension.get(KIT.system().classicSystem());
        var serializer = serialization.findSerializerFor(pack);
        String manifest = Serializers.manifestFor(serializer, pack);
        assertTrue(manifest.endsWith("#4"), "new snapshots carry version 4 in their manifest: " + manifest);
        ObjectNode json = (ObjectNode) MAPPER.readTree(serializer.toBinary(pack));
        // a version-3 row written before the pack's classes moved to the fleet slice (old package in its manifest)
        assertEquals(pack, serialization.deserialize(serializer.toBinary(pack), serializer.identifier(), "org.ssbtwin.core.pack.Pack#3").get(),
                "a snapshot named by the old package is read as today's pack");

        // the same pack as version 2 wrote it: the window as 64-bit hashes
        ObjectNode v2json = json.deepCopy();
        ArrayNode wide = v2json.putArray("recentRecords");
        for (TelemetryRecord t : days) wide.add(org.ssbtwin.fleet.pack.RecentRecordIds.hash64(t.recordId()));
        v2json.put("schemaVersion", 2);
        Object fromV2 = serialization.deserialize(MAPPER.writeValueAsBytes(v2json), serializer.identifier(), "org.ssbtwin.core.pack.Pack#2").get();
        assertEquals(pack, fromV2, "v2 snapshot -> the same pack (the 64-bit hashes fold to the 32-bit ones)");
        assertTrue(((Pack) fromV2).hasSeen("rec-19") && !((Pack) fromV2).hasSeen("rec-20"));
        assertTrue(json.has("cellProfile") && !json.has("cellFactors") && !json.has("history"));
        // monthly usage sums are floats and written in their shortest float form, not widened to 17 double digits
        for (var v : json.get("ageing").get("monthlyUsage")) {
            assertTrue(v.asText().length() <= 15, "shortest float form: " + v.asText());
            assertEquals((float) v.asDouble(), Float.parseFloat(v.asText()));
        }

        // the same pack as version 1 wrote it
        json.remove("cellProfile");
        json.set("cellFactors", MAPPER.valueToTree(factors));
        ArrayNode ids = json.putArray("recentRecordIds");
        for (TelemetryRecord t : days) ids.add(t.recordId());
        json.remove("recentRecords");
        json.putArray("history").addObject().put("at", "2029-03-01T00:00:00Z").put("stateOfHealth", 1.0);
        json.put("schemaVersion", 1);
        byte[] v1 = MAPPER.writeValueAsBytes(json);

        Object read = serialization.deserialize(v1, serializer.identifier(), "org.ssbtwin.core.pack.Pack").get();
        assertEquals(pack, read, "v1 snapshot -> the pack folded from the same events today");
        Pack p = (Pack) read;
        assertTrue(p.hasSeen("rec-7") && !p.hasSeen("rec-99"));
        assertEquals(factors.stream().mapToDouble(ManufacturingFactors::laminationTemperatureC).sum(),
                p.cellProfile().sumLaminationTemperatureC(), 1e-9);
        String v1text = new String(v1, StandardCharsets.UTF_8);
        assertTrue(v1text.contains("\"cellFactors\"") && v1text.contains("\"recentRecordIds\"") && !v1text.contains("\"cellProfile\""),
                "the fixture really is in the version-1 form");
    }
}
