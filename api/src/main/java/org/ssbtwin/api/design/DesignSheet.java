package org.ssbtwin.api.design;

import java.util.List;
import org.ssbtwin.fleet.design.CellDatasheet;
import org.ssbtwin.fleet.design.DesignCatalogue;
import org.ssbtwin.fleet.design.PackArchitecture;

/**
 * What {@code GET /api/v1/designs} answers and {@code twin designs} prints: the cell and, per pack architecture, its
 * cells, series, parallel, voltages, Ah and kWh (the sum of its cells) against the published kWh.
 */
public record DesignSheet(Cell cell, List<Pack> packs, String source) {

    public record Cell(String name, int inlaysPerCell, double capacityAh, double nominalVoltageV, double minVoltageV,
                       double maxVoltageV, double energyWh, double resistanceMilliOhm, Double massKg) {}

    public record Pack(String id, String vehicle, String label, String format, int cells, int series, int parallel,
                       double nominalVoltageV, double minVoltageV, double maxVoltageV, double ampHours, double energyKWh,
                       double publishedKWh, double deviationPercent) {}

    public static DesignSheet of(DesignCatalogue d) {
        CellDatasheet c = d.cell();
        Cell cell = new Cell(c.name(), c.inlaysPerCell(), c.capacityAh(), round(c.nominalVoltageV(), 3), round(c.minVoltageV(), 3),
                round(c.maxVoltageV(), 3), round(c.energyWh(), 3), round(c.resistanceMilliOhm(), 4), c.massKg());
        List<Pack> packs = d.packs().stream().map(p -> new Pack(p.id(), p.vehicle(), p.label(), p.format().name(), p.cells(),
                p.series(), p.parallel(), round(p.nominalVoltageV(), 3), round(p.minVoltageV(), 3), round(p.maxVoltageV(), 3),
                round(p.ampHours(), 3), round(p.energyKWh(), 3), p.publishedKWh(), round(100 * p.deviationFromPublished(), 2))).toList();
        return new DesignSheet(cell, packs, DesignCatalogue.RESOURCE);
    }

    public static DesignSheet bundled() {
        return of(DesignCatalogue.bundled());
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
