package org.ssbtwin.fleet.whatif;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.ssbtwin.fleet.ageing.AgeingSnapshot;
import org.ssbtwin.fleet.ageing.PackCells;
import org.ssbtwin.fleet.ageing.PackDay;
import org.ssbtwin.fleet.ageing.SsbAgeingModel;
import org.ssbtwin.fleet.ageing.SsbPackState;
import org.ssbtwin.fleet.ageing.WarrantyTerms;
import org.ssbtwin.fleet.usage.ChargingHabit;
import org.ssbtwin.fleet.usage.Climate;
import org.ssbtwin.fleet.usage.DriverArchetype;
import org.ssbtwin.fleet.usage.FleetMix;
import org.ssbtwin.fleet.study.BinnedHistogram;
import org.ssbtwin.fleet.study.PackMonteCarlo;
import org.ssbtwin.fleet.usage.FleetSpec;
import org.ssbtwin.fleet.usage.UsageGenerator;
import org.ssbtwin.fleet.usage.VehicleModel;
import org.ssbtwin.plant.layout.PlantLayout;
import org.ssbtwin.plant.layout.RampUp;
import org.ssbtwin.plant.physics.ProcessConditions;
import org.ssbtwin.plant.physics.ProcessPhysics;
import org.ssbtwin.plant.sim.LineSimulation;
import org.ssbtwin.plant.sim.PlantEventSink;
import org.ssbtwin.plant.sim.PlantKpis;
import org.ssbtwin.plant.sim.ScrapShare;
import org.ssbtwin.plant.sim.SimulationOptions;
import org.ssbtwin.fleet.ageing.PackRetirement;
import org.ssbtwin.fleet.ageing.AgeingSnapshot;
import org.ssbtwin.fleet.ageing.PackCells;
import org.ssbtwin.fleet.ageing.PackDay;
import org.ssbtwin.fleet.ageing.SsbAgeingModel;
import org.ssbtwin.fleet.ageing.SsbPackState;
import org.ssbtwin.fleet.ageing.WarrantyTerms;
import org.ssbtwin.fleet.usage.ChargingHabit;
import org.ssbtwin.fleet.usage.Climate;
import org.ssbtwin.fleet.usage.DriverArchetype;
import org.ssbtwin.fleet.usage.FleetMix;
import org.ssbtwin.fleet.usage.FleetSpec;
import org.ssbtwin.fleet.usage.UsageGenerator;
import org.ssbtwin.fleet.usage.VehicleModel;
import org.ssbtwin.plant.layout.PlantLayout;
import org.ssbtwin.plant.layout.RampUp;
import org.ssbtwin.plant.physics.ProcessConditions;
import org.ssbtwin.plant.physics.ProcessPhysics;
import org.ssbtwin.plant.sim.LineSimulation;
import org.ssbtwin.plant.sim.PlantEventSink;
import org.ssbtwin.plant.sim.PlantKpis;
import org.ssbtwin.plant.sim.ScrapShare;
import org.ssbtwin.plant.sim.SimulationOptions;
import org.ssbtwin.core.quality.ManufacturingFactors;
import org.ssbtwin.core.quality.SeriesCellProfile;

/**
 * Runs a scenario in a sandbox (plain objects only: no actors, no journal): baseline and scenario arms with common
 * random numbers, so that their difference comes from the change and not from noise.
 *
 * <p><b>Plant</b>: the base layout at steady state ({@link RampUp#steady}) and the changed layout are simulated with
 * the same seed for {@code plantWarmupDays + plantDays}; KPIs are taken over the last {@code plantDays}.
 *
 * <p><b>Fleet</b>: pack {@code i} derives independent random streams from {@code (seed, i)} only: attributes and
 * re-assignment draws, production lot, one stream per cell (so rejection sampling of one cell never shifts the
 * numbers of the next), hazard budget, and daily usage. Both arms use the same streams; the scenario arm differs
 * only by its changes: cells made under the scenario's process conditions (lamination temperature, dew point, via
 * {@link ProcessPhysics#sampleManufacturingFactors}), usage adjusted (climate shift, distance, target SOC), and
 * packs re-assigned to taxi / DC-heavy with their own uniform (only as many packs as the new share needs). Packs are
 * aggregated in integer histograms and fixed-point sums merged by exact addition, so the result does not depend on
 * the thread count. A scenario without changes therefore gives exactly zero difference.
 *
 * <p>Assumed (no public source): per-pack production-lot offsets of the lamination temperature (sigma 1.5 K) and
 * dew point (sigma 2 K) around the setpoints; live packs keep their made cells (a plant change does not touch them,
 * its field effect is shown on a new-production cohort).
 */
public final class ScenarioEngine {
    static final double LOT_LAMINATION_SIGMA_C = org.ssbtwin.fleet.usage.DefaultCellQualitySource.LOT_LAMINATION_SIGMA_C;
    static final double LOT_DEW_POINT_SIGMA_C = org.ssbtwin.fleet.usage.DefaultCellQualitySource.LOT_DEW_POINT_SIGMA_C;
    static final int FIELD_EFFECT_YEAR = 8;
    /** Packs of the new-production cohort for the field effect of a live base (at most). */
    static final int LIVE_FIELD_COHORT = 1000;
    private static final int CHUNK = 64;

    private ScenarioEngine() {
    }

    /**
     * @param threads fleet worker threads (>= 1); the result does not depend on it
     * @param plantWarmupDays simulated days before the plant KPIs window (steady state)
     * @param plantDays days of the plant KPIs window
     */
    public record Options(int threads, int plantWarmupDays, int plantDays) {
        public static final Options DEFAULT = new Options(2, 2, 7);

        public Options {
            if (threads < 1 || plantWarmupDays < 0 || plantDays < 1) {
                throw new IllegalArgumentException("threads >= 1, plantWarmupDays >= 0, plantDays >= 1 required");
            }
        }
    }

    /** Progress callback, fraction 0..1 (may be called from several threads). */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = f -> { };

        void update(double fraction);
    }

    public static ScenarioComparison run(Scenario scenario, ScenarioBase base, Options options) {
        return run(scenario, base, options, Progress.NONE, () -> false);
    }

    /** Runs both arms; throws {@link CancellationException} when {@code cancelled} turns true. */
    public static ScenarioComparison run(Scenario scenario, ScenarioBase base, Options options, Progress progress,
                                         BooleanSupplier cancelled) {
        Progress prog = progress == null ? Progress.NONE : progress;
        BooleanSupplier cancel = cancelled == null ? () -> false : cancelled;
        if (base.live() && scenario.population() != null && base.livePacks().isEmpty()) {
            throw new InvalidScenarioException("population", "the population matches no live pack");
        }
        PlantLayout basePlant = base.plant().withRampUp(RampUp.steady(base.plant().rampUp().sop()));
        PlantLayout scenPlant = scenario.plant().applyTo(basePlant);
        long seed = scenario.seed();

        // --- plant, both arms with the same seed ---
        double plantWeight = 0.2;
        PlantOutcome[] plant = runPlant(basePlant, scenPlant, seed, options, cancel,
                f -> prog.update(plantWeight * f));
        PlantComparison plantCmp = comparePlant(base.plant().name(), options.plantDays(), plant[0], plant[1]);

        // --- fleet ---
        Arms arms = new Arms(scenario, base, basePlant, scenPlant);
        int horizon = scenario.horizonYears();
        int n = base.live() ? base.livePacks().size() : scenario.population().sampleSize();
        double fleetWeight = base.live() ? 0.6 : 0.8;
        Acc[] fleet = runFleet(arms, base.live(), n, horizon, seed, options.threads(), cancel,
                f -> prog.update(plantWeight + fleetWeight * f));
        FleetComparison fleetCmp = compareFleet(n, horizon, fleet);

        // --- field effect of the plant change ---
        FieldEffect effect;
        int year = Math.min(FIELD_EFFECT_YEAR, horizon);
        Compared fpy = Compared.of(plant[0].firstPassYield(), plant[1].firstPassYield());
        if (!base.live()) {
            effect = fieldEffect("population", n, year, horizon, fpy, fleet);
        } else {
            int m = Math.min(LIVE_FIELD_COHORT, scenario.population().sampleSize());
            Acc[] cohort = runFleet(arms, false, m, year, seed ^ 0x5EEDC0DEL, options.threads(), cancel,
                    f -> prog.update(plantWeight + fleetWeight + 0.2 * f));
            effect = fieldEffect("new-production", m, year, year, fpy, cohort);
        }
        prog.update(1.0);
        return new ScenarioComparison(scenario.name(), scenario.base(), seed, horizon, plantCmp, fleetCmp, effect);
    }

    // ------------------------------------------------------------------------------------------------ plant

    static PlantOutcome[] runPlant(PlantLayout basePlant, PlantLayout scenPlant, long seed, Options o,
                                   BooleanSupplier cancel, Progress progress) {
        long plantSeed = mix64(seed ^ 0x504C414E54L);
        PlantOutcome[] out = new PlantOutcome[2];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicInteger daysDone = new AtomicInteger();
        int total = 2 * (o.plantWarmupDays() + o.plantDays());
        Runnable scenarioArm = () -> {
            try {
                out[1] = simulatePlant(scenPlant, plantSeed, o, cancel, () -> progress.update(daysDone.incrementAndGet() / (double) total));
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        };
        Thread t = null;
        if (o.threads() > 1) {
            t = new Thread(scenarioArm, "what-if-plant");
            t.setDaemon(true);
            t.start();
        }
        try {
            out[0] = simulatePlant(basePlant, plantSeed, o, cancel, () -> progress.update(daysDone.incrementAndGet() / (double) total));
        } catch (Throwable e) {
            failure.compareAndSet(null, e);
        }
        if (t == null) {
            if (failure.get() == null) {
                scenarioArm.run();
            }
        } else {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure.compareAndSet(null, new CancellationException("interrupted"));
            }
        }
        rethrow(failure.get());
        return out;
    }

    static PlantOutcome simulatePlant(PlantLayout layout, long seed, Options o, BooleanSupplier cancel, Runnable dayDone) {
        Instant start = layout.rampUp().sop();
        LineSimulation sim = new LineSimulation(layout, seed, start, SimulationOptions.BENCHMARK);
        int day = 0;
        for (int d = 1; d <= o.plantWarmupDays(); d++, day++) {
            checkCancel(cancel);
            sim.advanceTo(start.plus(d, ChronoUnit.DAYS), PlantEventSink.NONE);
            dayDone.run();
        }
        sim.resetStatistics();
        for (int d = 1; d <= o.plantDays(); d++) {
            checkCancel(cancel);
            sim.advanceTo(start.plus(day + d, ChronoUnit.DAYS), PlantEventSink.NONE);
            dayDone.run();
        }
        PlantKpis k = sim.kpis();
        Map<String, Long> scrap = new HashMap<>();
        for (ScrapShare s : k.scrapPareto()) {
            scrap.merge(s.cause().name(), s.count(), Long::sum);
        }
        return new PlantOutcome(k.gwhPerYear(), k.firstPassYield(), k.cellsCompleted(), scrap,
                k.bottleneck() == null ? null : k.bottleneck().value());
    }

    static PlantComparison comparePlant(String layout, int days, PlantOutcome b, PlantOutcome s) {
        Map<String, Long> d = new HashMap<>();
        for (String c : b.scrapByCause().keySet()) {
            d.put(c, s.scrapByCause().getOrDefault(c, 0L) - b.scrapByCause().get(c));
        }
        for (String c : s.scrapByCause().keySet()) {
            d.putIfAbsent(c, s.scrapByCause().get(c));
        }
        boolean moved = b.bottleneck() == null ? s.bottleneck() != null : !b.bottleneck().equals(s.bottleneck());
        return new PlantComparison(layout, days, b, s, new PlantComparison.Delta(s.gwhPerYear() - b.gwhPerYear(),
                s.firstPassYield() - b.firstPassYield(), s.cellsCompleted() - b.cellsCompleted(), d, moved));
    }

    // ------------------------------------------------------------------------------------------------ fleet

    /** Everything the workers share (immutable). */
    static final class Arms {
        final Scenario scenario;
        final ScenarioBase base;
        final FleetSpec spec;
        final SsbAgeingModel model;
        final PlantLayout[] plants;
        final ProcessConditions[] conditions;
        final double[] cumV;
        final double[] cumC;
        final double[] cumA;
        final double[] cumH;
        final LocalDate prodFrom;
        final long windowDays;
        final double taxiBase;
        final double dcBase;
        final double[] cumNonTaxi;
        final double[] cumNonDc;

        Arms(Scenario scenario, ScenarioBase base, PlantLayout basePlant, PlantLayout scenPlant) {
            this.scenario = scenario;
            this.base = base;
            this.spec = base.fleet();
            this.model = new SsbAgeingModel(spec.ageing());
            this.plants = new PlantLayout[] {basePlant, scenPlant};
            this.conditions = new ProcessConditions[] {ProcessConditions.fromLayout(basePlant),
                ProcessConditions.fromLayout(scenPlant)};
            FleetMix mix = spec.mix();
            Population pop = scenario.population();
            Map<VehicleModel, Double> vm = pop.vehicleModel() == null ? mix.vehicleModels() : Map.of(pop.vehicleModel(), 1.0);
            Map<Climate, Double> cl = pop.climate() == null ? mix.climates() : Map.of(pop.climate(), 1.0);
            cumV = cumulative(vm, VehicleModel.values());
            cumC = cumulative(cl, Climate.values());
            cumA = cumulative(mix.archetypes(), DriverArchetype.values());
            cumH = cumulative(mix.chargingHabits(), ChargingHabit.values());
            LocalDate from = spec.productionStart();
            LocalDate to = spec.productionEnd();
            if (!base.live()) {
                if (pop.productionFrom() != null && pop.productionFrom().isAfter(from)) {
                    from = pop.productionFrom();
                }
                if (pop.productionTo() != null && pop.productionTo().isBefore(to)) {
                    to = pop.productionTo();
                }
                if (to.isBefore(from)) {
                    throw new InvalidScenarioException("population.productionFrom", "the production window ["
                            + pop.productionFrom() + ", " + pop.productionTo() + "] does not overlap the fleet's ["
                            + spec.productionStart() + ", " + spec.productionEnd() + "]");
                }
            }
            prodFrom = from;
            windowDays = ChronoUnit.DAYS.between(from, to) + 1;
            if (base.live()) {
                long taxis = base.livePacks().stream().filter(p -> p.archetype() == DriverArchetype.RIDE_HAILING_TAXI).count();
                long dc = base.livePacks().stream().filter(p -> p.habit() == ChargingHabit.DC_HEAVY).count();
                taxiBase = taxis / (double) base.livePacks().size();
                dcBase = dc / (double) base.livePacks().size();
            } else {
                taxiBase = mix.archetypes().getOrDefault(DriverArchetype.RIDE_HAILING_TAXI, 0.0);
                dcBase = mix.chargingHabits().getOrDefault(ChargingHabit.DC_HEAVY, 0.0);
            }
            Map<DriverArchetype, Double> nonTaxi = new EnumMap<>(mix.archetypes());
            nonTaxi.remove(DriverArchetype.RIDE_HAILING_TAXI);
            cumNonTaxi = nonTaxi.values().stream().mapToDouble(Double::doubleValue).sum() > 0
                    ? cumulative(nonTaxi, DriverArchetype.values()) : null;
            Map<ChargingHabit, Double> nonDc = new EnumMap<>(mix.chargingHabits());
            nonDc.remove(ChargingHabit.DC_HEAVY);
            cumNonDc = nonDc.values().stream().mapToDouble(Double::doubleValue).sum() > 0
                    ? cumulative(nonDc, ChargingHabit.values()) : null;
        }
    }

    static Acc[] runFleet(Arms arms, boolean live, int n, int years, long seed, int threads, BooleanSupplier cancel,
                          Progress progress) {
        List<FleetWorker> workers = PackMonteCarlo.run(n, threads, CHUNK,
                t -> new FleetWorker(new PackRunner(arms, live, years, seed), new Acc[] {new Acc(years), new Acc(years)}),
                "what-if-fleet", cancel, done -> progress.update(done / (double) n));
        Acc[] total = workers.get(0).acc();
        for (int t = 1; t < workers.size(); t++) {
            total[0].add(workers.get(t).acc()[0]);
            total[1].add(workers.get(t).acc()[1]);
        }
        return total;
    }

    /** One Monte-Carlo worker: its two-arm pack runner and the accumulators (baseline, scenario) it fills. */
    private record FleetWorker(PackRunner runner, Acc[] acc) implements PackMonteCarlo.Worker {
        @Override
        public void simulate(int packIndex) {
            runner.simulate(packIndex, acc);
        }
    }

    /** Per-thread simulator of one pack in both arms, with reusable scratch. */
    static final class PackRunner {
        private final Arms arms;
        private final boolean live;
        private final int years;
        private final long seed;
        private final PackCells cells = new PackCells(128);
        private final SsbPackState state = new SsbPackState();
        private final PackDay day = new PackDay();
        private final UsageGenerator gen = new UsageGenerator();

        PackRunner(Arms arms, boolean live, int years, long seed) {
            this.arms = arms;
            this.live = live;
            this.years = years;
            this.seed = seed;
        }

        void simulate(int i, Acc[] acc) {
            long ps = mix64(seed ^ mix64(0x9E3779B97F4A7C15L * (i + 1L)));
            SplittableRandom attr = new SplittableRandom(mix64(ps ^ 0xA77L));
            VehicleModel v;
            Climate c;
            DriverArchetype a;
            ChargingHabit h;
            LocalDate produced;
            LocalDate serviceStart;
            LivePack lp = null;
            if (live) {
                lp = arms.base.livePacks().get(i);
                v = lp.vehicleModel();
                c = lp.climate();
                a = lp.archetype();
                h = lp.habit();
                produced = lp.producedOn();
                serviceStart = lp.today();
            } else {
                v = VehicleModel.values()[pick(arms.cumV, attr.nextDouble())];
                c = Climate.values()[pick(arms.cumC, attr.nextDouble())];
                a = DriverArchetype.values()[pick(arms.cumA, attr.nextDouble())];
                h = ChargingHabit.values()[pick(arms.cumH, attr.nextDouble())];
                produced = arms.prodFrom.plusDays(attr.nextLong(arms.windowDays));
                serviceStart = produced.plusDays(arms.spec.deliveryLagDays());
            }
            double uTaxi = attr.nextDouble();
            double uTaxiPick = attr.nextDouble();
            double uDc = attr.nextDouble();
            double uDcPick = attr.nextDouble();
            double budget = -Math.log(1.0 - attr.nextDouble());
            SplittableRandom lot = new SplittableRandom(mix64(ps ^ 0x107L));
            double lamOffset = LOT_LAMINATION_SIGMA_C * lot.nextGaussian();
            double dewOffset = LOT_DEW_POINT_SIGMA_C * lot.nextGaussian();
            long usageSeed = mix64(ps ^ 0x05A6EL);
            FleetChanges fc = arms.scenario.fleet();
            for (int arm = 0; arm < 2; arm++) {
                DriverArchetype aa = a;
                ChargingHabit hh = h;
                if (arm == 1) {
                    if (fc.taxiShare() != null) {
                        aa = reassign(a, DriverArchetype.RIDE_HAILING_TAXI, arms.taxiBase, fc.taxiShare(), uTaxi,
                                uTaxiPick, arms.cumNonTaxi, DriverArchetype.values(), DriverArchetype.COMMUTER);
                    }
                    if (fc.dcFastChargeShare() != null) {
                        hh = reassign(h, ChargingHabit.DC_HEAVY, arms.dcBase, fc.dcFastChargeShare(), uDc, uDcPick,
                                arms.cumNonDc, ChargingHabit.values(), ChargingHabit.HOME_AC);
                    }
                }
                // cells: live packs keep their own; new packs are made under this arm's process conditions
                cells.clear();
                double irfSum = 0;
                int series = v.packDesign().seriesElements();
                if (live) {
                    SeriesCellProfile made = lp.cells() == null ? SeriesCellProfile.nominal(series) : lp.cells();
                    cells.load(arms.model.parameters(), made);
                    irfSum = made.sumInterfaceResistance();
                } else {
                    ProcessConditions pc = arms.conditions[arm];
                    ProcessConditions lotPc = pc.withLaminationTemperature(pc.laminationTemperatureC() + lamOffset)
                            .withDewPoint(pc.dewPointC() + dewOffset);
                    PlantLayout plant = arms.plants[arm];
                    int nCells = arms.spec.sampledCellsPerPack() > 0 ? Math.min(series, arms.spec.sampledCellsPerPack()) : series;
                    for (int k = 0; k < nCells; k++) {
                        SplittableRandom cr = new SplittableRandom(mix64(ps + 0xC3A5C85C97CB3127L * (k + 1L)));
                        ManufacturingFactors f = ProcessPhysics.sampleManufacturingFactors(lotPc, plant.cellDesign(),
                                plant.physics(), cr);
                        cells.add(arms.model.parameters(), f);
                        irfSum += f.interfaceResistanceFactor();
                    }
                }
                SsbPackState s = state;
                s.reset(budget);
                AgeingSnapshot snap = live ? lp.ageing() : null;
                if (snap != null) {
                    s.continueFrom(snap);
                    s.failed = snap.observedFailure() || s.hazard > s.hazardBudget;
                }
                arms.model.refresh(s, cells);
                gen.reset(new SplittableRandom(usageSeed), v, c, aa, hh, arms.spec.thermal(),
                        serviceStart.getDayOfWeek().getValue() - 1, Math.min(364, serviceStart.getDayOfYear() - 1));
                gen.adjust(fc.climateShiftC() == null || arm == 0 ? 0.0 : fc.climateShiftC(),
                        fc.dailyDistanceFactor() == null || arm == 0 ? 1.0 : fc.dailyDistanceFactor(),
                        fc.targetSoc() == null || arm == 0 ? Double.NaN : fc.targetSoc(), Double.NaN);
                acc[arm].countPack(irfSum / Math.max(1, cells.size()));
                age(s, acc[arm]);
            }
        }

        private void age(SsbPackState s, Acc acc) {
            WarrantyTerms w = arms.spec.warranty();
            int wDays = w.years() * 365;
            double wKm = w.km();
            double thr = w.sohThreshold();
            boolean claimed = s.capacity < thr && s.days <= wDays && s.km <= wKm;
            boolean left = PackRetirement.leavesService(s.capacity, s.failed);
            double leftSoh = s.capacity;
            PackDay d = day;
            UsageGenerator g = gen;
            SsbAgeingModel m = arms.model;
            PackCells pc = cells;
            for (int y = 0; y < years; y++) {
                for (int k = 0; k < 365; k++) {
                    g.next(d, s.capacity);
                    m.step(s, pc, d);
                    if (!claimed && (s.capacity < thr || s.failed) && s.days <= wDays && s.km <= wKm) {
                        claimed = true;
                    }
                    if (!left && PackRetirement.leavesService(s.capacity, s.failed)) {
                        left = true;
                        leftSoh = s.capacity;
                    }
                }
                m.refresh(s, pc);
                if (!claimed && s.capacity < thr && s.days <= wDays && s.km <= wKm) {
                    claimed = true;
                }
                if (!left && PackRetirement.leavesService(s.capacity, s.failed)) {
                    left = true;
                    leftSoh = s.capacity;
                }
                acc.record(y, s, claimed, left ? leftSoh : s.capacity);
            }
        }
    }

    /** Moves a pack into / out of {@code target} so that its share goes from {@code from} to {@code to}. */
    static <E extends Enum<E>> E reassign(E current, E target, double from, double to, double u, double uPick,
                                          double[] cumOthers, E[] values, E fallback) {
        if (to > from && current != target) {
            return u < (to - from) / (1.0 - from) ? target : current;
        }
        if (to < from && current == target) {
            if (u < (from - to) / from) {
                return cumOthers == null ? fallback : values[pick(cumOthers, uPick)];
            }
        }
        return current;
    }

    /** Exact, order-independent aggregation of one arm. */
    static final class Acc {
        final int years;
        final BinnedHistogram soh;
        final long[] alive;
        final long[] below80;
        final long[] below70;
        final long[] claims;
        final long[] sohMicro;
        long packs;
        long irfNano;

        Acc(int years) {
            this.years = years;
            soh = BinnedHistogram.soh(years);
            alive = new long[years];
            below80 = new long[years];
            below70 = new long[years];
            claims = new long[years];
            sohMicro = new long[years];
        }

        void countPack(double meanIrf) {
            packs++;
            irfNano += Math.round(meanIrf * 1e9);
        }

        /**
         * Same bookkeeping as the fleet study ({@link PackRetirement}): every pack enters the SoH histogram and mean,
         * a pack that left service at the SoH it left with; {@code alive} counts packs still in service.
         */
        void record(int y, SsbPackState s, boolean claimed, double sohForPercentiles) {
            soh.add(y, sohForPercentiles);
            sohMicro[y] += Math.round(sohForPercentiles * 1e6);
            if (s.failed || s.capacity < PackRetirement.SOH) {
                below80[y]++;
                below70[y]++;
            } else {
                alive[y]++;
                if (s.capacity < 0.8) {
                    below80[y]++;
                }
                if (s.capacity < 0.7) {
                    below70[y]++;
                }
            }
            if (claimed) {
                claims[y]++;
            }
        }

        void add(Acc o) {
            soh.addAll(o.soh);
            for (int y = 0; y < years; y++) {
                alive[y] += o.alive[y];
                below80[y] += o.below80[y];
                below70[y] += o.below70[y];
                claims[y] += o.claims[y];
                sohMicro[y] += o.sohMicro[y];
            }
            packs += o.packs;
            irfNano += o.irfNano;
        }

        double percentile(int y, double p) {
            return soh.percentile(y, packs, p);
        }

        ArmYear year(int y) {
            double n = Math.max(1, packs);
            return new ArmYear(percentile(y, 0.05), percentile(y, 0.5), percentile(y, 0.95),
                    packs == 0 ? Double.NaN : sohMicro[y] / 1e6 / packs,
                    below80[y] / n, below70[y] / n, claims[y] / n);
        }

        double meanIrf() {
            return packs == 0 ? Double.NaN : irfNano / 1e9 / packs;
        }
    }

    static FleetComparison compareFleet(int n, int years, Acc[] acc) {
        List<FleetYear> rows = new ArrayList<>();
        for (int y = 0; y < years; y++) {
            rows.add(new FleetYear(y + 1, acc[0].year(y), acc[1].year(y)));
        }
        long cb = acc[0].claims[years - 1];
        long cs = acc[1].claims[years - 1];
        return new FleetComparison(n, rows, Compared.of(cb, cs), Compared.of(cb / (double) n, cs / (double) n));
    }

    static FieldEffect fieldEffect(String cohort, int n, int year, int years, Compared fpy, Acc[] acc) {
        ArmYear b = acc[0].year(year - 1);
        ArmYear s = acc[1].year(year - 1);
        Compared p50 = Compared.of(b.p50(), s.p50());
        return new FieldEffect(cohort, n, year, fpy, Compared.of(acc[0].meanIrf(), acc[1].meanIrf()), p50,
                Compared.of(b.meanSoh(), s.meanSoh()), year == FIELD_EFFECT_YEAR ? p50 : null);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static <E extends Enum<E>> double[] cumulative(Map<E, Double> shares, E[] values) {
        return org.ssbtwin.fleet.usage.FleetMix.cumulative(shares, values);
    }

    private static int pick(double[] cum, double u) {
        return org.ssbtwin.fleet.usage.FleetMix.pick(cum, u);
    }

    private static long mix64(long z) {
        return org.ssbtwin.fleet.usage.Stats.mix64(z);
    }

    private static void checkCancel(BooleanSupplier cancel) {
        if (cancel.getAsBoolean()) {
            throw new CancellationException("scenario cancelled");
        }
    }

    private static void rethrow(Throwable f) {
        if (f instanceof RuntimeException re) {
            throw re;
        }
        if (f instanceof Error err) {
            throw err;
        }
        if (f != null) {
            throw new IllegalStateException(f);
        }
    }
}
