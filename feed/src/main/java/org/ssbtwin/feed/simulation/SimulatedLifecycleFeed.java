package org.ssbtwin.feed.simulation;

import org.ssbtwin.fleet.design.DesignCatalogue;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.ssbtwin.fleet.ageing.DailyTelemetry;
import org.ssbtwin.fleet.ageing.PackDay;
import org.ssbtwin.plant.cell.CellEvent;
import org.ssbtwin.plant.cell.InlayRecord;
import org.ssbtwin.feed.AssetBatch;
import org.ssbtwin.feed.TwinFeed;
import org.ssbtwin.fleet.usage.BatteryThermalManagement;
import org.ssbtwin.fleet.usage.ChargingHabit;
import org.ssbtwin.fleet.usage.Climate;
import org.ssbtwin.fleet.usage.DriverArchetype;
import org.ssbtwin.fleet.usage.FleetMix;
import org.ssbtwin.fleet.usage.UsageGenerator;
import org.ssbtwin.fleet.usage.VehicleModel;
import org.ssbtwin.core.id.CellId;
import org.ssbtwin.core.id.InlayId;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.core.id.RollId;
import org.ssbtwin.core.id.StationId;
import org.ssbtwin.core.id.VehicleId;
import org.ssbtwin.fleet.pack.PackEvent;
import org.ssbtwin.fleet.pack.TelemetryRecord;
import org.ssbtwin.plant.layout.PlantLayout;
import org.ssbtwin.plant.layout.ScrapCause;
import org.ssbtwin.plant.layout.StationKind;
import org.ssbtwin.plant.layout.StationSpec;
import org.ssbtwin.plant.genealogy.CellProductionRecord;
import org.ssbtwin.plant.genealogy.InlayGenealogy;
import org.ssbtwin.plant.genealogy.StationPass;
import org.ssbtwin.plant.sim.LineSimulation;
import org.ssbtwin.plant.sim.PlantEvent;
import org.ssbtwin.plant.sim.PlantKpis;
import org.ssbtwin.plant.sim.SimulationOptions;
import org.ssbtwin.plant.sim.StationKpis;
import org.ssbtwin.core.quality.ManufacturingFactors;
import org.ssbtwin.plant.station.StationEvent;
import org.ssbtwin.plant.station.StationState;

/**
 * The whole simulated life for the embedded twin: the Dunkirk line ({@link LineSimulation}) makes cells with their
 * genealogy, the pack assembly station builds packs, each pack goes into a simulated vehicle (model, climate,
 * driver, charging habit drawn from a fleet mix), and every vehicle sends a daily telemetry summary. Everything
 * comes out as facts for the asset entities, in virtual-time order. Not thread-safe: driven by one caller.
 */
public final class SimulatedLifecycleFeed implements TwinFeed {
    /** Telemetry goes to a pack once this many days have accumulated (one command, one journal write). */
    static final int TELEMETRY_BATCH_DAYS = 7;
    /** Readings are sampled this often (virtual time). */
    static final Duration READING_INTERVAL = Duration.ofMinutes(30);

    /** How one vehicle is used. */
    public record ServiceAssignment(VehicleModel vehicle, Climate climate, DriverArchetype archetype, ChargingHabit habit) {}

    /** A pack already in service when the feed starts (after a restart). */
    public record VehicleInService(PackId pack, String vehicleModel) {}

    /** An engineer's setpoint change to apply to the simulated line. */
    public record SetpointChange(StationId station, String name, double value, Instant at) {}

    private static final class Driven {
        final PackId pack;
        final ServiceAssignment assignment;
        final UsageGenerator generator = new UsageGenerator();
        final PackDay day = new PackDay();
        final List<TelemetryRecord> pending = new ArrayList<>(TELEMETRY_BATCH_DAYS);
        /** The first whole day the vehicle is on the road (the day after installation). */
        final LocalDate firstDay;

        Driven(PackId pack, ServiceAssignment assignment, long seed, LocalDate firstDay) {
            this.pack = pack;
            this.firstDay = firstDay;
            this.assignment = assignment;
            generator.reset(new SplittableRandom(seed ^ (IdShift.serialOf(pack.value()) * 0x9E3779B97F4A7C15L)),
                    assignment.vehicle(), assignment.climate(), assignment.archetype(), assignment.habit(),
                    BatteryThermalManagement.LIQUID_COOLED,
                    firstDay.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue(), firstDay.getDayOfYear() - 1);
        }
    }

    private final PlantLayout layout;
    private final LineSimulation line;
    private final FleetMix mix;
    private final long seed;
    private final IdShift ids;
    private final int maxVehicles;
    private final Set<StationId> commissioned;
    private final Map<String, Long> vehicleSerials;
    private final Map<CellId, ManufacturingFactors> awaitingPack = new HashMap<>();
    private final List<Driven> fleet = new ArrayList<>();
    private final ConcurrentLinkedQueue<SetpointChange> setpointChanges = new ConcurrentLinkedQueue<>();
    private final Map<StationId, long[]> countsSoFar = new HashMap<>();
    private final Map<StationId, Map<ScrapCause, Long>> scrapSoFar = new HashMap<>();
    private final StationRecordIds recordIds = new StationRecordIds();
    private LocalDate nextUsageDay;
    private int vehicles;

    /**
     * @param commissioned stations the journal already knows (not commissioned again)
     * @param inService packs already in vehicles (they keep sending telemetry)
     * @param vehicleSerials highest vehicle serial per model prefix already used
     */
    public SimulatedLifecycleFeed(PlantLayout layout, FleetMix mix, long seed, Instant start, IdShift ids,
                                  Set<StationId> commissioned, List<VehicleInService> inService,
                                  Map<String, Long> vehicleSerials, int maxVehicles) {
        this(layout, mix, seed, start, ids, commissioned, inService, vehicleSerials, maxVehicles, READING_INTERVAL);
    }

    /**
     * @param readingInterval how often the stations' process readings are sampled (virtual time); a coarser interval
     *                        keeps a long simulated history small (the embedded default's catch-up)
     */
    public SimulatedLifecycleFeed(PlantLayout layout, FleetMix mix, long seed, Instant start, IdShift ids,
                                  Set<StationId> commissioned, List<VehicleInService> inService,
                                  Map<String, Long> vehicleSerials, int maxVehicles, Duration readingInterval) {
        this.layout = layout;
        this.mix = mix;
        this.seed = seed;
        this.ids = ids;
        this.maxVehicles = maxVehicles;
        this.commissioned = new java.util.HashSet<>(commissioned);
        this.vehicleSerials = new HashMap<>(vehicleSerials);
        this.line = new LineSimulation(layout, seed ^ start.getEpochSecond(), start, new SimulationOptions(readingInterval, true));
        this.nextUsageDay = LocalDate.ofInstant(start, ZoneOffset.UTC).plusDays(1);
        for (VehicleInService v : inService) {
            fleet.add(new Driven(v.pack(), assignmentFor(v.pack(), v.vehicleModel()), seed, nextUsageDay));
        }
        this.vehicles = inService.size();
    }

    /** Queue a setpoint change (any thread); the line applies it at its next advance. */
    public void changeSetpoint(SetpointChange change) {
        setpointChanges.add(change);
    }

    public LineSimulation line() {
        return line;
    }

    @Override
    public List<AssetBatch> advanceTo(Instant now) {
        List<AssetBatch> out = new ArrayList<>();
        commissionStations(out);
        for (SetpointChange c; (c = setpointChanges.poll()) != null; ) {
            Instant at = c.at().isBefore(line.now()) ? line.now() : c.at();
            line.changeSetpoint(c.station(), c.name(), c.value(), at);
        }
        if (!now.isAfter(line.now())) return out;
        List<PlantEvent> events = new ArrayList<>();
        line.advanceTo(now, events::add);
        List<AssetBatch> products = new ArrayList<>();
        Map<StationId, List<StationEvent>> stationFacts = new LinkedHashMap<>();
        Map<StationId, Map.Entry<Instant, Map<String, Double>>> openReadings = new HashMap<>();
        for (PlantEvent e : events) {
            if (e instanceof PlantEvent.StationStateChanged s) {
                flushReadings(s.station(), openReadings, stationFacts);
                stationFacts.computeIfAbsent(s.station(), k -> new ArrayList<>())
                        .add(new StationEvent.StateChanged(StationState.valueOf(s.current().name()), s.reason(), s.at(),
                                recordIds.next(s.station(), "state", s.at())));
            } else if (e instanceof PlantEvent.ReadingSampled r) {
                var open = openReadings.get(r.station());
                if (open != null && !open.getKey().equals(r.at())) flushReadings(r.station(), openReadings, stationFacts);
                openReadings.computeIfAbsent(r.station(), k -> Map.entry(r.at(), new TreeMap<>())).getValue().put(r.quantity(), r.value());
            } else if (e instanceof PlantEvent.CellCompleted c && c.genealogy() != null) {
                products.add(cellBatch(c));
            } else if (e instanceof PlantEvent.PackAssembled p && !p.cells().isEmpty()) {
                packAssembled(p, products);
            }
        }
        for (StationId s : new ArrayList<>(openReadings.keySet())) flushReadings(s, openReadings, stationFacts);
        throughput(now, stationFacts);
        stationFacts.forEach((id, facts) -> out.add(new AssetBatch.ForStation(id, facts)));
        out.addAll(products);
        drive(now, out);
        return out;
    }

    private void commissionStations(List<AssetBatch> out) {
        for (StationSpec s : layout.stations()) {
            if (commissioned.add(s.id())) {
                out.add(new AssetBatch.ForStation(s.id(), List.of(
                        new StationEvent.Commissioned(s.id(), s.kind().name(), s.units(), s.setpoints(), line.now()),
                        new StationEvent.StateChanged(StationState.IDLE, "commissioned", line.now(),
                                recordIds.next(s.id(), "state", line.now())))));
            }
        }
    }

    private void flushReadings(StationId station, Map<StationId, Map.Entry<Instant, Map<String, Double>>> open,
                               Map<StationId, List<StationEvent>> facts) {
        var r = open.remove(station);
        if (r != null) facts.computeIfAbsent(station, k -> new ArrayList<>()).add(new StationEvent.ReadingsRecorded(r.getValue(), r.getKey(),
                recordIds.next(station, "readings", r.getKey())));
    }

    /** Units in, good out and scrap by cause since the last advance, per station. */
    private void throughput(Instant now, Map<StationId, List<StationEvent>> facts) {
        PlantKpis kpis = line.kpis();
        for (StationKpis k : kpis.stations()) {
            long[] before = countsSoFar.computeIfAbsent(k.station(), x -> new long[2]);
            Map<ScrapCause, Long> scrapBefore = scrapSoFar.getOrDefault(k.station(), Map.of());
            long in = k.in() - before[0];
            long good = k.out() - before[1];
            Map<String, Long> scrap = new TreeMap<>();
            k.scrapByCause().forEach((cause, n) -> {
                long d = n - scrapBefore.getOrDefault(cause, 0L);
                if (d > 0) scrap.put(cause.name().toLowerCase(Locale.ROOT).replace('_', '-'), d);
            });
            if (in > 0 || good > 0 || !scrap.isEmpty()) {
                facts.computeIfAbsent(k.station(), x -> new ArrayList<>())
                        .add(new StationEvent.ThroughputRecorded(Math.max(0, in), Math.max(0, good), scrap, now,
                                recordIds.next(k.station(), "throughput", now)));
            }
            before[0] = k.in();
            before[1] = k.out();
            scrapSoFar.put(k.station(), k.scrapByCause());
        }
    }

    private AssetBatch cellBatch(PlantEvent.CellCompleted c) {
        CellProductionRecord g = c.genealogy();
        CellId cell = CellId.of(ids.shift(g.cell().value()));
        List<InlayRecord> inlays = new ArrayList<>();
        Instant laminated = Instant.MIN;
        List<StationPass> passes = new ArrayList<>(g.passes());
        for (InlayGenealogy i : g.inlays()) {
            inlays.add(new InlayRecord(InlayId.of(ids.shift(i.inlay().value())),
                    List.of(roll(i.cathodeRoll()), roll(i.electrolyteRoll()), roll(i.anodeRoll())),
                    i.laminationUnit(), i.laminatedAt(), i.laminationTemperatureC(), i.dewPointC(), i.capacityAh(),
                    i.resistanceMilliOhm()));
            if (i.laminatedAt().isAfter(laminated)) laminated = i.laminatedAt();
            for (StationPass p : i.passes()) {
                if (p.kind() == StationKind.FRAMING || p.kind() == StationKind.CORE_ASSEMBLY) passes.add(p);
            }
        }
        passes.sort(java.util.Comparator.comparing(StationPass::end));
        List<CellEvent> events = new ArrayList<>();
        events.add(new CellEvent.InlaysLaminated(cell, inlays, laminated));
        Instant last = laminated;
        for (StationPass p : passes) {
            last = p.end().isAfter(last) ? p.end() : last;
            events.add(new CellEvent.StationPassed(p.station(), p.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    p.result(), measurements(p, g), last));
        }
        Instant graded = g.completedAt().isAfter(last) ? g.completedAt() : last;
        events.add(new CellEvent.Graded(g.grade().name(), g.capacityAh(), g.resistanceMilliOhm(), g.selfDischargeMvPerWeek(),
                g.factors(), graded));
        awaitingPack.put(cell, g.factors());
        return new AssetBatch.ForCell(cell, events);
    }

    private RollId roll(RollId r) {
        return RollId.of(ids.shift(r.value()));
    }

    private static Map<String, Double> measurements(StationPass p, CellProductionRecord g) {
        Map<String, Double> m = new TreeMap<>();
        m.put("unit", (double) p.unit());
        switch (p.kind()) {
            case BIPOLAR_STACKING -> m.put("misalignmentMm", g.misalignmentMm());
            case FORMATION_AGEING -> m.put("selfDischargeMvPerWeek", g.selfDischargeMvPerWeek());
            case EOL_TEST -> {
                m.put("capacityAh", g.capacityAh());
                m.put("resistanceMilliOhm", g.resistanceMilliOhm());
            }
            default -> { }
        }
        return m;
    }

    private void packAssembled(PlantEvent.PackAssembled p, List<AssetBatch> out) {
        PackId pack = PackId.of(ids.shift(p.pack().value()));
        List<CellId> cells = new ArrayList<>();
        List<ManufacturingFactors> factors = new ArrayList<>();
        for (CellId raw : p.cells()) {
            CellId c = CellId.of(ids.shift(raw.value()));
            cells.add(c);
            ManufacturingFactors f = awaitingPack.remove(c);
            factors.add(f == null ? ManufacturingFactors.NOMINAL : f);
        }
        ServiceAssignment a = assignmentFor(pack, null);
        List<PackEvent> packEvents = new ArrayList<>();
        // the pack's energy is the sum of its cells' (designs.conf), whatever vehicle it goes into
        double packKWh = cells.size() * DesignCatalogue.bundled().cell().energyWh() / 1000.0;
        packEvents.add(new PackEvent.Assembled(pack, a.vehicle().name(), cells, factors, packKWh, p.at()));
        VehicleId vehicle = null;
        if (vehicles < maxVehicles) {
            String prefix = a.vehicle().name();
            long serial = vehicleSerials.merge(prefix, 1L, Long::sum);
            vehicle = VehicleId.of(String.format(Locale.ROOT, "%s-%06d", prefix, serial));
            packEvents.add(new PackEvent.Installed(vehicle, a.climate().name(), a.archetype().name(), p.at()));
            vehicles++;
            fleet.add(new Driven(pack, a, seed, LocalDate.ofInstant(p.at(), ZoneOffset.UTC).plusDays(1)));
        }
        out.add(new AssetBatch.ForPack(pack, packEvents));
        for (int i = 0; i < cells.size(); i++) {
            List<CellEvent> ce = new ArrayList<>();
            ce.add(ShippingRoute.DUNKIRK_TO_VINFAST_JV.shipped(pack, cells.size(), p.at())); // only plant-made cells are packed
            ce.add(new CellEvent.Packed(pack, i, p.at()));
            if (vehicle != null) ce.add(new CellEvent.Installed(vehicle, p.at()));
            out.add(new AssetBatch.ForCell(cells.get(i), ce));
        }
    }

    /** Deterministic from the seed and the pack's serial: the same pack always gets the same car and driver. */
    ServiceAssignment assignmentFor(PackId pack, String knownModel) {
        SplittableRandom r = new SplittableRandom(seed * 31 + IdShift.serialOf(pack.value()));
        VehicleModel v = pick(r, VehicleModel.values(), vehicleShares());
        Climate c = pick(r, Climate.values(), mix.climates());
        DriverArchetype d = pick(r, DriverArchetype.values(), mix.archetypes());
        ChargingHabit h = pick(r, ChargingHabit.values(), mix.chargingHabits());
        if (knownModel != null) {
            try {
                v = VehicleModel.valueOf(knownModel);
            } catch (IllegalArgumentException ignored) {
                // keep the drawn model for packs of an unknown vehicle
            }
        }
        return new ServiceAssignment(v, c, d, h);
    }

    /**
     * The mix's vehicle shares, kept to the vehicles whose pack architecture (designs.conf) has as many cells as the
     * line packs: a line that packs the 192 cells of a VF 7 pack supplies VF 7 cars. A line whose pack matches no
     * architecture (a demo batch) supplies the whole mix.
     */
    private Map<VehicleModel, Double> vehicleShares() {
        int cells = layout.cellDesign().cellsPerPack();
        Map<VehicleModel, Double> fitting = new java.util.EnumMap<>(VehicleModel.class);
        mix.vehicleModels().forEach((model, share) -> {
            if (model.architecture().cells() == cells) fitting.put(model, share);
        });
        if (fitting.isEmpty()) {
            for (VehicleModel model : VehicleModel.values()) if (model.architecture().cells() == cells) fitting.put(model, 1.0);
        }
        if (fitting.isEmpty()) return mix.vehicleModels();
        double total = fitting.values().stream().mapToDouble(Double::doubleValue).sum();
        if (!(total > 0)) fitting.replaceAll((m, x) -> 1.0 / fitting.size());
        else fitting.replaceAll((m, x) -> x / total);
        return fitting;
    }

    private static <E extends Enum<E>> E pick(SplittableRandom r, E[] values, Map<E, Double> shares) {
        double u = r.nextDouble();
        double acc = 0;
        E last = null;
        for (E e : values) {
            Double s = shares.get(e);
            if (s == null || s == 0) continue;
            acc += s;
            last = e;
            if (u < acc) return e;
        }
        return last;
    }

    /** One telemetry day per vehicle for every whole virtual day that has passed; sent in weekly batches. */
    private void drive(Instant now, List<AssetBatch> out) {
        while (!nextUsageDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().isAfter(now)) {
            LocalDate day = nextUsageDay;
            for (Driven d : fleet) {
                if (day.isBefore(d.firstDay)) continue;
                d.generator.next(d.day, 1.0);
                PackDay u = d.day;
                double half = Math.min(0.5, u.dod / 2);
                double maxSoc = Math.min(1, u.meanSoc + half);
                double minSoc = Math.max(0, Math.min(maxSoc, u.meanSoc - half));
                d.pending.add(new TelemetryRecord(d.pack.value() + "/" + day,
                        new DailyTelemetry(day, u.km, u.dischargeKWh, Double.NaN, minSoc, maxSoc, u.meanCellTempC,
                                u.dcShare * u.dischargeKWh, u.maxChargeC > 0 ? u.maxChargeC : Double.NaN)));
                if (d.pending.size() >= TELEMETRY_BATCH_DAYS) {
                    out.add(new AssetBatch.TelemetryForPack(d.pack, d.pending));
                    d.pending.clear();
                }
            }
            nextUsageDay = day.plusDays(1);
        }
    }
}
