package org.ssbtwin.plant.cell;

/**
 * The cell and inlay design (assumed; ProLogium does not publish it). Default Dunkirk design: a bipolar cell of
 * 2 inlays in series, each inlay 53 Ah at 3.7 V nominal, so the cell is 53 Ah x 7.4 V = 0.39 kWh, the same energy
 * as the 106 Ah x 3.7 V cell shown in Taoyuan (DOMAIN 1.2); 4 GWh/yr is then ~10.2 M cells/yr (DOMAIN 6).
 * In bipolar series the cell capacity is the minimum over its inlays and the resistance is their sum.
 *
 * @param inlaysPerCell inlays stacked in series in one bipolar cell
 * @param inlayCapacityAh nominal inlay capacity
 * @param inlayVoltageV nominal inlay voltage
 * @param inlayResistanceMilliOhm nominal inlay DC resistance (assumed)
 * @param inlaysPerRoll inlay lengths per coated roll (assumed: 2,000 m roll, 1 m pitch)
 * @param cellsPerPack cells in one CIP pack
 */
public record CellDesign(int inlaysPerCell, double inlayCapacityAh, double inlayVoltageV,
                         double inlayResistanceMilliOhm, int inlaysPerRoll, int cellsPerPack) {

    public CellDesign {
        if (inlaysPerCell < 1 || inlaysPerCell > 64) throw new IllegalArgumentException("inlaysPerCell must be in 1..64, was " + inlaysPerCell);
        if (!(inlayCapacityAh > 0)) throw new IllegalArgumentException("inlayCapacityAh must be > 0, was " + inlayCapacityAh);
        if (!(inlayVoltageV > 0)) throw new IllegalArgumentException("inlayVoltageV must be > 0, was " + inlayVoltageV);
        if (!(inlayResistanceMilliOhm > 0)) throw new IllegalArgumentException("inlayResistanceMilliOhm must be > 0, was " + inlayResistanceMilliOhm);
        if (inlaysPerRoll < 1) throw new IllegalArgumentException("inlaysPerRoll must be >= 1, was " + inlaysPerRoll);
        if (cellsPerPack < 1) throw new IllegalArgumentException("cellsPerPack must be >= 1, was " + cellsPerPack);
    }

    public static final CellDesign DUNKIRK = new CellDesign(2, 53.0, 3.7, 1.2, 2000, 192);

    public double cellCapacityAh() { return inlayCapacityAh; }

    public double cellVoltageV() { return inlaysPerCell * inlayVoltageV; }

    public double cellResistanceMilliOhm() { return inlaysPerCell * inlayResistanceMilliOhm; }

    public double cellEnergyKWh() { return cellCapacityAh() * cellVoltageV() / 1000.0; }

    public double packEnergyKWh() { return cellsPerPack * cellEnergyKWh(); }
}
