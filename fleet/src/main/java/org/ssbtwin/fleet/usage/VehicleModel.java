package org.ssbtwin.fleet.usage;

import org.ssbtwin.fleet.ageing.PackDesign;
import org.ssbtwin.fleet.design.DesignCatalogue;
import org.ssbtwin.fleet.design.PackArchitecture;

/**
 * VinFast-like vehicle models (docs/domain.md section 4). Consumption figures are derived from published pack size and
 * WLTP/EPA range (battery kWh / range) unless marked assumed. The pack (cells in series x parallel) comes from
 * designs.conf ({@link DesignCatalogue}); the DC peak C-rate is assumed.
 */
public enum VehicleModel {
    /** VF 3 mini: 18.64 kWh (VinFast spec sheet, docs/domain.md 4); 10.5 kWh/100 km assumed. */
    VF3("VF 3", 10.5, true, 1.3, 7.4),
    /** VF 5: 37.23 kWh (VinFast spec sheet, docs/domain.md 4); 12.5 kWh/100 km assumed. */
    VF5("VF 5", 12.5, true, 1.3, 7.4),
    /** VF 6: 59.6 kWh, WLTP 399 km -> 14.9 kWh/100 km (derived), DOMAIN 4. */
    VF6("VF 6", 14.9, false, 1.7, 11.0),
    /** VF 7: 75.3 kWh, WLTP 450 km -> 16.7 kWh/100 km (derived), DOMAIN 4. */
    VF7("VF 7", 16.7, false, 1.7, 11.0),
    /** VF 8: 87.7 kWh usable; EPA ~387 Wh/mi = 24 kWh/100 km, DOMAIN 4. */
    VF8("VF 8", 24.0, false, 1.7, 11.0),
    /** VF 9: 92 kWh (123 kWh variant exists), WLTP 438 km -> 21.0 kWh/100 km (derived), DOMAIN 4. */
    VF9("VF 9", 21.0, false, 1.6, 11.0);

    private final String label;
    private final PackArchitecture architecture;
    private final double kWhPer100km;
    private final boolean consumptionAssumed;
    private final PackDesign design;
    private final double dcPeakC;
    private final double acChargerKW;

    VehicleModel(String label, double kWhPer100km, boolean consumptionAssumed, double dcPeakC, double acChargerKW) {
        this.label = label;
        // the pack comes from the one design source (designs.conf): its energy is the sum of its cells'
        this.architecture = DesignCatalogue.bundled().architecture(name()).orElseThrow(() -> new IllegalStateException(
                DesignCatalogue.RESOURCE + " has no pack architecture with id " + name()));
        this.kWhPer100km = kWhPer100km;
        this.consumptionAssumed = consumptionAssumed;
        this.design = architecture.packDesign();
        this.dcPeakC = dcPeakC;
        this.acChargerKW = acChargerKW;
    }

    public String label() { return label; }
    /** Rated pack energy: the sum of its cells' energy (within 2 % of the published figure, see designs.conf). */
    public double ratedKWh() { return design.ratedKWh(); }
    /** The maker's published pack energy. */
    public double publishedKWh() { return architecture.publishedKWh(); }
    /** The pack's cells in series x parallel (designs.conf). */
    public PackArchitecture architecture() { return architecture; }
    /** Mild-weather consumption at the battery, kWh/100 km. */
    public double kWhPer100km() { return kWhPer100km; }
    public boolean consumptionAssumed() { return consumptionAssumed; }
    /**
     * Pack layout for the ageing model, from {@link #architecture()}: series elements = cells in series, each element
     * its parallel cells (element Ah = parallel x cell Ah, element V = cell V).
     * VF 8/9 "70 % DC charge in < 30 min" (DOMAIN 4) implies >= 1.4 C mean, so ~1.7 C peak assumed.
     */
    public PackDesign packDesign() { return design; }
    /** Peak DC fast-charge C-rate (assumed). */
    public double dcPeakC() { return dcPeakC; }
    /** On-board AC charger power, kW (assumed). */
    public double acChargerKW() { return acChargerKW; }
}
