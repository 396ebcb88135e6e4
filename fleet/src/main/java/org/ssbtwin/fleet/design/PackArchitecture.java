package org.ssbtwin.fleet.design;

import java.util.ArrayList;
import java.util.List;
import org.ssbtwin.core.quality.ManufacturingFactors;
import org.ssbtwin.fleet.ageing.PackDesign;

/**
 * How one vehicle model's pack is built from the plant's cells: {@code series} series elements, each of
 * {@code parallel} cells in parallel. Cells are numbered in pack order: series element k holds cells
 * {@code k*parallel .. k*parallel+parallel-1}. The split is assumed (VinFast does not publish it, DOMAIN 4); see
 * {@code designs.conf} and docs/cells-and-packs.md.
 *
 * @param id architecture id (a vehicle model name, or a variant such as {@code VF9-123})
 * @param vehicle the vehicle model this pack goes into
 * @param label what the pack is called in reports
 * @param format CIM or CIP
 * @param series series elements
 * @param parallel cells in parallel in each series element
 * @param publishedKWh the vehicle maker's published pack energy (DOMAIN 4 / docs/domain.md)
 * @param cell the cell the pack is built from
 */
public record PackArchitecture(String id, String vehicle, String label, PackFormat format, int series, int parallel,
                               double publishedKWh, CellDatasheet cell) {
    public PackArchitecture {
        if (id == null || !id.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,31}")) throw new IllegalArgumentException("id must match [A-Za-z0-9][A-Za-z0-9_-]{0,31}, was " + id);
        if (vehicle == null || vehicle.isBlank()) throw new IllegalArgumentException("vehicle must not be blank");
        if (label == null || label.isBlank()) throw new IllegalArgumentException("label must not be blank");
        if (format == null) throw new IllegalArgumentException("format must be CIM or CIP");
        if (series < 1 || series > 1000) throw new IllegalArgumentException("series must be in 1..1000, was " + series);
        if (parallel < 1 || parallel > 64) throw new IllegalArgumentException("parallel must be in 1..64, was " + parallel);
        if (!(publishedKWh > 0) || !Double.isFinite(publishedKWh)) throw new IllegalArgumentException("publishedKWh must be > 0, was " + publishedKWh);
        if (cell == null) throw new IllegalArgumentException("cell must be given");
    }

    /** Cells in one pack. */
    public int cells() { return series * parallel; }

    public double nominalVoltageV() { return series * cell.nominalVoltageV(); }

    public double minVoltageV() { return series * cell.minVoltageV(); }

    public double maxVoltageV() { return series * cell.maxVoltageV(); }

    /** Pack capacity with nominal cells: the parallel cells of a series element add. */
    public double ampHours() { return parallel * cell.capacityAh(); }

    /** Pack energy: the sum of its cells' energy. */
    public double energyKWh() { return cells() * cell.energyWh() / 1000.0; }

    /** Pack energy relative to the published figure, minus 1 (0.01 = 1 % above). */
    public double deviationFromPublished() { return energyKWh() / publishedKWh - 1.0; }

    /**
     * What the ageing model needs: one series element = its {@code parallel} cells, so an element has
     * {@code parallel x cell Ah} at the cell's voltage, and the pack's energy is that of its cells.
     */
    public PackDesign packDesign() { return new PackDesign(energyKWh(), series, cell.nominalVoltageV()); }

    /**
     * Capacity of a pack of real cells: the capacities of the parallel cells of a series element add, and the
     * weakest series element limits the pack.
     *
     * @param cellCapacitiesAh every cell's capacity, in pack order ({@link #cells()} of them)
     */
    public double capacityAh(double[] cellCapacitiesAh) {
        if (cellCapacitiesAh.length != cells()) {
            throw new IllegalArgumentException("a " + id + " pack has " + cells() + " cells, got " + cellCapacitiesAh.length);
        }
        double weakest = Double.POSITIVE_INFINITY;
        for (int k = 0; k < series; k++) {
            double element = 0;
            for (int j = 0; j < parallel; j++) element += cellCapacitiesAh[k * parallel + j];
            weakest = Math.min(weakest, element);
        }
        return weakest;
    }

    /** Energy of a pack of real cells at nominal voltage: its capacity (weakest series element) times its voltage. */
    public double energyKWh(double[] cellCapacitiesAh) {
        return capacityAh(cellCapacitiesAh) * nominalVoltageV() / 1000.0;
    }

    /**
     * The pack's series elements as the ageing model sees them, each the equivalent of its parallel cells (assumed
     * equivalence): the element's relative resistance is that of its cells in parallel ({@code p / sum(1/irf)}),
     * so a weak cell's share of the element shrinks with {@code parallel}; moisture exposure, lamination temperature
     * and dew point are the cells' means (pack means unchanged); latent-defect severities add (a short in any cell
     * shorts the element, and the pack's defect sum is unchanged).
     *
     * @param cells every cell's factors, in pack order ({@link #cells()} of them)
     */
    public List<ManufacturingFactors> seriesElements(List<ManufacturingFactors> cells) {
        if (cells.size() != cells()) {
            throw new IllegalArgumentException("a " + id + " pack has " + cells() + " cells, got " + cells.size());
        }
        if (parallel == 1) return cells;
        List<ManufacturingFactors> elements = new ArrayList<>(series);
        for (int k = 0; k < series; k++) {
            double conductance = 0, moisture = 0, severity = 0, lamination = 0, dewPoint = 0;
            for (int j = 0; j < parallel; j++) {
                ManufacturingFactors f = cells.get(k * parallel + j);
                conductance += 1.0 / f.interfaceResistanceFactor();
                moisture += f.moistureExposure();
                severity += f.latentDefectSeverity();
                lamination += f.laminationTemperatureC();
                dewPoint += f.dewPointC();
            }
            elements.add(new ManufacturingFactors(parallel / conductance, moisture / parallel, severity,
                    lamination / parallel, dewPoint / parallel));
        }
        return elements;
    }
}
