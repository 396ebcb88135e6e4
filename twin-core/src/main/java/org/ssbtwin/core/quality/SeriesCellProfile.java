package org.ssbtwin.core.quality;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.ssbtwin.core.quality.CompactCellLists;

/**
 * What the pack ageing model needs from a pack's series cells, kept exactly and small: a resident pack twin holds
 * this instead of one {@link ManufacturingFactors} per cell (112 for a VF 8: 4.5 KB per pack even as doubles, so a
 * million resident packs would not fit a 4 GB heap). Each cell's factors stay in its own cell twin and in the pack's
 * {@code Assembled} event; this profile is derived from all of them.
 *
 * <p>Why it is exact. In the model (PackCells) cell i's capacity is
 * {@code c0(irf) - mCal(moisture)*qCal - mCyc(irf)*qCyc} with {@code c0} non-increasing in the interface-resistance
 * factor {@code irf}, {@code mCal} non-decreasing in the moisture exposure and {@code mCyc} non-decreasing in
 * {@code irf} (every model coefficient is >= 0, checked by SsbAgeingParameters), and {@code qCal, qCyc >= 0}.
 * So a cell with no more {@code irf} and no more moisture than another cell is never below it: the weakest series
 * cell is always one of the cells on the Pareto front of (irf, moisture) — typically 1 to 8 of 112 cells. Those
 * {@link #candidates} are kept with their positions; the rest of the model only needs sums (pack resistance, defect
 * hazard) and the maximum defect severity, accumulated in cell order so that they are bit-identical to summing over
 * the full list.
 *
 * @param cells number of series cells
 * @param candidates the cells that can be the weakest, in pack order (their full factors)
 * @param candidatePositions their positions in the pack (0-based, same order)
 * @param sumInterfaceResistance sum over all cells of irf
 * @param sumInterfaceResistanceSquared sum of irf^2
 * @param sumInterfaceResistanceSquaredMoisture sum of irf^2 * moistureExposure
 * @param sumLatentDefectSeverity sum of latentDefectSeverity
 * @param maxLatentDefectSeverity max of latentDefectSeverity
 * @param sumLaminationTemperatureC sum of laminationTemperatureC (mean = sum / cells)
 * @param sumDewPointC sum of dewPointC
 */
public record SeriesCellProfile(int cells, List<ManufacturingFactors> candidates, int[] candidatePositions,
                                double sumInterfaceResistance, double sumInterfaceResistanceSquared,
                                double sumInterfaceResistanceSquaredMoisture, double sumLatentDefectSeverity,
                                double maxLatentDefectSeverity, double sumLaminationTemperatureC, double sumDewPointC) {

    @JsonCreator
    public SeriesCellProfile(@JsonProperty("cells") int cells,
                             @JsonProperty("candidates") List<ManufacturingFactors> candidates,
                             @JsonProperty("candidatePositions") int[] candidatePositions,
                             @JsonProperty("sumInterfaceResistance") double sumInterfaceResistance,
                             @JsonProperty("sumInterfaceResistanceSquared") double sumInterfaceResistanceSquared,
                             @JsonProperty("sumInterfaceResistanceSquaredMoisture") double sumInterfaceResistanceSquaredMoisture,
                             @JsonProperty("sumLatentDefectSeverity") double sumLatentDefectSeverity,
                             @JsonProperty("maxLatentDefectSeverity") double maxLatentDefectSeverity,
                             @JsonProperty("sumLaminationTemperatureC") double sumLaminationTemperatureC,
                             @JsonProperty("sumDewPointC") double sumDewPointC) {
        if (cells < 1) throw new IllegalArgumentException("a pack needs at least one cell, was " + cells);
        if (candidates == null || candidates.isEmpty() || candidatePositions == null
                || candidatePositions.length != candidates.size() || candidates.size() > cells) {
            throw new IllegalArgumentException("candidates: one position per candidate, 1.." + cells + " of them");
        }
        for (int p : candidatePositions) {
            if (p < 0 || p >= cells) throw new IllegalArgumentException("candidate position " + p + " outside 0.." + (cells - 1));
        }
        this.cells = cells;
        this.candidates = CompactCellLists.factors(candidates);
        this.candidatePositions = candidatePositions.clone();
        this.sumInterfaceResistance = sumInterfaceResistance;
        this.sumInterfaceResistanceSquared = sumInterfaceResistanceSquared;
        this.sumInterfaceResistanceSquaredMoisture = sumInterfaceResistanceSquaredMoisture;
        this.sumLatentDefectSeverity = sumLatentDefectSeverity;
        this.maxLatentDefectSeverity = maxLatentDefectSeverity;
        this.sumLaminationTemperatureC = sumLaminationTemperatureC;
        this.sumDewPointC = sumDewPointC;
    }

    /** The profile of these cells (pack order). */
    public static SeriesCellProfile of(List<ManufacturingFactors> cells) {
        int n = cells.size();
        if (n == 0) throw new IllegalArgumentException("a pack needs at least one cell");
        double sA = 0, s2 = 0, s2m = 0, sSev = 0, maxSev = 0, sLam = 0, sDew = 0;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            ManufacturingFactors f = cells.get(i);
            double irf = f.interfaceResistanceFactor();
            sA += irf;
            s2 += irf * irf;
            s2m += irf * irf * f.moistureExposure();
            sSev += f.latentDefectSeverity();
            if (f.latentDefectSeverity() > maxSev) maxSev = f.latentDefectSeverity();
            sLam += f.laminationTemperatureC();
            sDew += f.dewPointC();
            order[i] = i;
        }
        // Pareto front of (irf, moisture), both "more is weaker": by irf descending, then moisture descending, then
        // position; a cell is kept only if its moisture beats every cell with at least its irf
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -cells.get(i).interfaceResistanceFactor())
                .thenComparingDouble(i -> -cells.get(i).moistureExposure()).thenComparingInt(i -> i));
        boolean[] keep = new boolean[n];
        double maxMoisture = Double.NEGATIVE_INFINITY;
        for (Integer i : order) {
            double m = cells.get(i).moistureExposure();
            if (m > maxMoisture) {
                keep[i] = true;
                maxMoisture = m;
            }
        }
        List<ManufacturingFactors> kept = new ArrayList<>();
        int[] positions = new int[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                kept.add(cells.get(i));
                positions[k++] = i;
            }
        }
        return new SeriesCellProfile(n, kept, Arrays.copyOf(positions, k), sA, s2, s2m, sSev, maxSev, sLam, sDew);
    }

    /** {@code n} cells made exactly at nominal setpoints. */
    public static SeriesCellProfile nominal(int n) {
        return of(java.util.Collections.nCopies(n, ManufacturingFactors.NOMINAL));
    }

    @JsonIgnore
    public double meanLaminationTemperatureC() {
        return sumLaminationTemperatureC / cells;
    }

    @JsonIgnore
    public double meanDewPointC() {
        return sumDewPointC / cells;
    }

    @JsonIgnore
    public double meanInterfaceResistanceFactor() {
        return sumInterfaceResistance / cells;
    }

    @Override
    public int[] candidatePositions() {
        return candidatePositions.clone();
    }

    /** Position in the pack of candidate {@code k}. */
    public int candidatePosition(int k) {
        return candidatePositions[k];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SeriesCellProfile p && cells == p.cells && candidates.equals(p.candidates)
                && Arrays.equals(candidatePositions, p.candidatePositions)
                && Double.compare(sumInterfaceResistance, p.sumInterfaceResistance) == 0
                && Double.compare(sumInterfaceResistanceSquared, p.sumInterfaceResistanceSquared) == 0
                && Double.compare(sumInterfaceResistanceSquaredMoisture, p.sumInterfaceResistanceSquaredMoisture) == 0
                && Double.compare(sumLatentDefectSeverity, p.sumLatentDefectSeverity) == 0
                && Double.compare(maxLatentDefectSeverity, p.maxLatentDefectSeverity) == 0
                && Double.compare(sumLaminationTemperatureC, p.sumLaminationTemperatureC) == 0
                && Double.compare(sumDewPointC, p.sumDewPointC) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * cells + candidates.hashCode()) + Arrays.hashCode(candidatePositions)
                + Double.hashCode(sumInterfaceResistance) + Double.hashCode(sumInterfaceResistanceSquaredMoisture);
    }

    @Override
    public String toString() {
        return "SeriesCellProfile[cells=" + cells + ", candidates at " + Arrays.toString(candidatePositions) + "]";
    }
}
