package org.ssbtwin.api.persistence;

import static org.junit.jupiter.api.Assertions.*;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssbtwin.api.PersistenceSetup;
import org.ssbtwin.config.TwinSettings;
import org.ssbtwin.core.id.CellId;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.core.id.VehicleId;
import org.ssbtwin.fleet.entity.PackEntity;
import org.ssbtwin.fleet.pack.Pack;
import org.ssbtwin.fleet.pack.PackEvent;

/**
 * Snapshot retention on the real H2 journal and snapshot store (issue 17): a pack keeps only its last two snapshots
 * ({@code snapshot-every} apart), every event stays in the journal, and a pack recovers from the latest snapshot to
 * the same state.
 */
class SnapshotRetentionTest {
    private static final PackId ID = PackId.of("P-DK1-00000017");
    private static final Instant T0 = Instant.parse("2029-03-01T00:00:00Z");
    private static final int SNAPSHOT_EVERY = 5;

    private static PackEvent.UsageRecorded day(int d) {
        Instant start = T0.plus(Duration.ofDays(d));
        double soh = 1 - d * 1e-4;
        return new PackEvent.UsageRecorded("r-" + d, "telemetry", start, start.plus(Duration.ofDays(1)), 42, 7.5, 0.09,
                27.5, 0.1, soh, 1.0 + (1 - soh), null, null, start.plus(Duration.ofDays(1)));
    }

    private static List<Long> longs(TwinSettings s, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(s.database().url(), s.database().user(), s.database().password());
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            List<Long> out = new ArrayList<>();
            while (rs.next()) out.add(rs.getLong(1));
            return out;
        }
    }

    @Test
    void keepsTheLastTwoSnapshotsEveryEventAndRecoversFromTheLatest(@TempDir Path dir) throws Exception {
        ConfigFactory.invalidateCaches();
        TwinSettings s = TwinSettings.from(ConfigFactory.parseMap(Map.of("twin.data-dir", dir.toString())).withFallback(ConfigFactory.load()));
        PersistenceSetup.createSchema(s);
        Config config = ConfigFactory.parseMap(Map.of("pekko.actor.provider", "local"))
                .withFallback(PersistenceSetup.persistenceConfig(s.database())).withFallback(ConfigFactory.load()).resolve();
        int usageDays = 25; // events 3..27: snapshots at 5, 10, 15, 20, 25
        Pack written;
        ActorTestKit first = ActorTestKit.create("retention-a", config);
        try {
            TestProbe<PackEntity.Reply> probe = first.createTestProbe();
            ActorRef<PackEntity.Command> pack = first.spawn(PackEntity.create(ID, SNAPSHOT_EVERY));
            List<PackEvent> events = new ArrayList<>();
            events.add(new PackEvent.Assembled(ID, "VF3", List.of(CellId.of("C-DK1-00000001")), List.of(), 18.6, T0));
            events.add(new PackEvent.Installed(VehicleId.of("VF3-000017"), "LILLE_DUNKIRK", "COMMUTER", T0));
            for (int d = 0; d < usageDays; d++) events.add(day(d));
            for (PackEvent e : events) {
                pack.tell(new PackEntity.Record(e, probe.getRef()));
                assertNull(probe.receiveMessage(Duration.ofSeconds(20)).rejection());
            }
            pack.tell(new PackEntity.Get(probe.getRef()));
            written = probe.receiveMessage().pack();
            assertEquals(27, written.revision());
            // the older snapshots are deleted after the newest is saved (asynchronously)
            probe.awaitAssert(Duration.ofSeconds(20), () -> {
                try {
                    assertEquals(List.of(20L, 25L), longs(s, "SELECT \"sequence_number\" FROM \"snapshot\" WHERE \"persistence_id\" = 'Pack|"
                            + ID.value() + "' ORDER BY 1"));
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
                return null;
            });
        } finally {
            first.shutdownTestKit();
        }
        assertEquals(List.of(27L), longs(s, "SELECT COUNT(*) FROM \"event_journal\" WHERE \"persistence_id\" = 'Pack|" + ID.value() + "'"),
                "events are the history: snapshots never delete them");

        ActorTestKit second = ActorTestKit.create("retention-b", config);
        try {
            TestProbe<PackEntity.Reply> probe = second.createTestProbe();
            second.spawn(PackEntity.create(ID, SNAPSHOT_EVERY)).tell(new PackEntity.Get(probe.getRef()));
            Pack recovered = probe.receiveMessage(Duration.ofSeconds(20)).pack();
            assertEquals(written, recovered);
            assertEquals(27, recovered.revision());
            assertEquals(1 - 24 * 1e-4, recovered.stateOfHealth(), 1e-12);
        } finally {
            second.shutdownTestKit();
        }
    }
}
