package org.ssbtwin.feed.simulation;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ssbtwin.core.AssetState;
import org.ssbtwin.core.id.CellId;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.core.id.StationId;
import org.ssbtwin.feed.AssetBatch;
import org.ssbtwin.feed.mes.MesBatchValidator;
import org.ssbtwin.feed.mes.MesDocuments;
import org.ssbtwin.fleet.pack.Pack;
import org.ssbtwin.fleet.pack.PackStatus;
import org.ssbtwin.plant.cell.Cell;
import org.ssbtwin.plant.cell.CellStatus;
import org.ssbtwin.plant.station.Station;

/**
 * The simulated plant's facts rendered as MES documents ({@link MesDocuments}) and read back by the validator rebuild
 * the same stations, cells and packs as the facts themselves; a retried document or simulated batch changes nothing.
 */
class MesDocumentsRoundTripTest {
    /** The states of a world as the validator reads them. */
    static MesBatchValidator.AssetStates statesOf(SimulatedLifecycleFeedTest.World w) {
        return new MesBatchValidator.AssetStates() {
            public Optional<Station> station(StationId id) {
                return Optional.ofNullable(w.stations.get(id)).filter(Station::commissioned);
            }

            public Cell cell(CellId id) {
                return w.cells.getOrDefault(id, Cell.unknown(id));
            }

            public Pack pack(PackId id) {
                return w.packs.getOrDefault(id, Pack.unknown(id));
            }
        };
    }

    @Test
    void twoWeeksOfTheSmallLineThroughMesDocumentsGiveTheSameTwin() {
        SimulatedLifecycleFeed feed = SimulatedLifecycleFeedTest.feed(42);
        var simulated = new SimulatedLifecycleFeedTest.World();
        var fed = new SimulatedLifecycleFeedTest.World();
        int records = 0;
        int telemetryLines = 0;
        for (int hour = 1; hour <= 24 * 14; hour++) {
            List<AssetBatch> batches = feed.advanceTo(SimulatedLifecycleFeedTest.START.plus(Duration.ofHours(hour)));
            simulated.apply(batches);
            // a write retried after it was recorded (a lost acknowledgement) is recognised, not refused
            for (AssetBatch b : batches) assertRetryChangesNothing(simulated, b);

            MesDocuments.Documents docs = MesDocuments.render(batches);
            telemetryLines += docs.telemetry().size();
            if (docs.records().isEmpty()) continue;
            records += docs.records().size();
            MesBatchValidator.Outcome outcome = new MesBatchValidator(statesOf(fed)).validate(docs.records());
            assertTrue(outcome.valid(), () -> "hour: " + outcome.errors() + outcome.conflicts());
            fed.apply(outcome.batches());
            // the same documents again (a client retry): every record is a duplicate, nothing to record
            MesBatchValidator.Outcome again = new MesBatchValidator(statesOf(fed)).validate(docs.records());
            assertTrue(again.valid(), () -> again.errors() + " " + again.conflicts());
            assertEquals(List.of(), again.batches(), "a retried MES batch records nothing");
            assertEquals(docs.records().size(), again.duplicates());
        }
        assertTrue(records > 1000, "records rendered: " + records);
        assertTrue(telemetryLines > 0);

        assertEquals(simulated.stations, fed.stations, "stations: counters, scrap, readings, states, record ids");
        assertEquals(simulated.cells, fed.cells, "every cell's genealogy");
        assertTrue(fed.cells.values().stream().anyMatch(c -> c.status() == CellStatus.IN_FIELD));
        assertEquals(simulated.packs.keySet(), fed.packs.keySet());
        int inService = 0;
        for (Pack a : simulated.packs.values()) {
            Pack b = fed.packs.get(a.id());
            assertEquals(a.cells(), b.cells(), a.id() + " cells");
            assertEquals(a.cellProfile(), b.cellProfile(), a.id() + " the cells' manufacturing factors");
            assertEquals(a.nominalCapacityKwh(), b.nominalCapacityKwh(), a.id() + " kWh");
            assertEquals(List.of(a.vehicleModel(), String.valueOf(a.vehicleId()), String.valueOf(a.climate()), String.valueOf(a.archetype()),
                    String.valueOf(a.installedAt())), List.of(b.vehicleModel(), String.valueOf(b.vehicleId()), String.valueOf(b.climate()),
                    String.valueOf(b.archetype()), String.valueOf(b.installedAt())), a.id() + " vehicle");
            if (b.status() == PackStatus.IN_SERVICE) inService++;
        }
        assertTrue(inService > 0);
    }

    private static void assertRetryChangesNothing(SimulatedLifecycleFeedTest.World w, AssetBatch b) {
        AssetState.Batch<?, ?> again;
        if (b instanceof AssetBatch.ForStation s) again = AssetState.checkAll(w.stations.get(s.id()), s.events());
        else if (b instanceof AssetBatch.ForCell c) again = AssetState.checkAll(w.cells.get(c.id()), c.events());
        else if (b instanceof AssetBatch.ForPack p) again = AssetState.checkAll(w.packs.get(p.id()), p.events());
        else return; // telemetry: the pack's idempotency window (PackAgeingCheckTest)
        assertNull(again.rejection(), () -> b.entityId() + " refused its retried batch: " + again.rejection());
        assertEquals(List.of(), again.accepted(), () -> b.entityId() + " would record a retried batch twice: " + again.accepted());
    }

    @Test
    void packingACellThatIsNotGradedOrAlreadyPackedIsAConflictNamingTheCell() {
        SimulatedLifecycleFeed feed = SimulatedLifecycleFeedTest.feed(42);
        var w = new SimulatedLifecycleFeedTest.World();
        for (int hour = 1; hour <= 24 * 14; hour++) w.apply(feed.advanceTo(SimulatedLifecycleFeedTest.START.plus(Duration.ofHours(hour))));
        Cell packed = w.cells.values().stream().filter(c -> c.status() == CellStatus.IN_FIELD).findFirst().orElseThrow();
        Cell graded = w.cells.values().stream().filter(c -> c.status() == CellStatus.GRADED).findFirst().orElseThrow();
        var assemble = new org.ssbtwin.feed.mes.MesRecord("a1", "pack-assembled", null, null, "2030-01-01T00:00:00Z", null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                List.of(graded.id().value(), packed.id().value()), "P-DK1-999999", "VF8", null, null, null, null, null);
        var outcome = new MesBatchValidator(statesOf(w)).validate(List.of(assemble));
        assertTrue(outcome.errors().isEmpty(), outcome.errors().toString());
        assertEquals(1, outcome.conflicts().size(), outcome.conflicts().toString());
        assertEquals(packed.id().value(), outcome.conflicts().get(0).asset());
        assertTrue(outcome.conflicts().get(0).message().contains("IN_FIELD"), outcome.conflicts().get(0).message());
        assertTrue(outcome.batches().isEmpty());
    }
}
