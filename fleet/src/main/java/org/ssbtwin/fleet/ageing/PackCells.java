package org.ssbtwin.fleet.ageing;

import java.util.List;
import org.ssbtwin.core.quality.ManufacturingFactors;
import org.ssbtwin.core.quality.SeriesCellProfile;

/**
 * Per-cell ageing coefficients of one pack's series cells, derived from each cell's {@link ManufacturingFactors}.
 *
 * <p>The model keeps the stress-driven ageing states (calendar loss, cycle loss) for a nominal cell; all cells
 * of a pack share the pack's temperature and current (assumption: uniform pack temperature, the ceramic cells
 * conduct heat well, DOMAIN 1.2), and each cell's manufacturing factors act as pure multipliers. Hence
 * cell i's capacity is exactly {@code c0[i] - mCal[i]*qCal - mCyc[i]*qCyc} and its relative resistance
 * {@code a[i] + b[i]*G}; the pack capacity (weakest series element) is the minimum over cells and the pack
 * resistance the sum. Built from every cell ({@link #of(SsbAgeingModel, List)}, {@link #add}) or from a pack's
 * {@link SeriesCellProfile} (the resident live twin), with identical results. Mutable and reusable: {@link #clear} /
 * {@link #add} allocate nothing once the arrays are large enough.
 */
public final class PackCells {
    private double[] c0;
    private double[] mCal;
    private double[] mCyc;
    private int n;
    private double sumA;
    /** sum of irf^2 and of irf^2 * moisture: resistance growth = (sum2 + k * sum2Moisture), k from the model. */
    private double sum2;
    private double sum2Moisture;
    private double moistureResistanceCoefficient;
    /** Cells counted in the sums; {@code n} cells hold capacity coefficients (fewer when built from a profile). */
    private int counted;
    private double sumSeverity;
    private double maxSeverity;
    private double sumLaminationC;
    private double sumDewPointC;

    public PackCells(int capacity) {
        c0 = new double[Math.max(1, capacity)];
        mCal = new double[c0.length];
        mCyc = new double[c0.length];
    }

    /** Builds the coefficients of a real pack's cells (live twin). */
    public static PackCells of(SsbAgeingModel model, List<ManufacturingFactors> cells) {
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("a pack needs at least one cell");
        }
        PackCells pc = new PackCells(cells.size());
        pc.clear();
        for (ManufacturingFactors f : cells) {
            pc.add(model.parameters(), f.interfaceResistanceFactor(), f.moistureExposure(),
                    f.latentDefectSeverity(), f.laminationTemperatureC(), f.dewPointC());
        }
        return pc;
    }

    /**
     * Builds the coefficients from a pack's {@link SeriesCellProfile}: the same capacity, resistance and defect sums
     * as {@link #of(SsbAgeingModel, List)} over all its cells, bit for bit (see the profile for why).
     */
    public static PackCells of(SsbAgeingModel model, SeriesCellProfile profile) {
        PackCells pc = new PackCells(profile.candidates().size());
        pc.load(model.parameters(), profile);
        return pc;
    }

    /** Replaces the cells by those of {@code profile} (reuses the arrays). */
    public void load(SsbAgeingParameters p, SeriesCellProfile profile) {
        clear();
        for (ManufacturingFactors f : profile.candidates()) addCapacity(p, f.interfaceResistanceFactor(), f.moistureExposure());
        counted = profile.cells();
        sumA = profile.sumInterfaceResistance();
        sum2 = profile.sumInterfaceResistanceSquared();
        sum2Moisture = profile.sumInterfaceResistanceSquaredMoisture();
        sumSeverity = profile.sumLatentDefectSeverity();
        maxSeverity = profile.maxLatentDefectSeverity();
        sumLaminationC = profile.sumLaminationTemperatureC();
        sumDewPointC = profile.sumDewPointC();
    }

    public void clear() {
        n = 0;
        counted = 0;
        sumA = 0; sum2 = 0; sum2Moisture = 0; sumSeverity = 0; maxSeverity = 0; sumLaminationC = 0; sumDewPointC = 0;
    }

    public void add(SsbAgeingParameters p, ManufacturingFactors f) {
        add(p, f.interfaceResistanceFactor(), f.moistureExposure(), f.latentDefectSeverity(),
                f.laminationTemperatureC(), f.dewPointC());
    }

    public void add(SsbAgeingParameters p, double irf, double moisture, double severity,
                    double laminationC, double dewPointC) {
        addCapacity(p, irf, moisture);
        sumA += irf;
        sum2 += irf * irf;
        sum2Moisture += irf * irf * moisture;
        sumSeverity += severity;
        if (severity > maxSeverity) {
            maxSeverity = severity;
        }
        sumLaminationC += laminationC;
        sumDewPointC += dewPointC;
        counted++;
    }

    private void addCapacity(SsbAgeingParameters p, double irf, double moisture) {
        moistureResistanceCoefficient = p.moistureResistanceCoefficient();
        if (n == c0.length) {
            int len = c0.length * 2;
            c0 = java.util.Arrays.copyOf(c0, len);
            mCal = java.util.Arrays.copyOf(mCal, len);
            mCyc = java.util.Arrays.copyOf(mCyc, len);
        }
        c0[n] = 1.0 - p.capacityPerInterfaceFactor() * (irf - 1.0);
        mCal[n] = 1.0 + p.moistureCalendarCoefficient() * moisture;
        mCyc[n] = 1.0 + p.interfaceCycleCoefficient() * Math.max(0.0, irf - 1.0);
        n++;
    }

    /** Pack capacity relative to rated = weakest series cell. */
    public double capacity(double qCal, double qCyc) {
        double min = Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            double c = c0[i] - mCal[i] * qCal - mCyc[i] * qCyc;
            if (c < min) {
                min = c;
            }
        }
        return Math.max(0.0, min);
    }

    /**
     * Capacity relative to rated of the {@code i}-th cell holding capacity coefficients (all cells when built from a
     * list, the weakest candidates when built from a profile).
     */
    public double cellCapacity(int i, double qCal, double qCyc) {
        return Math.max(0.0, c0[i] - mCal[i] * qCal - mCyc[i] * qCyc);
    }

    /** Pack resistance relative to a pack of nominal new cells = sum of cell resistances / cells. */
    public double resistance(double growth) {
        return (sumA + (sum2 + moistureResistanceCoefficient * sum2Moisture) * growth) / counted;
    }

    /** Series cells of the pack. */
    public int size() {
        return counted;
    }

    /** Cells holding capacity coefficients (see {@link #cellCapacity}). */
    public int capacityCells() {
        return n;
    }

    public double sumSeverity() {
        return sumSeverity;
    }

    public double maxSeverity() {
        return maxSeverity;
    }

    public double meanLaminationC() {
        return counted == 0 ? Double.NaN : sumLaminationC / counted;
    }

    public double meanDewPointC() {
        return counted == 0 ? Double.NaN : sumDewPointC / counted;
    }
}
