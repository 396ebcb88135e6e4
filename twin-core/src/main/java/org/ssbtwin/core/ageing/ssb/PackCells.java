package org.ssbtwin.core.ageing.ssb;

import java.util.List;
import org.ssbtwin.core.quality.ManufacturingFactors;

/**
 * Per-cell ageing coefficients of one pack's series cells, derived from each cell's {@link ManufacturingFactors}.
 *
 * <p>The model keeps the stress-driven ageing states (calendar loss, cycle loss) for a nominal cell; all cells
 * of a pack share the pack's temperature and current (assumption: uniform pack temperature, the ceramic cells
 * conduct heat well, DOMAIN 1.2), and each cell's manufacturing factors act as pure multipliers. Hence
 * cell i's capacity is exactly {@code c0[i] - mCal[i]*qCal - mCyc[i]*qCyc} and its relative resistance
 * {@code a[i] + b[i]*G}; the pack capacity (weakest series element) is the minimum over cells and the pack
 * resistance the sum. Mutable and reusable: {@link #load} / {@link #finish} allocate nothing.
 */
public final class PackCells {
    private double[] c0;
    private double[] mCal;
    private double[] mCyc;
    private int n;
    private double sumA;
    private double sumB;
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

    public void clear() {
        n = 0;
        sumA = 0; sumB = 0; sumSeverity = 0; maxSeverity = 0; sumLaminationC = 0; sumDewPointC = 0;
    }

    public void add(SsbAgeingParameters p, ManufacturingFactors f) {
        add(p, f.interfaceResistanceFactor(), f.moistureExposure(), f.latentDefectSeverity(),
                f.laminationTemperatureC(), f.dewPointC());
    }

    public void add(SsbAgeingParameters p, double irf, double moisture, double severity,
                    double laminationC, double dewPointC) {
        if (n == c0.length) {
            int len = c0.length * 2;
            c0 = java.util.Arrays.copyOf(c0, len);
            mCal = java.util.Arrays.copyOf(mCal, len);
            mCyc = java.util.Arrays.copyOf(mCyc, len);
        }
        c0[n] = 1.0 - p.capacityPerInterfaceFactor() * (irf - 1.0);
        mCal[n] = 1.0 + p.moistureCalendarCoefficient() * moisture;
        mCyc[n] = 1.0 + p.interfaceCycleCoefficient() * Math.max(0.0, irf - 1.0);
        sumA += irf;
        sumB += irf * irf * (1.0 + p.moistureResistanceCoefficient() * moisture);
        sumSeverity += severity;
        if (severity > maxSeverity) {
            maxSeverity = severity;
        }
        sumLaminationC += laminationC;
        sumDewPointC += dewPointC;
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

    /** Cell {@code i}'s capacity relative to rated. */
    public double cellCapacity(int i, double qCal, double qCyc) {
        return Math.max(0.0, c0[i] - mCal[i] * qCal - mCyc[i] * qCyc);
    }

    /** Pack resistance relative to a pack of nominal new cells = sum of cell resistances / n. */
    public double resistance(double growth) {
        return (sumA + sumB * growth) / n;
    }

    public int size() {
        return n;
    }

    public double sumSeverity() {
        return sumSeverity;
    }

    public double maxSeverity() {
        return maxSeverity;
    }

    public double meanLaminationC() {
        return n == 0 ? Double.NaN : sumLaminationC / n;
    }

    public double meanDewPointC() {
        return n == 0 ? Double.NaN : sumDewPointC / n;
    }
}
