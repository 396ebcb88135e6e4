package org.ssbtwin.plant.entity;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.util.List;
import java.util.Map;
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
import org.ssbtwin.plant.cell.Cell;
import org.ssbtwin.plant.cell.CellEvent;
import org.ssbtwin.plant.cell.CellStatus;
import org.ssbtwin.plant.cell.InlayRecord;
import org.ssbtwin.core.id.*;
import org.ssbtwin.core.quality.ManufacturingFactors;

@ExtendWith(TestKitJUnit5Extension.class)
class CellEntityTest {
    @JUnit5TestKit
    public ActorTestKit testKit = new JUnit5TestKitBuilder()
            .withCustomConfig(EventSourcedBehaviorTestKit.config().withFallback(PersistenceTestKitSnapshotPlugin.config()))
            .build();

    private static final CellId ID = CellId.of("C-DK1-00000042");
    private static final Instant T0 = Instant.parse("2028-01-03T06:00:00Z");

    private EventSourcedBehaviorTestKit<CellEntity.Command, CellEvent, Cell> kit;

    @BeforeEach
    void setUp() {
        kit = EventSourcedBehaviorTestKit.create(testKit.system(), CellEntity.create(ID, 2));
    }

    private CellEntity.Reply record(CellEvent e) {
        return kit.<CellEntity.Reply>runCommand(replyTo -> new CellEntity.Record(e, replyTo)).reply();
    }

    static InlayRecord inlay(int n, double tempC, double dewPointC) {
        return new InlayRecord(InlayId.of("I-DK1-0000000" + n), List.of(RollId.of("R-CAT-000001"), RollId.of("R-ANO-000002")),
                StationId.of("DK1-LAM-02"), T0, tempC, dewPointC, 10.6, 2.1);
    }

    @Test
    void genealogyRunsFromLaminationToTheVehicle() {
        record(new CellEvent.InlaysLaminated(ID, List.of(inlay(1, 121.5, -46), inlay(2, 119.0, -44)), T0));
        record(new CellEvent.StationPassed(StationId.of("DK1-STK-01"), "bipolar-stacking", "pass", Map.of("misalignmentMm", 0.08), T0.plusSeconds(600)));
        record(new CellEvent.StationPassed(StationId.of("DK1-FRM-01"), "formation-ageing", "pass", Map.of("selfDischargeMvPerWeek", 1.2), T0.plusSeconds(86400)));
        var factors = new ManufacturingFactors(1.04, 0.1, 0, 120.25, -44);
        record(new CellEvent.Graded("A", 106.2, 4.3, 1.2, factors, T0.plusSeconds(90000)));
        record(new CellEvent.Packed(PackId.of("P-DK1-000001"), 3, T0.plusSeconds(100000)));
        var reply = record(new CellEvent.Installed(VehicleId.of("VF8-000001"), T0.plusSeconds(200000)));

        Cell cell = reply.cell();
        assertEquals(CellStatus.IN_FIELD, cell.status());
        var g = cell.genealogy();
        assertEquals(2, g.inlays().size());
        assertEquals(StationId.of("DK1-LAM-02"), g.inlays().get(0).laminationUnit());
        assertEquals(121.5, g.inlays().get(0).laminationTemperatureC());
        assertEquals(List.of("lamination", "lamination", "bipolar-stacking", "formation-ageing", "grading", "pack-assembly", "installation"),
                g.steps().stream().map(s -> s.step()).toList());
        assertEquals(factors, g.manufacturingFactors());
        assertEquals(PackId.of("P-DK1-000001"), g.packId());
        assertEquals(VehicleId.of("VF8-000001"), g.vehicleId());
        assertEquals(cell, kit.restart().state());
    }

    @Test
    void aRetriedBatchThatWasRecordedIsSkippedNotRefused() {
        List<CellEvent> batch = List.of(new CellEvent.InlaysLaminated(ID, List.of(inlay(1, 121.5, -46)), T0),
                new CellEvent.StationPassed(StationId.of("DK1-STK-01"), "bipolar-stacking", "pass", Map.of("misalignmentMm", 0.08), T0.plusSeconds(600)));
        CellEntity.Reply first = kit.<CellEntity.Reply>runCommand(r -> new CellEntity.RecordAll(batch, r)).reply();
        assertNull(first.rejection());
        // the retry of a write whose answer was lost (failover): nothing refused, nothing recorded twice
        var retry = kit.<CellEntity.Reply>runCommand(r -> new CellEntity.RecordAll(batch, r));
        assertNull(retry.reply().rejection());
        assertTrue(retry.events().isEmpty());
        assertEquals(first.cell(), retry.reply().cell());
        // a different lamination of the same cell, or the same step at another time, is still a conflict or a new fact
        assertNotNull(kit.<CellEntity.Reply>runCommand(r -> new CellEntity.RecordAll(
                List.of(new CellEvent.InlaysLaminated(ID, List.of(inlay(2, 119.0, -44)), T0)), r)).reply().rejection());
        var later = kit.<CellEntity.Reply>runCommand(r -> new CellEntity.RecordAll(List.of(new CellEvent.StationPassed(StationId.of("DK1-STK-01"),
                "bipolar-stacking", "pass", Map.of("misalignmentMm", 0.08), T0.plusSeconds(700))), r));
        assertNull(later.reply().rejection());
        assertEquals(1, later.events().size());
    }

    @Test
    void passivationStopsTheCellAfterTheWriteInFlightIsDone() {
        CellId id = CellId.of("C-DK1-00000043");
        var probe = testKit.<CellEntity.Reply>createTestProbe();
        var cell = testKit.spawn(CellEntity.create(id, 2));
        cell.tell(new CellEntity.Record(new CellEvent.InlaysLaminated(id, List.of(inlay(1, 120, -45)), T0), probe.getRef()));
        cell.tell(new CellEntity.Passivate());
        assertNull(probe.receiveMessage().rejection());
        testKit.createTestProbe().expectTerminated(cell);

        testKit.spawn(CellEntity.create(id, 2)).tell(new CellEntity.Get(probe.getRef()));
        assertEquals(CellStatus.IN_PRODUCTION, probe.receiveMessage().cell().status());
    }

    @Test
    void cannotPackACellThatWasNotGraded() {
        record(new CellEvent.InlaysLaminated(ID, List.of(inlay(1, 120, -45)), T0));
        var reply = record(new CellEvent.Packed(PackId.of("P-DK1-000001"), 0, T0.plusSeconds(1)));
        assertEquals(Rejection.Kind.CONFLICT, reply.rejection().kind());
        assertEquals(CellStatus.IN_PRODUCTION, kit.getState().status());
    }

    @Test
    void unknownCellAnswersWithoutGenealogy() {
        var reply = kit.<CellEntity.Reply>runCommand(CellEntity.Get::new).reply();
        assertFalse(reply.cell().exists());
    }
}
