package org.ssbtwin.fleet.entity;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ssbtwin.core.id.CellId;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.core.id.VehicleId;
import org.ssbtwin.fleet.ageing.DailyTelemetry;
import org.ssbtwin.fleet.entity.PackEntity.TelemetryAck.Kind;
import org.ssbtwin.fleet.pack.Pack;
import org.ssbtwin.fleet.pack.PackEvent;
import org.ssbtwin.fleet.pack.TelemetryRecord;

/**
 * The pack's side of a multi-pack telemetry batch: prepare holds the aged events without persisting them and refuses
 * other writes meanwhile (busy, never waits), commit persists exactly what was held, abort and expiry leave the pack
 * as it was. The test kit also checks that every command, reply and event serialises (Jackson).
 */
@ExtendWith(TestKitJUnit5Extension.class)
class PackTelemetryReservationTest {
    @JUnit5TestKit
    public ActorTestKit testKit = new JUnit5TestKitBuilder()
            .withCustomConfig(EventSourcedBehaviorTestKit.config().withFallback(PersistenceTestKitSnapshotPlugin.config()))
            .build();

    private static final PackId ID = PackId.of("P-DK1-000777");
    private static final Instant T0 = Instant.parse("2029-03-01T00:00:00Z");
    private static final Instant NOW = T0.plus(Duration.ofDays(400));

    private EventSourcedBehaviorTestKit<PackEntity.Command, PackEvent, Pack> kit;

    @BeforeEach
    void setUp() {
        kit = EventSourcedBehaviorTestKit.create(testKit.system(), PackEntity.create(ID, 5));
        List<CellId> cells = List.of(CellId.of("C-DK1-00000001"), CellId.of("C-DK1-00000002"));
        assertNull(kit.<PackEntity.Reply>runCommand(r -> new PackEntity.RecordAll(List.of(
                new PackEvent.Assembled(ID, "VF8", cells, List.of(), 87.7, T0),
                new PackEvent.Installed(VehicleId.of("VF8-000777"), "OSLO", "COMMUTER", T0)), r)).reply().rejection());
    }

    @AfterEach
    void release() {
        PackReservations.release(ID, null);
    }

    private static TelemetryRecord day(String id, int d) {
        return new TelemetryRecord(id, new DailyTelemetry(LocalDate.of(2029, 3, 1).plusDays(d), 60, 14.4, Double.NaN, 0.3, 0.8, 22, 0, Double.NaN));
    }

    private PackEntity.TelemetryAck prepare(String batch, long holdMillis, TelemetryRecord... records) {
        return kit.<PackEntity.TelemetryAck>runCommand(r -> new PackEntity.PrepareTelemetry(batch, List.of(records), NOW, holdMillis, r)).reply();
    }

    private PackEntity.TelemetryAck commit(String batch) {
        return kit.<PackEntity.TelemetryAck>runCommand(r -> new PackEntity.CommitTelemetry(batch, r)).reply();
    }

    private PackEntity.TelemetryAck ingest(TelemetryRecord... records) {
        return kit.<PackEntity.TelemetryAck>runCommand(r -> new PackEntity.IngestTelemetry(List.of(records), NOW, false, r)).reply();
    }

    @Test
    void preparedEventsAreHeldNotPersistedAndOtherWritesAreBusyUntilCommit() {
        var held = kit.<PackEntity.TelemetryAck>runCommand(r -> new PackEntity.PrepareTelemetry("A", List.of(day("a1", 0), day("a2", 1)), NOW, 60_000, r));
        assertEquals(Kind.HELD, held.reply().kind());
        assertEquals(2, held.reply().applied());
        assertTrue(held.events().isEmpty(), "nothing is persisted by the first phase");
        assertEquals(2, kit.getState().revision());

        assertEquals(Kind.BUSY, prepare("B", 60_000, day("b1", 0)).kind(), "another batch is refused at once");
        assertEquals(Kind.BUSY, ingest(day("c1", 5)).kind(), "a one-pack write too");
        assertNotNull(kit.<PackEntity.Reply>runCommand(r -> new PackEntity.Record(
                new PackEvent.Installed(VehicleId.of("VF8-000778"), "OSLO", "COMMUTER", T0), r)).reply().rejection(), "and a recorded fact");
        assertEquals(Kind.NOT_HELD, commit("B").kind(), "a batch the pack holds nothing for commits nothing");
        assertEquals(2, kit.getState().revision());

        var committed = kit.<PackEntity.TelemetryAck>runCommand(r -> new PackEntity.CommitTelemetry("A", r));
        assertEquals(Kind.APPLIED, committed.reply().kind());
        assertEquals(2, committed.events().size(), "commit persists what was held, in one write");
        assertEquals(4, committed.reply().revision());
        assertTrue(kit.getState().hasSeen("a1") && kit.getState().hasSeen("a2"));
        assertEquals(Kind.NOT_HELD, commit("A").kind(), "a second commit finds nothing held");
        assertEquals(Kind.APPLIED, ingest(day("c1", 5)).kind(), "the pack takes writes again");
    }

    @Test
    void abortAndRefusalLeaveThePackUntouched() {
        Pack before = kit.getState();
        assertEquals(Kind.HELD, prepare("A", 60_000, day("a1", 0)).kind());
        kit.runCommand(new PackEntity.AbortTelemetry("A"));
        assertEquals(before, kit.getState());
        assertEquals(Kind.NOT_HELD, commit("A").kind(), "an aborted batch cannot commit");
        assertEquals(before, kit.getState());

        var refused = prepare("B", 60_000, day("b1", 3), day("b0", 2));
        assertEquals(Kind.REFUSED, refused.kind(), "days going backwards within the batch");
        assertEquals("date", refused.rejection().field());
        assertEquals(Kind.APPLIED, ingest(day("c1", 0)).kind(), "a refused prepare holds nothing");
    }

    @Test
    void anExpiredReservationGivesWayToOtherWritesButItsBatchMayCommitIfNothingElseCame() throws Exception {
        assertEquals(Kind.HELD, prepare("A", 1, day("a1", 0)).kind());
        Thread.sleep(20);
        var committed = commit("A");
        assertEquals(Kind.APPLIED, committed.kind(), "expiry is lazy: nothing else wanted the pack");

        assertEquals(Kind.HELD, prepare("B", 1, day("b1", 1)).kind());
        Thread.sleep(20);
        assertEquals(Kind.HELD, prepare("C", 60_000, day("c1", 1)).kind(), "another batch takes the pack once the hold expired");
        assertEquals(Kind.NOT_HELD, commit("B").kind());
        assertEquals(Kind.APPLIED, commit("C").kind());
        assertTrue(kit.getState().hasSeen("c1"));
        assertFalse(kit.getState().hasSeen("b1"));
    }

    @Test
    void duplicatesAreNamedInTheAcknowledgement() {
        assertEquals(Kind.APPLIED, ingest(day("a1", 0)).kind());
        var ack = ingest(day("a1", 0), day("a2", 1), day("a2", 1));
        assertEquals(Kind.APPLIED, ack.kind());
        assertEquals(1, ack.applied());
        assertEquals(List.of("a1", "a2"), ack.duplicateRecordIds(), "the resent a1 and the repeat of a2");
        var all = prepare("D", 60_000, day("a1", 0));
        assertEquals(Kind.DUPLICATE, all.kind(), "nothing to hold");
        assertTrue(all.duplicate());
        assertEquals(Kind.APPLIED, ingest(day("a3", 2)).kind(), "a batch of duplicates holds nothing");
    }
}
