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
import org.ssbtwin.core.AssetState;
import org.ssbtwin.core.Rejection;
import org.ssbtwin.core.id.CellId;
import org.ssbtwin.core.id.InlayId;
import org.ssbtwin.core.id.InvalidIdException;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.core.id.RollId;
import org.ssbtwin.core.id.StationId;
import org.ssbtwin.core.id.VehicleId;
import org.ssbtwin.core.quality.ManufacturingFactors;
import org.ssbtwin.feed.AssetBatch;
import org.ssbtwin.fleet.design.DesignCatalogue;
import org.ssbtwin.fleet.pack.Pack;
import org.ssbtwin.fleet.pack.PackEvent;
import org.ssbtwin.fleet.usage.Climate;
import org.ssbtwin.fleet.usage.DriverArchetype;
import org.ssbtwin.fleet.usage.VehicleModel;
import org.ssbtwin.plant.cell.Cell;
import org.ssbtwin.plant.cell.CellEvent;
import org.ssbtwin.plant.cell.InlayRecord;
import org.ssbtwin.plant.station.Setpoints;
import org.ssbtwin.plant.station.Station;
import org.ssbtwin.plant.station.StationEvent;
import org.ssbtwin.plant.station.StationState;

/**
 * Checks a whole MES batch before anything is recorded. First every field of every record ({@link #errors}: a bad
 * or missing field, an unknown station, cell or pack, time going backwards at a station: 400), then the facts against
 * the assets' current state, folded in record order so that one batch may carry a cell from lamination to its vehicle
 * ({@link Outcome#conflicts}: e.g. packing a cell that is not graded or already packed: 409 naming the asset). A fact
 * an asset already holds (a retried record: a station record id it remembers, a cell's genealogy step, the same pack
 * assembly or installation) is skipped, not refused. Either every record is valid and the batch becomes per-asset
 * event batches, or nothing is applied.
 */
public final class MesBatchValidator {
    public static final Set<String> TYPES = Set.of("station-commissioned", "reading", "station-state", "throughput",
            "cell-laminated", "cell-passed", "cell-graded", "cell-scrapped", "cells-shipped", "pack-assembled", "pack-installed");
    public static final int MAX_RECORDS = 10_000;
    /** Cells named by one {@code pack-assembled} or {@code cells-shipped} record at most (a VF 9 pack has 224 assumed x2). */
    public static final int MAX_CELLS = 1_000;

    /** A bad record: its position in the batch, its id, the field and what is wrong. */
    public record RecordError(int index, String recordId, String field, String message) {}

    /** A valid record whose fact conflicts with an asset's state: the asset (station, cell or pack id) and why. */
    public record Conflict(int index, String recordId, String asset, String field, String message) {}

    /** Either the per-asset batches to record, in order, or the errors (400) or the conflicts (409). */
    public record Outcome(List<AssetBatch> batches, List<RecordError> errors, List<Conflict> conflicts, int duplicates) {
        public Outcome(List<AssetBatch> batches, List<RecordError> errors) {
            this(batches, errors, List.of(), 0);
        }

        public boolean valid() {
            return errors.isEmpty() && conflicts.isEmpty();
        }
    }

    /** The current state of the assets a batch names (as their entities hold it). */
    public interface AssetStates {
        /** The station, if the twin knows it. */
        Optional<Station> station(StationId id);

        /** The cell ({@link Cell#unknown} if never laminated). */
        Cell cell(CellId id);

        /** The pack ({@link Pack#unknown} if never assembled). */
        Pack pack(PackId id);

        /** The pack installed in the vehicle, if any (the read side: may lag a write just made). */
        default Optional<PackId> packOfVehicle(VehicleId vehicle) {
            return Optional.empty();
        }
    }

    private final AssetStates states;

    public MesBatchValidator(AssetStates states) {
        this.states = states;
    }

    /** The asset ids a batch names (to read their states before validating); ids that do not parse are left out. */
    public record Named(Set<StationId> stations, Set<CellId> cells, Set<PackId> packs) {
        public int size() {
            return stations.size() + cells.size() + packs.size();
        }
    }

    /** Distinct stations, cells and packs one batch may name at most (each is read from its entity first). */
    public static final int MAX_ASSETS = 20_000;

    public static Named named(List<MesRecord> records) {
        Set<StationId> stations = new java.util.LinkedHashSet<>();
        Set<CellId> cells = new java.util.LinkedHashSet<>();
        Set<PackId> packs = new java.util.LinkedHashSet<>();
        if (records == null) return new Named(stations, cells, packs);
        for (MesRecord r : records) {
            if (r == null) continue;
            quietly(r.station(), StationId::of, stations);
            quietly(r.cell(), CellId::of, cells);
            quietly(r.pack(), PackId::of, packs);
            if (r.cells() != null && r.cells().size() <= MAX_CELLS) r.cells().forEach(c -> quietly(c, CellId::of, cells));
        }
        return new Named(stations, cells, packs);
    }

    private static <T> void quietly(String raw, Function<String, T> parse, Set<T> into) {
        if (raw == null) return;
        try {
            into.add(parse.apply(raw));
        } catch (IllegalArgumentException e) // InvalidIdException included
             {
            // reported by validate
        }
    }

    /** What one record means for each asset, in order (before the state check). */
    private record Fact(int index, String recordId, String asset, Object event) {}

    public Outcome validate(List<MesRecord> records) {
        if (records == null || records.isEmpty()) {
            return new Outcome(List.of(), List.of(new RecordError(-1, null, "records", "the batch has no records")));
        }
        if (records.size() > MAX_RECORDS) {
            return new Outcome(List.of(), List.of(new RecordError(-1, null, "records",
                    "at most " + MAX_RECORDS + " records per batch, got " + records.size())));
        }
        Fold fold = new Fold();
        for (int i = 0; i < records.size(); i++) {
            new RecordCheck(i, records.get(i), fold).run();
        }
        if (!fold.errors.isEmpty()) return new Outcome(List.of(), List.copyOf(fold.errors));
        if (!fold.conflicts.isEmpty()) return new Outcome(List.of(), List.of(), List.copyOf(fold.conflicts), 0);
        List<AssetBatch> batches = new ArrayList<>();
        fold.accepted.forEach((key, events) -> {
            if (events.isEmpty()) return;
            String id = key.substring(key.indexOf('|') + 1);
            switch (key.substring(0, key.indexOf('|'))) {
                case "station" -> batches.add(new AssetBatch.ForStation(StationId.of(id), cast(events)));
                case "cell" -> batches.add(new AssetBatch.ForCell(CellId.of(id), cast(events)));
                default -> batches.add(new AssetBatch.ForPack(PackId.of(id), cast(events)));
            }
        });
        int duplicates = (int) fold.recordFacts.entrySet().stream().filter(e -> e.getValue()[0] > 0 && e.getValue()[1] == 0).count();
        return new Outcome(List.copyOf(batches), List.of(), List.of(), duplicates);
    }

    @SuppressWarnings("unchecked")
    private static <E> List<E> cast(List<Object> events) {
        return (List<E>) (List<?>) events;
    }

    /** The evolving states of the assets the batch touches, and what was accepted, skipped or refused. */
    private final class Fold {
        final List<RecordError> errors = new ArrayList<>();
        final List<Conflict> conflicts = new ArrayList<>();
        final Map<StationId, Optional<Station>> stations = new HashMap<>();
        final Map<CellId, Cell> cells = new HashMap<>();
        final Map<PackId, Pack> packs = new HashMap<>();
        /** Vehicles given a pack by this batch. */
        final Map<VehicleId, PackId> vehicles = new HashMap<>();
        /** Accepted events by "kind|id", in first-touched order. */
        final Map<String, List<Object>> accepted = new LinkedHashMap<>();
        /** Per record index: facts, facts accepted. */
        final Map<Integer, int[]> recordFacts = new HashMap<>();

        Optional<Station> station(StationId id) {
            return stations.computeIfAbsent(id, states::station);
        }

        Cell cell(CellId id) {
            return cells.computeIfAbsent(id, states::cell);
        }

        Pack pack(PackId id) {
            return packs.computeIfAbsent(id, states::pack);
        }

        /** Checks the record's facts against the evolving states: all accepted (or skipped as held), else conflicts. */
        void apply(int index, String rid, List<Fact> facts) {
            // check every fact of the record against a copy first: a record is applied whole or not at all
            Map<Object, Object> trial = new HashMap<>();
            List<Conflict> found = new ArrayList<>();
            List<Fact> fresh = new ArrayList<>();
            for (Fact f : facts) {
                Object before = trial.containsKey(f.asset()) ? trial.get(f.asset()) : current(f.asset());
                Object after = step(before, f.event(), f, found);
                if (after != null && after != before) fresh.add(f);
                if (after != null) trial.put(f.asset(), after);
            }
            int[] counts = recordFacts.computeIfAbsent(index, k -> new int[2]);
            counts[0] += facts.size();
            if (!found.isEmpty()) {
                conflicts.addAll(found);
                return;
            }
            trial.forEach(this::store);
            for (Fact f : fresh) {
                accepted.computeIfAbsent(f.asset(), k -> new ArrayList<>()).add(f.event());
                counts[1]++;
            }
        }

        private Object current(String asset) {
            String id = asset.substring(asset.indexOf('|') + 1);
            return switch (asset.substring(0, asset.indexOf('|'))) {
                case "station" -> station(StationId.of(id)).orElse(Station.unknown(StationId.of(id)));
                case "cell" -> cell(CellId.of(id));
                default -> pack(PackId.of(id));
            };
        }

        private void store(Object asset, Object state) {
            String key = (String) asset;
            String id = key.substring(key.indexOf('|') + 1);
            if (state instanceof Station s) stations.put(StationId.of(id), Optional.of(s));
            else if (state instanceof Cell c) cells.put(CellId.of(id), c);
            else packs.put(PackId.of(id), (Pack) state);
        }

        /** The state after the event, the same state if it is already held, or null with a conflict. */
        @SuppressWarnings({"unchecked", "rawtypes"})
        private Object step(Object state, Object event, Fact f, List<Conflict> found) {
            AssetState s = (AssetState) state;
            if (s.alreadyRecorded(event)) return state;
            Rejection r = s.check(event);
            if (r != null) {
                found.add(new Conflict(f.index(), f.recordId(), f.asset().substring(f.asset().indexOf('|') + 1),
                        String.valueOf(r.field()), r.message()));
                return null;
            }
            return s.apply(event);
        }
    }

    /** The field checks of one record; its facts go to the fold when every field is valid. */
    private final class RecordCheck {
        final int i;
        final MesRecord r;
        final Fold fold;
        final String rid;
        final List<Fact> facts = new ArrayList<>();
        int bad;

        RecordCheck(int i, MesRecord r, Fold fold) {
            this.i = i;
            this.r = r;
            this.fold = fold;
            this.rid = r == null ? null : r.recordId();
        }

        void error(String field, String message) {
            fold.errors.add(new RecordError(i, rid, field, message));
            bad++;
        }

        void run() {
            if (r == null) {
                error("record", "record is null");
                return;
            }
            if (rid == null || rid.isBlank()) error("recordId", "recordId is required");
            String type = r.type() == null ? null : r.type().toLowerCase(Locale.ROOT);
            if (type == null || !TYPES.contains(type)) {
                error("type", "type must be one of " + new java.util.TreeSet<>(TYPES) + ", was " + r.type());
                return;
            }
            Instant at = instant("at", r.at());
            switch (type) {
                case "station-commissioned" -> commissioned(at);
                case "reading", "station-state", "throughput" -> observed(type, at);
                case "cell-laminated" -> laminated(at);
                case "cell-passed" -> passed(at);
                case "cell-graded" -> graded(at);
                case "cell-scrapped" -> scrapped(at);
                case "cells-shipped" -> shipped(at);
                case "pack-assembled" -> assembled(at);
                default -> installed(at);
            }
            if (bad == 0 && fold.errors.isEmpty()) fold.apply(i, rid, facts);
        }

        Instant instant(String field, String raw) {
            if (raw == null) {
                error(field, field + " (ISO-8601 instant) is required");
                return null;
            }
            try {
                return Instant.parse(raw);
            } catch (DateTimeParseException e) {
                error(field, field + " must be an ISO-8601 instant like 2028-03-01T08:00:00Z, was '" + raw + "'");
                return null;
            }
        }

        String text(String field, String value) {
            if (value == null || value.isBlank()) error(field, field + " is required");
            return value;
        }

        double number(String field, Double value, double min, double max) {
            if (value == null) {
                error(field, field + " is required");
                return Double.NaN;
            }
            if (!Double.isFinite(value) || value < min || value > max) {
                error(field, field + " must be within [" + min + ", " + max + "], was " + value);
                return Double.NaN;
            }
            return value;
        }

        <T> T id(String field, String raw, Function<String, T> parse) {
            if (raw == null) {
                error(field, field + " is required");
                return null;
            }
            try {
                return parse.apply(raw);
            } catch (IllegalArgumentException e) // InvalidIdException included
             {
                error(field, e.getMessage());
                return null;
            }
        }

        <E extends Enum<E>> E choice(String field, String raw, Class<E> type) {
            try {
                return Enum.valueOf(type, String.valueOf(raw).toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                error(field, field + " must be one of " + List.of(type.getEnumConstants()) + ", was " + raw);
                return null;
            }
        }

        /** A commissioned station (or one commissioned earlier in this batch), else an error on {@code station}. */
        StationId station() {
            StationId id = id("station", r.station(), StationId::of);
            if (id != null && fold.station(id).filter(Station::commissioned).isEmpty()) {
                error("station", "unknown station " + id);
                return null;
            }
            return id;
        }

        /** A cell the twin (or this batch) has laminated, else an error on {@code field}. */
        CellId cell(String field, String raw) {
            CellId id = id(field, raw, CellId::of);
            if (id != null && !fold.cell(id).exists()) {
                error(field, "unknown cell " + id);
                return null;
            }
            return id;
        }

        void fact(String kind, String id, Object event) {
            facts.add(new Fact(i, rid, kind + "|" + id, event));
        }

        void commissioned(Instant at) {
            StationId id = id("station", r.station(), StationId::of);
            String kind = text("kind", r.kind());
            int units = r.units() == null ? 0 : r.units();
            if (units < 1 || units > 100) error("units", "units must be within [1, 100], was " + r.units());
            Map<String, Double> setpoints = r.setpoints() == null ? Map.of() : r.setpoints();
            setpoints.forEach((name, value) -> {
                Rejection no = value == null ? Rejection.invalid("value", name + " has no value") : Setpoints.check(name, value);
                if (no != null) error("setpoints." + name, no.message());
            });
            if (bad > 0 || at == null) return;
            fact("station", id.value(), new StationEvent.Commissioned(id, kind, units, setpoints, at));
            fact("station", id.value(), new StationEvent.StateChanged(StationState.IDLE, "commissioned", at, rid));
        }

        void observed(String type, Instant at) {
            StationId id = station();
            StationEvent event = switch (type) {
                case "reading" -> {
                    if (r.readings() == null || r.readings().isEmpty()) {
                        error("readings", "readings must hold at least one quantity");
                        yield null;
                    }
                    r.readings().forEach((name, value) -> {
                        // readings are checked against the setpoint plausibility ranges, but a stopped station reads 0
                        // for a rate whose setpoint must be positive (line speed)
                        Setpoints.Range range = Setpoints.KNOWN.get(name);
                        boolean stopped = value != null && value == 0.0 && range != null && range.min() > 0;
                        Rejection no = value == null ? Rejection.invalid("value", name + " has no value") : stopped ? null : Setpoints.check(name, value);
                        if (no != null) error("readings." + name, no.message());
                    });
                    yield new StationEvent.ReadingsRecorded(r.readings().entrySet().stream().filter(e -> e.getValue() != null)
                            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), at, rid);
                }
                case "station-state" -> {
                    StationState state = choice("state", r.state(), StationState.class);
                    yield new StationEvent.StateChanged(state, r.reason() == null ? "MES" : r.reason(), at, rid);
                }
                default -> {
                    long in = r.in() == null ? -1 : r.in();
                    long out = r.out() == null ? -1 : r.out();
                    if (in < 0) error("in", "in (units entering, >= 0) is required, was " + r.in());
                    if (out < 0) error("out", "out (good units leaving, >= 0) is required, was " + r.out());
                    Map<String, Long> scrap = r.scrapByCause() == null ? Map.of() : r.scrapByCause();
                    scrap.forEach((cause, n) -> {
                        if (n == null || n < 0) error("scrapByCause." + cause, "must be a count >= 0, was " + n);
                    });
                    yield bad > 0 ? null : new StationEvent.ThroughputRecorded(in, out, scrap, at, rid);
                }
            };
            if (bad > 0 || at == null || id == null) return;
            Station s = fold.station(id).orElseThrow();
            // time order per station, before the fold: a retried record (its id held) is not "backwards"
            if (!s.alreadyRecorded(event) && s.observedUntil() != null && at.isBefore(s.observedUntil())) {
                error("at", "time goes backwards for station " + id + ": " + at + " is before " + s.observedUntil());
                return;
            }
            fact("station", id.value(), event);
        }

        void laminated(Instant at) {
            CellId cell = id("cell", r.cell(), CellId::of);
            List<InlayRecord> inlays = new ArrayList<>();
            if (r.inlays() == null || r.inlays().isEmpty()) {
                error("inlays", "inlays must list the cell's laminated inlays");
            } else {
                for (int k = 0; k < r.inlays().size(); k++) {
                    MesRecord.Inlay in = r.inlays().get(k);
                    String p = "inlays[" + k + "].";
                    if (in == null) {
                        error("inlays[" + k + "]", "inlay is null");
                        continue;
                    }
                    int before = bad;
                    InlayId inlay = id(p + "inlay", in.inlay(), InlayId::of);
                    List<RollId> rolls = new ArrayList<>();
                    if (in.rolls() == null || in.rolls().isEmpty()) error(p + "rolls", "rolls must list the rolls the inlay was cut from");
                    else for (int j = 0; j < in.rolls().size(); j++) rolls.add(id(p + "rolls[" + j + "]", in.rolls().get(j), RollId::of));
                    StationId unit = id(p + "laminationUnit", in.laminationUnit(), StationId::of);
                    Instant when = instant(p + "laminatedAt", in.laminatedAt());
                    if (when != null && at != null && when.isAfter(at)) error(p + "laminatedAt", "laminatedAt " + when + " is after the record's at " + at);
                    double temp = number(p + "laminationTemperatureC", in.laminationTemperatureC(), 20, 300);
                    double dew = number(p + "dewPointC", in.dewPointC(), -100, 20);
                    double ah = number(p + "capacityAh", in.capacityAh(), 0, 1000);
                    double mohm = number(p + "resistanceMilliOhm", in.resistanceMilliOhm(), 0, 10_000);
                    if (bad == before) inlays.add(new InlayRecord(inlay, rolls, unit, when, temp, dew, ah, mohm));
                }
            }
            if (bad > 0 || at == null) return;
            fact("cell", cell.value(), new CellEvent.InlaysLaminated(cell, inlays, at));
        }

        void passed(Instant at) {
            CellId cell = cell("cell", r.cell());
            StationId station = station();
            text("step", r.step());
            if (!"pass".equals(r.result()) && !"fail".equals(r.result())) error("result", "result must be pass or fail, was " + r.result());
            Map<String, Double> m = r.measurements() == null ? Map.of() : r.measurements();
            m.forEach((name, value) -> {
                if (value == null || !Double.isFinite(value)) error("measurements." + name, "must be a finite number");
            });
            if (r.resultText() != null && (r.resultText().isBlank() || r.resultText().length() > 200)) {
                error("resultText", "resultText must be 1 to 200 characters when given");
            }
            if (bad > 0 || at == null) return;
            fact("cell", cell.value(), new CellEvent.StationPassed(station, r.step(), r.resultText() != null ? r.resultText() : r.result(), m, at));
        }

        void graded(Instant at) {
            CellId cell = cell("cell", r.cell());
            String grade = text("grade", r.grade());
            double ah = number("capacityAh", r.capacityAh(), 0, 1000);
            double mohm = number("resistanceMilliOhm", r.resistanceMilliOhm(), 0, 10_000);
            double sd = number("selfDischargeMvPerWeek", r.selfDischargeMvPerWeek(), 0, 1000);
            ManufacturingFactors factors = null;
            if (r.factors() != null) {
                Map<String, Double> f = r.factors();
                Set<String> known = Set.of("interfaceResistanceFactor", "moistureExposure", "latentDefectSeverity", "laminationTemperatureC", "dewPointC");
                f.keySet().stream().filter(k -> !known.contains(k)).forEach(k -> error("factors." + k, "unknown factor; known: " + new java.util.TreeSet<>(known)));
                double irf = number("factors.interfaceResistanceFactor", f.get("interfaceResistanceFactor"), 1e-6, 100);
                double moist = number("factors.moistureExposure", f.get("moistureExposure"), 0, 1e6);
                double latent = number("factors.latentDefectSeverity", f.get("latentDefectSeverity"), 0, 1e6);
                double lam = number("factors.laminationTemperatureC", f.get("laminationTemperatureC"), -100, 400);
                double dew = number("factors.dewPointC", f.get("dewPointC"), -120, 60);
                if (bad == 0) factors = new ManufacturingFactors(irf, moist, latent, lam, dew);
            }
            if (bad > 0 || at == null) return;
            fact("cell", cell.value(), new CellEvent.Graded(grade, ah, mohm, sd, factors, at));
        }

        void scrapped(Instant at) {
            CellId cell = cell("cell", r.cell());
            StationId station = station();
            String cause = text("cause", r.cause());
            if (bad > 0 || at == null) return;
            fact("cell", cell.value(), new CellEvent.Scrapped(cause, station, at));
        }

        List<CellId> cells() {
            if (r.cells() == null || r.cells().isEmpty()) {
                error("cells", "cells must name at least one cell");
                return List.of();
            }
            if (r.cells().size() > MAX_CELLS) {
                error("cells", "at most " + MAX_CELLS + " cells per record, got " + r.cells().size());
                return List.of();
            }
            List<CellId> out = new ArrayList<>();
            Set<CellId> seen = new java.util.HashSet<>();
            for (int k = 0; k < r.cells().size(); k++) {
                CellId c = cell("cells[" + k + "]", r.cells().get(k));
                if (c != null && !seen.add(c)) error("cells[" + k + "]", "cell " + c + " is named twice");
                out.add(c);
            }
            return out;
        }

        void shipped(Instant at) {
            String lot = text("lot", r.lot());
            String origin = text("origin", r.origin());
            String destination = text("destination", r.destination());
            List<CellId> cells = cells();
            if (bad > 0 || at == null) return;
            for (CellId c : cells) fact("cell", c.value(), new CellEvent.Shipped(lot, cells.size(), origin, destination, at));
        }

        void assembled(Instant at) {
            PackId pack = id("pack", r.pack(), PackId::of);
            VehicleModel model = choice("vehicleModel", r.vehicleModel(), VehicleModel.class);
            List<CellId> cells = cells();
            double kwh = r.nominalCapacityKwh() == null
                    ? cells.size() * DesignCatalogue.bundled().cell().energyWh() / 1000.0 // the sum of its cells' (designs.conf)
                    : number("nominalCapacityKwh", r.nominalCapacityKwh(), 1e-3, 1000);
            if (bad > 0 || at == null) return;
            // each cell's factors as graded (this batch's grading included); a cell graded without factors is nominal
            List<ManufacturingFactors> factors = new ArrayList<>();
            for (CellId c : cells) {
                ManufacturingFactors f = pendingCell(c).factors();
                factors.add(f == null ? ManufacturingFactors.NOMINAL : f);
            }
            fact("pack", pack.value(), new PackEvent.Assembled(pack, model.name(), cells, factors, kwh, at));
            for (int k = 0; k < cells.size(); k++) fact("cell", cells.get(k).value(), new CellEvent.Packed(pack, k, at));
        }

        /** The cell as the batch has left it so far. */
        Cell pendingCell(CellId c) {
            return fold.cell(c);
        }

        void installed(Instant at) {
            PackId pack = id("pack", r.pack(), PackId::of);
            VehicleId vehicle = id("vehicle", r.vehicle(), VehicleId::of);
            Climate climate = choice("climate", r.climate(), Climate.class);
            DriverArchetype archetype = choice("archetype", r.archetype(), DriverArchetype.class);
            if (pack != null && !fold.pack(pack).exists()) error("pack", "unknown pack " + pack + " (not assembled)");
            if (bad > 0 || at == null) return;
            // one pack per vehicle: a vehicle that holds another pack (recorded, or installed earlier in this batch)
            PackId holder = fold.vehicles.containsKey(vehicle) ? fold.vehicles.get(vehicle) : states.packOfVehicle(vehicle).orElse(null);
            if (holder != null && !holder.equals(pack)) {
                fold.conflicts.add(new Conflict(i, rid, vehicle.value(), "vehicle", "vehicle " + vehicle + " already holds pack " + holder));
                return;
            }
            fold.vehicles.put(vehicle, pack);
            fact("pack", pack.value(), new PackEvent.Installed(vehicle, climate.name(), archetype.name(), at));
            for (CellId c : fold.pack(pack).cells()) fact("cell", c.value(), new CellEvent.Installed(vehicle, at));
        }
    }
}
