package org.ssbtwin.fleet.ageing;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.core.quality.ManufacturingFactors;

/**
 * Live-twin ageing state of one real pack, built from its real cells' {@link ManufacturingFactors} (every series
 * cell: pack capacity = weakest cell exactly, resistance = sum). Advanced one day at a time from a generated
 * {@link PackDay} or a {@link DailyTelemetry} summary; {@link #advance(PackDay)} allocates nothing.
 *
 * <p>Sudden failure from latent defects is not sampled here (the live twin observes failures); instead
 * {@link #suddenFailureProbability()} = 1 - exp(-cumulative hazard). Not thread-safe.
 */
public final class PackAgeingState {
    private static final int[] MONTH_OF_DOY = new int[365];
    private static final int F_DAYS = 0, F_KM = 1, F_KWH = 2, F_SOC = 3, F_DOD = 4, F_DC = 5, F_C = 6, F_T = 7,
            F_TCH = 8, F_N = AgeingChange.SUMS_PER_MONTH;

    static {
        int[] len = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        int d = 0;
        for (int m = 0; m < 12; m++) {
            for (int k = 0; k < len[m]; k++) {
                MONTH_OF_DOY[d++] = m;
            }
        }
    }

    private final PackId packId;
    private final SsbAgeingModel model;
    private final PackDesign design;
    private final PackCells cells;
    private final LocalDate serviceStart;
    private final WarrantyTerms warranty;
    private final SsbPackState state = new SsbPackState();
    private final PackDay scratch = new PackDay();
    /**
     * Usage sums per calendar month [12][F_N], accumulated at float precision (they only feed projections; see
     * AgeingSnapshot), so that snapshot and restore are exact whatever the batching of the telemetry.
     */
    private final float[] monthly = new float[12 * F_N];
    private int dayOfYear;
    private boolean observedFailure;
    /** Bit m set: the usage sums of calendar month m changed since creation or the last restore. */
    private int touchedMonths;

    private PackAgeingState(PackId packId, SsbAgeingModel model, PackDesign design, PackCells cells,
                            LocalDate serviceStart, WarrantyTerms warranty) {
        this.packId = Objects.requireNonNull(packId, "packId");
        this.model = Objects.requireNonNull(model, "model");
        this.design = Objects.requireNonNull(design, "design");
        this.cells = cells;
        this.serviceStart = Objects.requireNonNull(serviceStart, "serviceStart");
        this.warranty = Objects.requireNonNull(warranty, "warranty");
        state.reset(Double.POSITIVE_INFINITY);
        model.refresh(state, cells);
        dayOfYear = Math.min(364, serviceStart.getDayOfYear() - 1);
    }

    /**
     * @param cells the pack's real series cells (size should equal {@code design.seriesElements()}; a shorter list
     *        is treated as a sample of the pack)
     */
    public static PackAgeingState create(PackId packId, PackDesign design, List<ManufacturingFactors> cells,
                                         LocalDate serviceStart, WarrantyTerms warranty, SsbAgeingModel model) {
        return new PackAgeingState(packId, model, design, PackCells.of(model, cells), serviceStart, warranty);
    }

    /** The same, from the pack's cell profile (what a resident pack twin holds): identical results. */
    public static PackAgeingState create(PackId packId, PackDesign design, org.ssbtwin.core.quality.SeriesCellProfile cells,
                                         LocalDate serviceStart, WarrantyTerms warranty, SsbAgeingModel model) {
        return new PackAgeingState(packId, model, design, PackCells.of(model, cells), serviceStart, warranty);
    }

    /** A pack of nominal cells. */
    public static PackAgeingState nominal(PackId packId, PackDesign design, LocalDate serviceStart) {
        return create(packId, design, java.util.Collections.nCopies(design.seriesElements(),
                ManufacturingFactors.NOMINAL), serviceStart, WarrantyTerms.STANDARD, SsbAgeingModel.DEFAULT);
    }

    /** Advances one day from a generated (or pre-converted) day. Allocation-free. */
    public void advance(PackDay d) {
        model.step(state, cells, d);
        model.refresh(state, cells); // live twin: exact weakest-cell capacity every day (O(cells), no allocation)
        int month = MONTH_OF_DOY[dayOfYear];
        touchedMonths |= 1 << month;
        int o = month * F_N;
        monthly[o + F_DAYS] = (float) (monthly[o + F_DAYS] + 1);
        monthly[o + F_KM] = (float) (monthly[o + F_KM] + d.km);
        monthly[o + F_KWH] = (float) (monthly[o + F_KWH] + d.dischargeKWh);
        monthly[o + F_SOC] = (float) (monthly[o + F_SOC] + d.meanSoc);
        monthly[o + F_DOD] = (float) (monthly[o + F_DOD] + d.dod);
        monthly[o + F_DC] = (float) (monthly[o + F_DC] + d.dcShare);
        monthly[o + F_C] = (float) (monthly[o + F_C] + d.maxChargeC);
        monthly[o + F_T] = (float) (monthly[o + F_T] + d.meanCellTempC);
        monthly[o + F_TCH] = (float) (monthly[o + F_TCH] + d.chargeCellTempC);
        dayOfYear = dayOfYear == 364 ? 0 : dayOfYear + 1;
    }

    /** Advances one day from a telemetry summary. */
    public void advance(DailyTelemetry t) {
        PackDay d = scratch;
        double capKWh = design.ratedKWh() * Math.max(0.05, state.capacity);
        d.km = t.km();
        if (Double.isNaN(t.efc())) {
            d.dischargeKWh = t.dischargeKWh();
            d.efc = t.dischargeKWh() / capKWh;
        } else {
            d.efc = t.efc();
            d.dischargeKWh = t.efc() * capKWh;
        }
        d.meanSoc = 0.5 * (t.minSoc() + t.maxSoc());
        d.dod = Math.max(t.maxSoc() - t.minSoc(), Math.min(1.0, d.efc));
        d.dcShare = d.dischargeKWh > 0 ? Math.min(1.0, t.dcFastChargeKWh() / d.dischargeKWh)
                : (t.dcFastChargeKWh() > 0 ? 1.0 : 0.0);
        d.maxChargeC = !Double.isNaN(t.maxChargeC()) ? t.maxChargeC()
                : (d.dcShare > 0 ? 1.5 : 11.0 / design.ratedKWh());
        d.meanCellTempC = t.meanCellTempC();
        d.chargeCellTempC = t.meanCellTempC();
        d.ambientC = t.meanCellTempC();
        dayOfYear = Math.min(364, t.date().getDayOfYear() - 1);
        advance(d);
    }

    /** The whole state as an immutable value (see {@link #restore}). */
    public AgeingSnapshot snapshot() {
        List<Double> m = org.ssbtwin.core.quality.CompactCellLists.floats(monthly);
        return new AgeingSnapshot(state.qCal, state.qCyc, state.hazard, state.days, state.efcTotal, state.throughputKWh,
                state.km, state.dcKWh, state.capacity, state.resistance, dayOfYear, observedFailure, m);
    }

    /**
     * The state as a change since creation or the last {@link #restore}: every scalar, and the usage sums of the
     * months advanced since (what a usage event carries; {@link AgeingChange#applyTo} on the restored snapshot gives
     * {@link #snapshot()}).
     */
    public AgeingChange changeSinceRestore() {
        int n = Integer.bitCount(touchedMonths);
        Integer[] months = new Integer[n];
        float[] sums = new float[n * F_N];
        int k = 0;
        for (int m = 0; m < 12; m++) {
            if ((touchedMonths & (1 << m)) == 0) continue;
            months[k] = m;
            System.arraycopy(monthly, m * F_N, sums, k * F_N, F_N);
            k++;
        }
        return new AgeingChange(state.qCal, state.qCyc, state.hazard, state.days, state.efcTotal, state.throughputKWh,
                state.km, state.dcKWh, state.capacity, state.resistance, dayOfYear, observedFailure, List.of(months),
                org.ssbtwin.core.quality.CompactCellLists.floats(sums));
    }

    /** Continues from a snapshot taken of a pack with the same cells and design. */
    public PackAgeingState restore(AgeingSnapshot s) {
        if (s.monthlyUsage().size() != monthly.length) {
            throw new IllegalArgumentException("snapshot has " + s.monthlyUsage().size() + " usage sums, expected " + monthly.length);
        }
        state.continueFrom(s);
        dayOfYear = s.dayOfYear();
        observedFailure = s.observedFailure();
        for (int i = 0; i < monthly.length; i++) monthly[i] = s.monthlyUsage().get(i).floatValue();
        touchedMonths = 0;
        model.refresh(state, cells);
        return this;
    }

    /** Records an observed sudden failure (e.g. internal short reported by the BMS). */
    public void markFailed() {
        observedFailure = true;
    }

    public PackId packId() { return packId; }
    public double capacitySoh() { return state.capacity; }
    public double resistanceRelative() { return state.resistance; }
    public double equivalentFullCycles() { return state.efcTotal; }
    public double throughputKWh() { return state.throughputKWh; }
    public double km() { return state.km; }
    public int days() { return state.days; }
    public LocalDate lastDay() { return serviceStart.plusDays(state.days - 1L); }
    public double suddenFailureProbability() { return -Math.expm1(-state.hazard); }
    public double worstSelfDischargePctPerDay() { return model.worstSelfDischargePctPerDay(state, cells); }
    /**
     * Capacity relative to rated of the {@code i}-th cell that can be the weakest (every series cell when built
     * from a list of factors, the profile's candidates when built from a profile), {@code i < capacityCells()}.
     */
    public double cellCapacity(int i) { return cells.cellCapacity(i, state.qCal, state.qCyc); }
    public int capacityCells() { return cells.capacityCells(); }
    /** Series cells of the pack. */
    public int cellCount() { return cells.size(); }

    /** Warranty status now. */
    public WarrantyStatus warrantyStatus() {
        boolean covered = warranty.covers(state.days, state.km);
        int daysLeft = Math.max(0, warranty.years() * 365 - state.days);
        double kmLeft = Math.max(0, warranty.km() - state.km);
        boolean low = state.capacity < warranty.sohThreshold();
        boolean eligible = covered && (low || observedFailure);
        String reason;
        if (!covered) {
            reason = state.days > warranty.years() * 365 ? "expired: age beyond " + warranty.years() + " years"
                    : "expired: odometer beyond " + (long) warranty.km() + " km";
        } else if (observedFailure) {
            reason = "claim: sudden failure within warranty";
        } else if (low) {
            reason = String.format(java.util.Locale.ROOT, "claim: SoH %.3f below %.2f", state.capacity,
                    warranty.sohThreshold());
        } else {
            reason = String.format(java.util.Locale.ROOT, "covered: SoH %.3f >= %.2f", state.capacity,
                    warranty.sohThreshold());
        }
        return new WarrantyStatus(covered, covered ? daysLeft : 0, covered ? kmLeft : 0, eligible, reason);
    }

    /** Projects the 80 % / 70 % dates by continuing this pack's own usage pattern (horizon 30 years). */
    public SohProjection project() {
        return project(30);
    }

    public SohProjection project(int horizonYears) {
        LocalDate asOf = lastDay();
        double totalDays = 0;
        double[] all = new double[F_N];
        double[] monthlyD = new double[monthly.length];
        for (int i = 0; i < monthly.length; i++) monthlyD[i] = monthly[i];
        for (int m = 0; m < 12; m++) {
            for (int f = 0; f < F_N; f++) {
                all[f] += monthly[m * F_N + f];
            }
        }
        totalDays = all[F_DAYS];
        SsbPackState s = new SsbPackState();
        s.copyFrom(state);
        PackDay d = new PackDay();
        LocalDate date80 = state.capacity < 0.8 ? asOf : null;
        LocalDate date70 = state.capacity < 0.7 ? asOf : null;
        int warrantyDay = warranty.years() * 365;
        double sohWarranty = Double.NaN;
        if (totalDays == 0) {
            return new SohProjection(asOf, date80, date70, horizonYears, sohWarranty);
        }
        int doy = dayOfYear;
        int horizon = horizonYears * 365;
        for (int k = 1; k <= horizon && (date70 == null || s.days < warrantyDay); k++) {
            int o = MONTH_OF_DOY[doy] * F_N;
            double[] src = monthlyD;
            double n = monthlyD[o + F_DAYS];
            if (n < 1) {
                src = all;
                o = 0;
                n = totalDays;
            }
            double kwh = src[o + F_KWH] / n;
            double cap = design.ratedKWh() * Math.max(0.05, s.capacity);
            d.km = src[o + F_KM] / n;
            d.dischargeKWh = kwh;
            d.efc = kwh / cap;
            d.meanSoc = src[o + F_SOC] / n;
            d.dod = src[o + F_DOD] / n;
            d.dcShare = src[o + F_DC] / n;
            d.maxChargeC = src[o + F_C] / n;
            d.meanCellTempC = src[o + F_T] / n;
            d.chargeCellTempC = src[o + F_TCH] / n;
            model.step(s, cells, d);
            model.refresh(s, cells);
            LocalDate date = asOf.plusDays(k);
            if (date80 == null && s.capacity < 0.8) {
                date80 = date;
            }
            if (date70 == null && s.capacity < 0.7) {
                date70 = date;
            }
            if (s.days == warrantyDay) {
                sohWarranty = s.capacity;
            }
            doy = doy == 364 ? 0 : doy + 1;
        }
        return new SohProjection(asOf, date80, date70, horizonYears, sohWarranty);
    }
}
