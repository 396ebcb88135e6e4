package org.ssbtwin.feed.mes;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.ssbtwin.core.Rejection;
import org.ssbtwin.plant.cell.CellEvent;
import org.ssbtwin.feed.AssetBatch;
import org.ssbtwin.core.id.CellId;
import org.ssbtwin.core.id.InvalidIdException;
import org.ssbtwin.core.id.StationId;
import org.ssbtwin.plant.station.Setpoints;
import org.ssbtwin.plant.station.Station;
import org.ssbtwin.plant.station.StationEvent;
import org.ssbtwin.plant.station.StationState;

/**
 * Checks a whole MES batch before anything is recorded: every field of every record, that stations and cells
 * exist, that values are in range and that time does not go backwards per station. Either every record is valid
 * and the batch becomes per-asset event batches, or the answer lists every bad record and nothing is applied.
 */
public final class MesBatchValidator {
    public static final Set<String> TYPES = Set.of("reading", "station-state", "cell-passed");
    public static final int MAX_RECORDS = 10_000;

    /** A bad record: its position in the batch, its id, the field and what is wrong. */
    public record RecordError(int index, String recordId, String field, String message) {}

    /** Either the per-asset batches to record, in order, or the errors. */
    public record Outcome(List<AssetBatch> batches, List<RecordError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private final Function<StationId, Optional<Station>> stations;
    private final Predicate<CellId> cellExists;

    public MesBatchValidator(Function<StationId, Optional<Station>> stations, Predicate<CellId> cellExists) {
        this.stations = stations;
        this.cellExists = cellExists;
    }

    public Outcome validate(List<MesRecord> records) {
        List<RecordError> errors = new ArrayList<>();
        if (records == null || records.isEmpty()) {
            return new Outcome(List.of(), List.of(new RecordError(-1, null, "records", "the batch has no records")));
        }
        if (records.size() > MAX_RECORDS) {
            return new Outcome(List.of(), List.of(new RecordError(-1, null, "records",
                    "at most " + MAX_RECORDS + " records per batch, got " + records.size())));
        }
        Map<StationId, Instant> stationClock = new HashMap<>();
        Map<String, List<StationEvent>> stationEvents = new LinkedHashMap<>();
        Map<String, List<CellEvent>> cellEvents = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            MesRecord r = records.get(i);
            final int index = i;
            int before = errors.size();
            if (r == null) {
                errors.add(new RecordError(i, null, "record", "record is null"));
                continue;
            }
            String rid = r.recordId();
            if (rid == null || rid.isBlank()) errors.add(new RecordError(i, rid, "recordId", "recordId is required"));
            String type = r.type() == null ? null : r.type().toLowerCase(Locale.ROOT);
            if (type == null || !TYPES.contains(type)) {
                errors.add(new RecordError(i, rid, "type", "type must be one of " + TYPES + ", was " + r.type()));
                continue;
            }
            Instant at = null;
            if (r.at() == null) {
                errors.add(new RecordError(i, rid, "at", "at (ISO-8601 instant) is required"));
            } else {
                try {
                    at = Instant.parse(r.at());
                } catch (DateTimeParseException e) {
                    errors.add(new RecordError(i, rid, "at", "at must be an ISO-8601 instant like 2028-03-01T08:00:00Z, was '" + r.at() + "'"));
                }
            }
            StationId stationId = null;
            Station station = null;
            try {
                stationId = StationId.of(r.station());
                station = stations.apply(stationId).filter(Station::commissioned).orElse(null);
                if (station == null) errors.add(new RecordError(i, rid, "station", "unknown station " + stationId));
            } catch (InvalidIdException e) {
                errors.add(new RecordError(i, rid, "station", e.getMessage()));
            }
            if (station != null && at != null && !type.equals("cell-passed")) {
                Instant last = stationClock.getOrDefault(stationId, station.observedUntil());
                if (last != null && at.isBefore(last)) {
                    errors.add(new RecordError(i, rid, "at", "time goes backwards for station " + stationId + ": " + at + " is before " + last));
                } else {
                    stationClock.put(stationId, at);
                }
            }
            switch (type) {
                case "reading" -> {
                    if (r.readings() == null || r.readings().isEmpty()) {
                        errors.add(new RecordError(i, rid, "readings", "readings must hold at least one quantity"));
                    } else {
                        r.readings().forEach((name, value) -> {
                            Rejection bad = value == null ? Rejection.invalid("value", name + " has no value") : Setpoints.check(name, value);
                            if (bad != null) errors.add(new RecordError(index, rid, "readings." + name, bad.message()));
                        });
                    }
                    if (errors.size() == before) {
                        stationEvents.computeIfAbsent(stationId.value(), k -> new ArrayList<>()).add(new StationEvent.ReadingsRecorded(r.readings(), at));
                    }
                }
                case "station-state" -> {
                    StationState state = null;
                    try {
                        state = StationState.valueOf(String.valueOf(r.state()).toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        errors.add(new RecordError(i, rid, "state", "state must be one of " + List.of(StationState.values()) + ", was " + r.state()));
                    }
                    if (errors.size() == before) {
                        stationEvents.computeIfAbsent(stationId.value(), k -> new ArrayList<>())
                                .add(new StationEvent.StateChanged(state, r.reason() == null ? "MES" : r.reason(), at));
                    }
                }
                default -> { // cell-passed
                    CellId cellId = null;
                    try {
                        cellId = CellId.of(r.cell());
                        if (!cellExists.test(cellId)) errors.add(new RecordError(i, rid, "cell", "unknown cell " + cellId));
                    } catch (InvalidIdException e) {
                        errors.add(new RecordError(i, rid, "cell", e.getMessage()));
                    }
                    if (r.step() == null || r.step().isBlank()) errors.add(new RecordError(i, rid, "step", "step is required"));
                    if (!"pass".equals(r.result()) && !"fail".equals(r.result())) {
                        errors.add(new RecordError(i, rid, "result", "result must be pass or fail, was " + r.result()));
                    }
                    Map<String, Double> m = r.measurements() == null ? Map.of() : r.measurements();
                    m.forEach((name, value) -> {
                        if (value == null || !Double.isFinite(value)) errors.add(new RecordError(index, rid, "measurements." + name, "must be a finite number"));
                    });
                    if (errors.size() == before) {
                        cellEvents.computeIfAbsent(cellId.value(), k -> new ArrayList<>())
                                .add(new CellEvent.StationPassed(stationId, r.step(), r.result(), m, at));
                    }
                }
            }
        }
        if (!errors.isEmpty()) return new Outcome(List.of(), List.copyOf(errors));
        List<AssetBatch> batches = new ArrayList<>();
        stationEvents.forEach((id, events) -> batches.add(new AssetBatch.ForStation(StationId.of(id), events)));
        cellEvents.forEach((id, events) -> batches.add(new AssetBatch.ForCell(CellId.of(id), events)));
        return new Outcome(List.copyOf(batches), List.of());
    }
}
