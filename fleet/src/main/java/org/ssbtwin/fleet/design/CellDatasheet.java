package org.ssbtwin.fleet.design;

import org.ssbtwin.plant.cell.CellDesign;

/**
 * The electrical rating of the cell the plant makes: a bipolar stack of {@code inlaysPerCell} inlays in series, so
 * the cell has the inlay's capacity and {@code inlaysPerCell} times its voltages. Values and sources in
 * {@code designs.conf} (every one assumed: ProLogium does not publish its cell ratings, DOMAIN 6).
 *
 * @param name what the cell is called in reports
 * @param inlaysPerCell inlays stacked in series in one cell
 * @param inlayCapacityAh nominal inlay (= cell) capacity
 * @param inlayNominalVoltageV nominal inlay voltage
 * @param inlayMinVoltageV inlay discharge cut-off voltage
 * @param inlayMaxVoltageV inlay charge cut-off voltage
 * @param inlayResistanceMilliOhm nominal inlay DC resistance
 * @param massKg cell mass when a source gives it, else null (not published for ProLogium cells)
 */
public record CellDatasheet(String name, int inlaysPerCell, double inlayCapacityAh, double inlayNominalVoltageV,
                            double inlayMinVoltageV, double inlayMaxVoltageV, double inlayResistanceMilliOhm,
                            Double massKg) {
    public CellDatasheet {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("name must not be blank");
        if (inlaysPerCell < 1 || inlaysPerCell > 64) throw new IllegalArgumentException("inlaysPerCell must be in 1..64, was " + inlaysPerCell);
        if (!(inlayCapacityAh > 0) || !Double.isFinite(inlayCapacityAh)) throw new IllegalArgumentException("inlayCapacityAh must be > 0, was " + inlayCapacityAh);
        if (!(inlayMinVoltageV > 0 && inlayMinVoltageV < inlayNominalVoltageV && inlayNominalVoltageV < inlayMaxVoltageV)
                || !Double.isFinite(inlayMaxVoltageV)) {
            throw new IllegalArgumentException("inlay voltages must satisfy 0 < min < nominal < max, were "
                    + inlayMinVoltageV + " / " + inlayNominalVoltageV + " / " + inlayMaxVoltageV);
        }
        if (!(inlayResistanceMilliOhm > 0) || !Double.isFinite(inlayResistanceMilliOhm)) {
            throw new IllegalArgumentException("inlayResistanceMilliOhm must be > 0, was " + inlayResistanceMilliOhm);
        }
        if (massKg != null && !(massKg > 0 && Double.isFinite(massKg))) throw new IllegalArgumentException("massKg must be > 0, was " + massKg);
    }

    /** Cell capacity: the inlays are in series, so the cell has one inlay's Ah. */
    public double capacityAh() { return inlayCapacityAh; }

    public double nominalVoltageV() { return inlaysPerCell * inlayNominalVoltageV; }

    public double minVoltageV() { return inlaysPerCell * inlayMinVoltageV; }

    public double maxVoltageV() { return inlaysPerCell * inlayMaxVoltageV; }

    public double resistanceMilliOhm() { return inlaysPerCell * inlayResistanceMilliOhm; }

    /** Nominal cell energy, Wh. */
    public double energyWh() { return capacityAh() * nominalVoltageV(); }

    /** The plant's production design of this cell: rolls of {@code inlaysPerRoll} inlays, {@code cellsPerPack} per pack. */
    public CellDesign plantDesign(int inlaysPerRoll, int cellsPerPack) {
        return new CellDesign(inlaysPerCell, inlayCapacityAh, inlayNominalVoltageV, inlayResistanceMilliOhm, inlaysPerRoll, cellsPerPack);
    }
}
