package org.ssbtwin.plant.entity;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.SerializerWithStringManifest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.ssbtwin.core.AssetState;
import org.ssbtwin.core.id.StationId;
import org.ssbtwin.plant.station.Station;
import org.ssbtwin.plant.station.StationEvent;

/**
 * Station facts carry record ids (issue 22): a retried fact is skipped, not counted twice; journal rows and snapshots
 * written before record ids existed still read.
 */
class StationRecordIdTest {
    private static final ActorTestKit KIT = ActorTestKit.create();
    static final StationId LAM = StationId.of("DK1-LAM-01");
    static final Instant T0 = Instant.parse("2028-03-01T08:00:00Z");

    @AfterAll
    static void stop() {
        KIT.shutdownTestKit();
    }

    static Station commissioned() {
        return Station.unknown(LAM).apply(new StationEvent.Commissioned(LAM, "LAMINATION", 1, Map.of(), T0));
    }

    @Test
    void aRetriedThroughputIsCountedOnce() {
        var first = new StationEvent.ThroughputRecorded(10, 9, Map.of("delamination", 1L), T0.plusSeconds(3600), "t-1");
        Station once = AssetState.checkAll(commissioned(), List.of(first)).next();
        var retry = AssetState.checkAll(once, List.of(first));
        assertNull(retry.rejection());
        assertEquals(List.of(), retry.accepted(), "the retried record is skipped");
        assertEquals(9, retry.next().unitsOut());
        // a new record at the same instant, another id: counted
        var second = new StationEvent.ThroughputRecorded(5, 5, Map.of(), T0.plusSeconds(3600), "t-2");
        assertEquals(14, AssetState.checkAll(once, List.of(second)).next().unitsOut());
        // without an id (older clients) nothing is recognised: counted again, as before
        var anonymous = new StationEvent.ThroughputRecorded(10, 9, Map.of(), T0.plusSeconds(3600));
        assertEquals(18, AssetState.checkAll(once, List.of(anonymous)).next().unitsOut());
    }

    @Test
    void theStationRemembersItsNewestRecordIdsOnly() {
        Station s = commissioned();
        int n = Station.RECENT_RECORD_IDS + 10;
        for (int i = 0; i < n; i++) {
            s = s.apply(new StationEvent.ReadingsRecorded(Map.of("dewPointC", -45.0), T0.plusSeconds(i), "r-" + i));
        }
        assertEquals(Station.RECENT_RECORD_IDS, s.recentRecordIds().size());
        assertEquals("r-" + (n - 1), s.recentRecordIds().get(s.recentRecordIds().size() - 1));
        assertFalse(s.recentRecordIds().contains("r-0"), "the oldest were dropped");
        // a fact older than the window is refused as going backwards, never counted twice
        var old = new StationEvent.ReadingsRecorded(Map.of("dewPointC", -45.0), T0, "r-0");
        assertNotNull(s.check(old));
        assertFalse(s.alreadyRecorded(old));
    }

    @Test
    void rowsAndSnapshotsWithoutRecordIdsStillRead() throws Exception {
        Serialization serialization = SerializationExtension.get(KIT.system().classicSystem());
        var event = new StationEvent.ThroughputRecorded(10, 9, Map.of("delamination", 1L), T0, "t-1");
        SerializerWithStringManifest s = (SerializerWithStringManifest) serialization.findSerializerFor(event);
        String json = new String(s.toBinary(event), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"recordId\":\"t-1\""), json);
        String v1 = json.replace(",\"recordId\":\"t-1\"", "").replace("\"recordId\":\"t-1\",", "");
        assertFalse(v1.contains("recordId"), v1);
        var read = (StationEvent.ThroughputRecorded) s.fromBinary(v1.getBytes(StandardCharsets.UTF_8), s.manifest(event));
        assertNull(read.recordId());
        assertEquals(9, read.out());

        Station station = commissioned().apply(event);
        String snapshot = new String(s.toBinary(station), StandardCharsets.UTF_8);
        String v1Snapshot = snapshot.replaceAll(",?\"recentRecordIds\":\\[[^\\]]*\\]", "");
        assertFalse(v1Snapshot.contains("recentRecordIds"), v1Snapshot);
        Station old = (Station) s.fromBinary(v1Snapshot.getBytes(StandardCharsets.UTF_8), s.manifest(station));
        assertEquals(List.of(), old.recentRecordIds());
        assertEquals(9, old.unitsOut());
    }
}
