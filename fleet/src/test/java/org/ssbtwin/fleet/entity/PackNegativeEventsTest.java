package org.ssbtwin.fleet.entity;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.ssbtwin.core.id.CellId;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.core.id.VehicleId;
import org.ssbtwin.fleet.ageing.DailyTelemetry;
import org.ssbtwin.fleet.pack.NegativeEvents;
import org.ssbtwin.fleet.pack.Pack;
import org.ssbtwin.fleet.pack.PackEvent;
import org.ssbtwin.fleet.pack.TelemetryRecord;

/**
 * Deep discharges and overheating days of telemetry become negative-event events and the pack's tally; the tally is
 * in the pack's snapshot, and a version-3 snapshot (before the tally existed) still loads.
 */
class PackNegativeEventsTest {
    private static final ActorTestKit KIT = ActorTestKit.create();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2029-03-01T00:00:00Z");

    @AfterAll
    static void stop() {
        KIT.shutdownTestKit();
    }

    private static Pack installed() {
        PackId id = PackId.of("P-DK1-000077");
        List<CellId> cells = new ArrayList<>();
        for (int i = 0; i < 112; i++) cells.add(CellId.of(String.format("C-DK1-%08d", 5000 + i)));
        return Pack.unknown(id).apply(new PackEvent.Assembled(id, "VF8", cells, List.of(), 87.7, T0))
                .apply(new PackEvent.Installed(VehicleId.of("VF8-000077"), "HANOI", "COMMUTER", T0));
    }

    private static TelemetryRecord day(int d, double minSoc, double tempC) {
        return new TelemetryRecord("rec-" + d, new DailyTelemetry(LocalDate.of(2029, 3, 1).plusDays(d), 50, 12, Double.NaN,
                minSoc, 0.8, tempC, 0, Double.NaN));
    }

    @Test
    void telemetryDaysBeyondTheThresholdsAreCountedWithTheirTime() {
        Pack pack = installed();
        List<TelemetryRecord> days = List.of(day(0, 0.30, 25), day(1, 0.03, 25), day(2, 0.04, 63.5), day(3, 0.05, 60.0), day(4, 0.2, 61));
        PackAgeing.Outcome out = PackAgeing.standard().ingest(pack, days, T0);
        assertNull(out.rejection());
        List<PackEvent.NegativeEventRecorded> negative = out.events().stream()
                .filter(e -> e instanceof PackEvent.NegativeEventRecorded).map(e -> (PackEvent.NegativeEventRecorded) e).toList();
        // day 1 and 2 below 5 % SoC; day 2 and 4 above 60 degC; day 3 exactly at both thresholds is neither
        assertEquals(4, negative.size(), negative.toString());
        assertEquals(List.of("rec-1", "rec-2", "rec-2", "rec-4"), negative.stream().map(PackEvent.NegativeEventRecorded::recordId).toList());
        assertEquals(0.03, negative.get(0).value());
        assertEquals(NegativeEvents.DEEP_DISCHARGE_BELOW_SOC, negative.get(0).threshold());
        assertEquals(NegativeEvents.Kind.OVERHEATING, negative.get(2).kind());
        // the usage events come first; the last of them still carries the ageing state
        PackEvent lastUsage = out.events().get(days.size() - 1);
        assertTrue(lastUsage instanceof PackEvent.UsageRecorded u && u.ageingChange() != null);

        for (PackEvent e : out.events()) pack = pack.apply(e);
        NegativeEvents n = pack.negativeEvents();
        assertEquals(2, n.deepDischarges());
        assertEquals(Instant.parse("2029-03-04T00:00:00Z"), n.lastDeepDischargeAt(), "end of day 2");
        assertEquals(2, n.overheatings());
        assertEquals(Instant.parse("2029-03-06T00:00:00Z"), n.lastOverheatingAt(), "end of day 4");
        assertEquals(days.size() + 4 + 2, pack.revision(), "each event is a revision");
        assertEquals(Instant.parse("2029-03-06T00:00:00Z"), pack.healthAt(), "negative events do not move the health time");

        // a repeated batch is all duplicates: no second count
        assertTrue(PackAgeing.standard().ingest(pack, days, T0).events().isEmpty());
    }

    @Test
    void theTallyIsInTheSnapshotAndAVersionThreeSnapshotLoadsWithNone() throws Exception {
        Pack pack = installed();
        for (PackEvent e : PackAgeing.standard().ingest(pack, List.of(day(0, 0.02, 65), day(1, 0.5, 20)), T0).events()) pack = pack.apply(e);
        assertEquals(1, pack.negativeEvents().deepDischarges());

        Serialization serialization = SerializationExtension.get(KIT.system().classicSystem());
        var serializer = serialization.findSerializerFor(pack);
        byte[] now = serializer.toBinary(pack);
        assertEquals(pack, serialization.deserialize(now, serializer.identifier(), "org.ssbtwin.fleet.pack.Pack#4").get(),
                "a version-4 snapshot keeps the negative events");

        ObjectNode v3 = (ObjectNode) MAPPER.readTree(now);
        assertTrue(v3.has("negativeEvents"));
        v3.remove("negativeEvents");
        v3.put("schemaVersion", 3);
        Pack expected = new Pack(pack.id(), pack.status(), pack.vehicleModel(), pack.cells(), pack.cellProfile(),
                pack.nominalCapacityKwh(), pack.vehicleId(), pack.climate(), pack.archetype(), pack.installedAt(),
                pack.stateOfHealth(), pack.relativeResistance(), pack.equivalentFullCycles(), pack.km(), pack.throughputKwh(),
                pack.healthAt(), pack.recentRecords(), pack.ageing(), pack.lastEventAt(), pack.revision());
        for (String manifest : List.of("org.ssbtwin.fleet.pack.Pack#3", "org.ssbtwin.core.pack.Pack#3")) {
            Pack read = (Pack) serialization.deserialize(MAPPER.writeValueAsBytes(v3), serializer.identifier(), manifest).get();
            assertEquals(expected, read, manifest);
            assertEquals(NegativeEvents.NONE, read.negativeEvents(), manifest);
            // and it keeps counting from there
            Pack next = read;
            for (PackEvent e : PackAgeing.standard().ingest(read, List.of(day(2, 0.01, 20)), T0).events()) next = next.apply(e);
            assertEquals(1, next.negativeEvents().deepDischarges(), manifest);
        }
    }

    @Test
    void theEventIsSerialisable() throws Exception {
        Serialization serialization = SerializationExtension.get(KIT.system().classicSystem());
        PackEvent e = new PackEvent.NegativeEventRecorded(NegativeEvents.Kind.DEEP_DISCHARGE, "rec-9", T0, T0.plusSeconds(86_400), 0.02, 0.05, T0);
        var serializer = serialization.findSerializerFor(e);
        byte[] bytes = serializer.toBinary(e);
        assertTrue(new String(bytes, java.nio.charset.StandardCharsets.UTF_8).contains("pack-negative-event-recorded")
                || org.apache.pekko.serialization.Serializers.manifestFor(serializer, e).contains("NegativeEventRecorded"));
        assertEquals(e, serialization.deserialize(bytes, serializer.identifier(), org.apache.pekko.serialization.Serializers.manifestFor(serializer, e)).get());
    }
}
