package org.ssbtwin.feed.mes;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ssbtwin.feed.AssetBatch;
import org.ssbtwin.core.id.CellId;
import org.ssbtwin.core.id.StationId;
import org.ssbtwin.plant.station.Station;
import org.ssbtwin.plant.station.StationEvent;

class MesBatchValidatorTest {
    static final Instant T0 = Instant.parse("2028-03-01T08:00:00Z");
    static final StationId LAM = StationId.of("DK1-LAM-01");
    static final Station LAMINATION = Station.unknown(LAM)
            .apply(new StationEvent.Commissioned(LAM, "LAMINATION", 2, Map.of(), T0))
            .apply(new StationEvent.ReadingsRecorded(Map.of("laminationTemperatureC", 120.0), T0.plusSeconds(60)));
    static final CellId CELL = CellId.of("C-DK1-00000001");

    static final org.ssbtwin.plant.cell.Cell LAMINATED = org.ssbtwin.plant.cell.Cell.unknown(CELL).apply(new org.ssbtwin.plant.cell.CellEvent.InlaysLaminated(CELL,
            List.of(new org.ssbtwin.plant.cell.InlayRecord(org.ssbtwin.core.id.InlayId.of("I-DK1-00000001"), List.of(org.ssbtwin.core.id.RollId.of("R-CAT-000001")),
                    LAM, T0, 120, -45, 10.6, 2.2)), T0));

    final MesBatchValidator validator = new MesBatchValidator(new MesBatchValidator.AssetStates() {
        public Optional<Station> station(StationId id) {
            return id.equals(LAM) ? Optional.of(LAMINATION) : Optional.empty();
        }

        public org.ssbtwin.plant.cell.Cell cell(CellId id) {
            return id.equals(CELL) ? LAMINATED : org.ssbtwin.plant.cell.Cell.unknown(id);
        }

        public org.ssbtwin.fleet.pack.Pack pack(org.ssbtwin.core.id.PackId id) {
            return org.ssbtwin.fleet.pack.Pack.unknown(id);
        }
    });

    static MesRecord reading(String id, String at, Map<String, Double> readings) {
        return new MesRecord(id, "reading", LAM.value(), null, at, readings, null, null, null, null, null);
    }

    @Test
    void validBatchBecomesOrderedPerAssetBatches() {
        var outcome = validator.validate(List.of(
                reading("r1", "2028-03-01T08:02:00Z", Map.of("laminationTemperatureC", 121.0)),
                new MesRecord("r2", "cell-passed", LAM.value(), CELL.value(), "2028-03-01T08:03:00Z", null, null, null, "re-lamination", "pass", Map.of("peelStrengthN", 4.2)),
                new MesRecord("r3", "station-state", LAM.value(), null, "2028-03-01T08:04:00Z", null, "down", "jam", null, null, null)));
        assertTrue(outcome.valid(), outcome.errors().toString());
        assertEquals(2, outcome.batches().size());
        var stationBatch = (AssetBatch.ForStation) outcome.batches().get(0);
        assertEquals(2, stationBatch.events().size());
        assertInstanceOf(StationEvent.ReadingsRecorded.class, stationBatch.events().get(0));
        assertInstanceOf(StationEvent.StateChanged.class, stationBatch.events().get(1));
        assertEquals(CELL.value(), outcome.batches().get(1).entityId());
    }

    @Test
    void everyBadRecordIsListedAndNothingIsApplied() {
        var outcome = validator.validate(List.of(
                reading("ok", "2028-03-01T08:02:00Z", Map.of("laminationTemperatureC", 121.0)),
                reading("old", "2028-03-01T07:00:00Z", Map.of("laminationTemperatureC", 121.0)),
                reading("hot", "2028-03-01T08:05:00Z", Map.of("laminationTemperatureC", 9000.0)),
                new MesRecord("ghost", "reading", "DK1-LAM-99", null, "2028-03-01T08:06:00Z", Map.of("dewPointC", -40.0), null, null, null, null, null),
                new MesRecord("when", "reading", LAM.value(), null, "yesterday", Map.of("dewPointC", -40.0), null, null, null, null, null),
                new MesRecord("cell", "cell-passed", LAM.value(), "C-DK1-00000999", "2028-03-01T08:07:00Z", null, null, null, "x", "maybe", null),
                new MesRecord("kind", "telepathy", LAM.value(), null, "2028-03-01T08:07:00Z", null, null, null, null, null, null)));
        assertFalse(outcome.valid());
        assertTrue(outcome.batches().isEmpty());
        var byRecord = outcome.errors().stream().collect(java.util.stream.Collectors.groupingBy(MesBatchValidator.RecordError::recordId));
        assertFalse(byRecord.containsKey("ok"));
        assertEquals("at", byRecord.get("old").get(0).field());
        assertTrue(byRecord.get("old").get(0).message().contains("backwards"));
        assertEquals("readings.laminationTemperatureC", byRecord.get("hot").get(0).field());
        assertEquals("station", byRecord.get("ghost").get(0).field());
        assertEquals("at", byRecord.get("when").get(0).field());
        assertEquals(List.of("cell", "result"), byRecord.get("cell").stream().map(MesBatchValidator.RecordError::field).toList());
        assertEquals("type", byRecord.get("kind").get(0).field());
        assertEquals(1, byRecord.get("old").get(0).index());
    }

    @Test
    void emptyOrOversizedBatchesAreRefused() {
        assertEquals("records", validator.validate(List.of()).errors().get(0).field());
        var many = java.util.Collections.nCopies(MesBatchValidator.MAX_RECORDS + 1,
                reading("r", "2028-03-01T08:02:00Z", Map.of("dewPointC", -40.0)));
        assertFalse(validator.validate(many).valid());
    }
}
