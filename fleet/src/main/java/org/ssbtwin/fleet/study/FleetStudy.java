package org.ssbtwin.fleet.study;
import org.ssbtwin.fleet.usage.Stats;

import org.ssbtwin.fleet.usage.ChargingHabit;
import org.ssbtwin.fleet.usage.Climate;
import org.ssbtwin.fleet.usage.DriverArchetype;
import org.ssbtwin.fleet.usage.FleetMix;
import org.ssbtwin.fleet.usage.FleetSpec;
import org.ssbtwin.fleet.usage.PackLot;
import org.ssbtwin.fleet.usage.UsageGenerator;
import org.ssbtwin.fleet.usage.VehicleModel;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.ssbtwin.fleet.ageing.PackCells;
import org.ssbtwin.fleet.ageing.PackDay;
import org.ssbtwin.fleet.ageing.SsbAgeingModel;
import org.ssbtwin.fleet.ageing.SsbPackState;
import org.ssbtwin.fleet.ageing.WarrantyTerms;
import org.ssbtwin.fleet.ageing.PackRetirement;
import org.ssbtwin.fleet.ageing.PackCells;
import org.ssbtwin.fleet.ageing.PackDay;
import org.ssbtwin.fleet.ageing.SsbAgeingModel;
import org.ssbtwin.fleet.ageing.SsbPackState;
import org.ssbtwin.fleet.ageing.WarrantyTerms;

/**
 * Monte-Carlo fleet ageing study.
 *
 * <p>Determinism: pack {@code i} uses only {@code new SplittableRandom(mix64(seed, i))}; packs are simulated
 * independently and aggregated into per-thread integer histograms and fixed-point long sums, which are merged by
 * exact addition. Hence the result is bit-identical for any thread count.
 *
 * <p>Each pack: attributes drawn from the mix, production date uniform in the production window, a production
 * lot and every series cell drawn from the {@link CellQualitySource} (or {@code sampledCellsPerPack} cells),
 * service start = production + delivery lag, then {@code years * 365} daily steps (no leap days).
 */
public final class FleetStudy {
    public static final String DIM_ALL = "ALL";
    public static final String DIM_VEHICLE = "VEHICLE_MODEL";
    public static final String DIM_CLIMATE = "CLIMATE";
    public static final String DIM_ARCHETYPE = "ARCHETYPE";
    public static final String DIM_HABIT = "CHARGING_HABIT";
    public static final String DIM_PRODUCTION_MONTH = "PRODUCTION_MONTH";
    public static final String DIM_LAMINATION = "LAMINATION_BAND";

    /**
     * Capacity (fraction of rated) below which a pack leaves vehicle service: replaced, or repurposed for second
     * life ({@link PackRetirement}, the rule shared with the what-if engine). Retired and failed packs keep the SoH
     * and resistance they left with in every later percentile (no survivorship bias), count as below 80 % / 70 %,
     * and are reported as retired / failed shares; {@code alive / packs} is the survival curve.
     */
    public static final double RETIREMENT_SOH = PackRetirement.SOH;

    /** Packs per Monte-Carlo chunk: progress is reported and cancellation polled per chunk. */
    private static final int CHUNK = 256;
    static final double RES_MIN = 0.8;
    static final double RES_BIN = 0.002;
    static final int RES_BINS = 2000;          // 0.8 .. 4.8
    /** Lamination bands: 2 K wide from 114 to 126 degC, plus under/overflow. */
    static final double LAM_LO = 114.0;
    static final double LAM_W = 2.0;
    static final int LAM_BANDS = 8;

    private FleetStudy() {
    }

    /**
     * Runs the study.
     *
     * @param threads worker threads (>= 1); the result does not depend on it
     * @param progress progress callback (called per chunk of 256 packs)
     * @param cancelled polled per chunk; when true the run stops with {@link CancellationException}
     */
    public static FleetStudyResult run(FleetSpec spec, long seed, int threads, StudyProgress progress,
                                       BooleanSupplier cancelled) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        Layout layout = new Layout(spec);
        SsbAgeingModel model = new SsbAgeingModel(spec.ageing());
        StudyProgress prog = progress == null ? StudyProgress.NONE : progress;
        BooleanSupplier cancel = cancelled == null ? () -> false : cancelled;
        List<StudyWorker> workers = PackMonteCarlo.run(spec.packs(), threads, CHUNK,
                t -> new StudyWorker(new PackSimulator(spec, model, layout, seed), new Accumulator(layout)),
                "fleet-study", cancel, done -> prog.packsDone(done, spec.packs()));
        Accumulator total = workers.get(0).acc();
        for (int t = 1; t < workers.size(); t++) {
            total.add(workers.get(t).acc());
        }
        return total.toResult(spec, seed);
    }

    /** One Monte-Carlo worker: its pack simulator and the accumulator it fills. */
    private record StudyWorker(PackSimulator sim, Accumulator acc) implements PackMonteCarlo.Worker {
        @Override
        public void simulate(int packIndex) {
            sim.simulate(packIndex, acc);
        }
    }

    /** Convenience: no progress, never cancelled. */
    public static FleetStudyResult run(FleetSpec spec, long seed, int threads) {
        return run(spec, seed, threads, StudyProgress.NONE, () -> false);
    }

    static SplittableRandom packRandom(long seed, int packIndex) {
        return new SplittableRandom(Stats.mix64(seed ^ Stats.mix64(0x9E3779B97F4A7C15L * (packIndex + 1L))));
    }

    /** Cohort index layout. */
    static final class Layout {
        final int years;
        final int months;
        final int nCohorts;
        final String[] dims;
        final String[] labels;
        final int vOff;
        final int cOff;
        final int aOff;
        final int hOff;
        final int mOff;
        final int lOff;
        final YearMonth firstMonth;

        Layout(FleetSpec spec) {
            years = spec.years();
            firstMonth = YearMonth.from(spec.productionStart());
            months = (int) ChronoUnit.MONTHS.between(firstMonth, YearMonth.from(spec.productionEnd())) + 1;
            vOff = 1;
            cOff = vOff + VehicleModel.values().length;
            aOff = cOff + Climate.values().length;
            hOff = aOff + DriverArchetype.values().length;
            mOff = hOff + ChargingHabit.values().length;
            lOff = mOff + months;
            nCohorts = lOff + LAM_BANDS;
            dims = new String[nCohorts];
            labels = new String[nCohorts];
            dims[0] = DIM_ALL;
            labels[0] = DIM_ALL;
            for (VehicleModel v : VehicleModel.values()) {
                dims[vOff + v.ordinal()] = DIM_VEHICLE;
                labels[vOff + v.ordinal()] = v.name();
            }
            for (Climate c : Climate.values()) {
                dims[cOff + c.ordinal()] = DIM_CLIMATE;
                labels[cOff + c.ordinal()] = c.name();
            }
            for (DriverArchetype a : DriverArchetype.values()) {
                dims[aOff + a.ordinal()] = DIM_ARCHETYPE;
                labels[aOff + a.ordinal()] = a.name();
            }
            for (ChargingHabit h : ChargingHabit.values()) {
                dims[hOff + h.ordinal()] = DIM_HABIT;
                labels[hOff + h.ordinal()] = h.name();
            }
            for (int m = 0; m < months; m++) {
                dims[mOff + m] = DIM_PRODUCTION_MONTH;
                labels[mOff + m] = firstMonth.plusMonths(m).toString();
            }
            for (int b = 0; b < LAM_BANDS; b++) {
                dims[lOff + b] = DIM_LAMINATION;
                labels[lOff + b] = laminationBandLabel(b);
            }
        }

        static int laminationBand(double t) {
            if (!(t >= LAM_LO)) {
                return 0;
            }
            int b = 1 + (int) ((t - LAM_LO) / LAM_W);
            return Math.min(LAM_BANDS - 1, b);
        }

        static String laminationBandLabel(int b) {
            if (b == 0) {
                return String.format(java.util.Locale.ROOT, "<%.0fC", LAM_LO);
            }
            if (b == LAM_BANDS - 1) {
                return String.format(java.util.Locale.ROOT, ">=%.0fC", LAM_LO + (LAM_BANDS - 2) * LAM_W);
            }
            double lo = LAM_LO + (b - 1) * LAM_W;
            return String.format(java.util.Locale.ROOT, "%.0f-%.0fC", lo, lo + LAM_W);
        }
    }

    /** Per-thread simulator with reusable scratch. */
    static final class PackSimulator {
        private final FleetSpec spec;
        private final SsbAgeingModel model;
        private final Layout layout;
        private final long seed;
        private final double[] cumV;
        private final double[] cumC;
        private final double[] cumA;
        private final double[] cumH;
        private final long windowDays;
        private final PackCells cells = new PackCells(128);
        private final SsbPackState state = new SsbPackState();
        private final PackDay day = new PackDay();
        private final UsageGenerator gen = new UsageGenerator();
        private final int[] cohorts = new int[7];

        PackSimulator(FleetSpec spec, SsbAgeingModel model, Layout layout, long seed) {
            this.spec = spec;
            this.model = model;
            this.layout = layout;
            this.seed = seed;
            FleetMix mix = spec.mix();
            cumV = FleetMix.cumulative(mix.vehicleModels(), VehicleModel.values());
            cumC = FleetMix.cumulative(mix.climates(), Climate.values());
            cumA = FleetMix.cumulative(mix.archetypes(), DriverArchetype.values());
            cumH = FleetMix.cumulative(mix.chargingHabits(), ChargingHabit.values());
            windowDays = ChronoUnit.DAYS.between(spec.productionStart(), spec.productionEnd()) + 1;
        }

        void simulate(int packIndex, Accumulator acc) {
            SplittableRandom rng = packRandom(seed, packIndex);
            VehicleModel v = VehicleModel.values()[FleetMix.pick(cumV, rng.nextDouble())];
            Climate c = Climate.values()[FleetMix.pick(cumC, rng.nextDouble())];
            DriverArchetype a = DriverArchetype.values()[FleetMix.pick(cumA, rng.nextDouble())];
            ChargingHabit h = ChargingHabit.values()[FleetMix.pick(cumH, rng.nextDouble())];
            LocalDate produced = spec.productionStart().plusDays(rng.nextLong(windowDays));
            PackLot lot = spec.cellQuality().lot(rng, produced);
            int series = v.packDesign().seriesElements();
            int n = spec.sampledCellsPerPack() > 0 ? Math.min(series, spec.sampledCellsPerPack()) : series;
            cells.clear();
            for (int k = 0; k < n; k++) {
                cells.add(model.parameters(), spec.cellQuality().nextCell(rng, lot));
            }
            double budget = -Math.log(1.0 - rng.nextDouble());
            state.reset(budget);
            model.refresh(state, cells);
            LocalDate service = produced.plusDays(spec.deliveryLagDays());
            gen.reset(rng, v, c, a, h, spec.thermal(), service.getDayOfWeek().getValue() - 1,
                    Math.min(364, service.getDayOfYear() - 1));
            int month = (int) ChronoUnit.MONTHS.between(layout.firstMonth, YearMonth.from(produced));
            cohorts[0] = 0;
            cohorts[1] = layout.vOff + v.ordinal();
            cohorts[2] = layout.cOff + c.ordinal();
            cohorts[3] = layout.aOff + a.ordinal();
            cohorts[4] = layout.hOff + h.ordinal();
            cohorts[5] = layout.mOff + Math.max(0, Math.min(layout.months - 1, month));
            cohorts[6] = layout.lOff + Layout.laminationBand(cells.meanLaminationC());
            acc.countPack(cohorts);

            WarrantyTerms w = spec.warranty();
            int wDays = w.years() * 365;
            double wKm = w.km();
            double thr = w.sohThreshold();
            int claimYear = -1;
            boolean left = false;
            boolean leftFailed = false;
            double leftSoh = 1.0;
            double leftRes = 1.0;
            SsbPackState s = state;
            PackDay d = day;
            UsageGenerator g = gen;
            SsbAgeingModel m = model;
            PackCells pc = cells;
            for (int y = 0; y < layout.years; y++) {
                for (int k = 0; k < 365; k++) {
                    g.next(d, s.capacity);
                    m.step(s, pc, d);
                    if (claimYear < 0 && (s.capacity < thr || s.failed) && s.days <= wDays && s.km <= wKm) {
                        claimYear = y;
                    }
                    if (!left && PackRetirement.leavesService(s.capacity, s.failed)) {
                        left = true;
                        leftFailed = s.failed;
                        leftSoh = s.capacity;
                        leftRes = s.resistance;
                    }
                }
                m.refresh(s, pc);
                if (claimYear < 0 && s.capacity < thr && s.days <= wDays && s.km <= wKm) {
                    claimYear = y;
                }
                if (!left && PackRetirement.leavesService(s.capacity, s.failed)) {
                    left = true;
                    leftFailed = s.failed;
                    leftSoh = s.capacity;
                    leftRes = s.resistance;
                }
                acc.record(cohorts, y, s, claimYear >= 0, left ? leftSoh : s.capacity, left ? leftRes : s.resistance,
                        !left ? 0 : (leftFailed ? 1 : 2));
            }
        }
    }

    /** Exact, order-independent aggregation: int histograms and fixed-point long sums. */
    static final class Accumulator {
        final Layout l;
        final BinnedHistogram soh;
        final BinnedHistogram res;
        final long[] packs;
        final long[] alive;
        final long[] below80;
        final long[] below70;
        final long[] failed;
        final long[] retired;
        final long[] claims;
        final long[] kmMilli;
        final long[] efcMicro;
        long packDays;

        Accumulator(Layout l) {
            this.l = l;
            int cy = l.nCohorts * l.years;
            soh = BinnedHistogram.soh(cy);
            res = new BinnedHistogram(cy, RES_MIN, RES_BIN, RES_BINS);
            packs = new long[l.nCohorts];
            alive = new long[cy];
            below80 = new long[cy];
            below70 = new long[cy];
            failed = new long[cy];
            retired = new long[cy];
            claims = new long[cy];
            kmMilli = new long[cy];
            efcMicro = new long[cy];
        }

        void countPack(int[] cohorts) {
            for (int c : cohorts) {
                packs[c]++;
            }
            packDays += 365L * l.years;
        }

        /**
         * @param sohForPercentiles the pack's SoH, or the SoH it left service with (every pack enters the percentiles)
         * @param resForPercentiles likewise for the resistance
         * @param left 0 in service, 1 left by sudden failure, 2 retired below {@link #RETIREMENT_SOH} (the first
         *        reason is kept: a retired pack that the model later fails stays retired)
         */
        void record(int[] cohorts, int y, SsbPackState s, boolean claimed, double sohForPercentiles,
                    double resForPercentiles, int left) {
            int sb = soh.bin(sohForPercentiles);
            int rb = res.bin(resForPercentiles);
            long km = Math.round(s.km * 1000.0);
            long efc = Math.round(s.efcTotal * 1e6);
            for (int c : cohorts) {
                int cy = c * l.years + y;
                soh.count(cy, sb);
                res.count(cy, rb);
                if (left == 1) {
                    failed[cy]++;
                    below80[cy]++;
                    below70[cy]++;
                } else if (left == 2) {
                    retired[cy]++;
                    below80[cy]++;
                    below70[cy]++;
                } else {
                    alive[cy]++;
                    if (s.capacity < 0.8) {
                        below80[cy]++;
                    }
                    if (s.capacity < 0.7) {
                        below70[cy]++;
                    }
                }
                if (claimed) {
                    claims[cy]++;
                }
                kmMilli[cy] += km;
                efcMicro[cy] += efc;
            }
        }

        void add(Accumulator o) {
            soh.addAll(o.soh);
            res.addAll(o.res);
            for (int i = 0; i < packs.length; i++) {
                packs[i] += o.packs[i];
            }
            for (int i = 0; i < alive.length; i++) {
                alive[i] += o.alive[i];
                below80[i] += o.below80[i];
                below70[i] += o.below70[i];
                failed[i] += o.failed[i];
                retired[i] += o.retired[i];
                claims[i] += o.claims[i];
                kmMilli[i] += o.kmMilli[i];
                efcMicro[i] += o.efcMicro[i];
            }
            packDays += o.packDays;
        }

        FleetStudyResult toResult(FleetSpec spec, long seed) {
            List<CohortYearStats> rows = new ArrayList<>();
            for (int c = 0; c < l.nCohorts; c++) {
                long n = packs[c];
                if (n == 0) {
                    continue;
                }
                for (int y = 0; y < l.years; y++) {
                    int cy = c * l.years + y;
                    long al = alive[cy];
                    // percentiles over every pack that entered service (left packs at their leaving SoH)
                    rows.add(new CohortYearStats(l.dims[c], l.labels[c], y + 1, n, al,
                            soh.percentile(cy, n, 0.05),
                            soh.percentile(cy, n, 0.50),
                            soh.percentile(cy, n, 0.95),
                            res.percentile(cy, n, 0.05),
                            res.percentile(cy, n, 0.50),
                            res.percentile(cy, n, 0.95),
                            below80[cy] / (double) n, below70[cy] / (double) n, failed[cy] / (double) n,
                            claims[cy] / (double) n, efcMicro[cy] / 1e6 / n, kmMilli[cy] / 1e3 / n,
                            retired[cy] / (double) n));
                }
            }
            return new FleetStudyResult(spec.packs(), spec.years(), seed, spec.startDate().toString(),
                    spec.cellQuality().label(), packDays, rows);
        }
    }
}
