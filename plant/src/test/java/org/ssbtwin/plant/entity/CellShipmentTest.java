package org.ssbtwin.plant.entity;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ssbtwin.core.id.CellId;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.core.id.VehicleId;
import org.ssbtwin.core.quality.ManufacturingFactors;
import org.ssbtwin.plant.cell.Cell;
import org.ssbtwin.plant.cell.CellEvent;
import org.ssbtwin.plant.cell.CellStatus;

/**
 * The shipment from the cell plant to the pack assembler is a page of the cell's genealogy, between end-of-line
 * grading and pack assembly; the entity test kit round-trips every event and state through the Jackson serializer.
 * Journals from before the shipment event (packed straight after grading) stay valid.
 */
@ExtendWith(TestKitJUnit5Extension.class)
class CellShipmentTest {
    @JUnit5TestKit
    public ActorTestKit testKit = new JUnit5TestKitBuilder()
            .withCustomConfig(EventSourcedBehaviorTestKit.config().withFallback(PersistenceTestKitSnapshotPlugin.config()))
            .build();

    private static final Instant T0 = Instant.parse("2028-01-03T06:00:00Z");
    private static final ManufacturingFactors F = new ManufacturingFactors(1.02, 0, 0, 120, -45);

    private CellEntity.Reply record(EventSourcedBehaviorTestKit<CellEntity.Command, CellEvent, Cell> kit, CellEvent e) {
        return kit.<CellEntity.Reply>runCommand(replyTo -> new CellEntity.Record(e, replyTo)).reply();
    }

    private EventSourcedBehaviorTestKit<CellEntity.Command, CellEvent, Cell> graded(CellId id) {
        var kit = EventSourcedBehaviorTestKit.<CellEntity.Command, CellEvent, Cell>create(testKit.system(), CellEntity.create(id, 2));
        record(kit, new CellEvent.InlaysLaminated(id, List.of(CellEntityTest.inlay(1, 120, -45), CellEntityTest.inlay(2, 121, -45)), T0));
        assertNull(record(kit, new CellEvent.Graded("A", 53.1, 2.4, 1.1, F, T0.plusSeconds(90_000))).rejection());
        return kit;
    }

    @Test
    void theShipmentSitsBetweenGradingAndPackAssembly() {
        CellId id = CellId.of("C-DK1-00000101");
        var kit = graded(id);
        var shipped = new CellEvent.Shipped("L-DK1-000007", 192, "ProLogium Dunkirk (DK1), France",
                "VinFast-ProLogium joint venture pack assembly (MAB), Vietnam", T0.plusSeconds(100_000));
        assertNull(record(kit, shipped).rejection());
        assertEquals(CellStatus.SHIPPED, kit.getState().status());
        assertNotNull(record(kit, shipped).rejection(), "a shipped cell is not shipped again");
        assertNull(record(kit, new CellEvent.Packed(PackId.of("P-DK1-000007"), 5, T0.plusSeconds(100_000))).rejection());
        Cell cell = record(kit, new CellEvent.Installed(VehicleId.of("VF7-000001"), T0.plusSeconds(200_000))).cell();
        assertEquals(List.of("lamination", "lamination", "grading", "shipment", "pack-assembly", "installation"),
                cell.genealogy().steps().stream().map(s -> s.step()).toList());
        var step = cell.genealogy().steps().get(3);
        assertEquals("L-DK1-000007", step.station());
        assertEquals(T0.plusSeconds(100_000), step.at());
        assertTrue(step.result().contains("Dunkirk") && step.result().endsWith("Vietnam"), step.result());
        assertEquals(192.0, step.measurements().get("cellsInLot"));
        assertEquals(cell, kit.restart().state(), "replays from the journal");
    }

    @Test
    void onlyAGradedCellShipsAndOldJournalsPackStraightAfterGrading() {
        CellId id = CellId.of("C-DK1-00000102");
        var kit = EventSourcedBehaviorTestKit.<CellEntity.Command, CellEvent, Cell>create(testKit.system(), CellEntity.create(id, 2));
        record(kit, new CellEvent.InlaysLaminated(id, List.of(CellEntityTest.inlay(1, 120, -45)), T0));
        var early = record(kit, new CellEvent.Shipped("L-DK1-000008", 6, "DK1", "JV", T0.plusSeconds(10)));
        assertNotNull(early.rejection());
        assertTrue(early.rejection().toString().contains("graded before shipping"), early.rejection().toString());
        var old = graded(CellId.of("C-DK1-00000103"));
        assertNull(record(old, new CellEvent.Packed(PackId.of("P-DK1-000008"), 0, T0.plusSeconds(100_000))).rejection());
        assertThrows(IllegalArgumentException.class, () -> new CellEvent.Shipped(" ", 6, "DK1", "JV", T0));
        assertThrows(IllegalArgumentException.class, () -> new CellEvent.Shipped("L-1", 0, "DK1", "JV", T0));
    }
}
