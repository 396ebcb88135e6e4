package org.ssbtwin.fleet;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ssbtwin.core.Rejection;
import org.ssbtwin.core.id.CellId;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.core.id.VehicleId;
import org.ssbtwin.core.pack.Pack;
import org.ssbtwin.core.pack.PackEvent;
import org.ssbtwin.core.pack.PackStatus;

@ExtendWith(TestKitJUnit5Extension.class)
class PackEntityTest {
    @JUnit5TestKit
    public ActorTestKit testKit = new JUnit5TestKitBuilder()
            .withCustomConfig(EventSourcedBehaviorTestKit.config().withFallback(PersistenceTestKitSnapshotPlugin.config()))
            .build();

    private static final PackId ID = PackId.of("P-DK1-000001");
    private static final Instant T0 = Instant.parse("2029-03-01T00:00:00Z");

    private EventSourcedBehaviorTestKit<PackEntity.Command, PackEvent, Pack> kit;

    @BeforeEach
    void setUp() {
        kit = EventSourcedBehaviorTestKit.create(testKit.system(), PackEntity.create(ID, 5));
    }

    private PackEntity.Reply record(PackEvent e) {
        return kit.<PackEntity.Reply>runCommand(replyTo -> new PackEntity.Record(e, replyTo)).reply();
    }

    private static PackEvent.UsageRecorded day(String id, int d, double soh) {
        Instant start = T0.plus(Duration.ofDays(d));
        return new PackEvent.UsageRecorded(id, "telemetry", start, start.plus(Duration.ofDays(1)), 42, 7.5, 0.09,
                27.5, 0.1, soh, 1.0 + (1 - soh), start.plus(Duration.ofDays(1)));
    }

    @Test
    void agesWithUsageAndDropsDuplicateRecords() {
        record(new PackEvent.Assembled(ID, "VF8", List.of(CellId.of("C-DK1-00000001"), CellId.of("C-DK1-00000002")), 87.7, T0));
        record(new PackEvent.Installed(VehicleId.of("VF8-000001"), "HO_CHI_MINH_CITY", "COMMUTER", T0));
        record(day("r-1", 0, 0.9999));
        record(day("r-2", 1, 0.9998));
        var dup = record(day("r-2", 1, 0.9998));

        assertTrue(dup.duplicate());
        Pack p = kit.getState();
        assertEquals(PackStatus.IN_SERVICE, p.status());
        assertEquals(84, p.km(), 1e-9);
        assertEquals(0.9998, p.stateOfHealth(), 1e-12);
        assertEquals(15.0, p.throughputKwh(), 1e-9);
        assertEquals(4, p.revision());
        assertEquals(p, kit.restart().state());
    }

    @Test
    void refusesUsageBeforeInstallationAndNegativeDistance() {
        record(new PackEvent.Assembled(ID, "VF3", List.of(CellId.of("C-DK1-00000001")), 18.6, T0));
        assertEquals(Rejection.Kind.CONFLICT, record(day("r-1", 0, 1.0)).rejection().kind());
        record(new PackEvent.Installed(VehicleId.of("VF3-000001"), "LILLE_DUNKIRK", "COMMUTER", T0));
        var bad = new PackEvent.UsageRecorded("r-x", "telemetry", T0, T0.plusSeconds(3600), -5, 1, 0.01, 20, 0, 1, 1, T0);
        var reply = record(bad);
        assertEquals(Rejection.Kind.INVALID, reply.rejection().kind());
        assertEquals("km", reply.rejection().field());
    }
}
