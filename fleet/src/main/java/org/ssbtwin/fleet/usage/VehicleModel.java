package org.ssbtwin.fleet.usage;

import org.ssbtwin.fleet.ageing.PackDesign;

/**
 * VinFast-like vehicle models (docs/domain.md section 4). Consumption figures are derived from published pack size and
 * WLTP/EPA range (battery kWh / range) unless marked assumed. The series count and DC peak C-rate are assumed.
 */
public enum VehicleModel {
    /** VF 3 mini: battery kWh NOT published (DOMAIN 4) -> 18.6 kWh assumed; 10.5 kWh/100 km assumed. */
    VF3("VF 3", 18.6, true, 10.5, true, 80, 1.3, 7.4),
    /** VF 5: battery kWh NOT published (DOMAIN 4) -> 37.2 kWh assumed; 12.5 kWh/100 km assumed. */
    VF5("VF 5", 37.2, true, 12.5, true, 96, 1.3, 7.4),
    /** VF 6: 59.6 kWh, WLTP 399 km -> 14.9 kWh/100 km (derived), DOMAIN 4. */
    VF6("VF 6", 59.6, false, 14.9, false, 108, 1.7, 11.0),
    /** VF 7: 75.3 kWh, WLTP 450 km -> 16.7 kWh/100 km (derived), DOMAIN 4. */
    VF7("VF 7", 75.3, false, 16.7, false, 108, 1.7, 11.0),
    /** VF 8: 87.7 kWh usable; EPA ~387 Wh/mi = 24 kWh/100 km, DOMAIN 4. */
    VF8("VF 8", 87.7, false, 24.0, false, 112, 1.7, 11.0),
    /** VF 9: 92 kWh (123 kWh variant exists), WLTP 438 km -> 21.0 kWh/100 km (derived), DOMAIN 4. */
    VF9("VF 9", 92.0, false, 21.0, false, 112, 1.6, 11.0);

    private final String label;
    private final double ratedKWh;
    private final boolean batteryAssumed;
    private final double kWhPer100km;
    private final boolean consumptionAssumed;
    private final PackDesign design;
    private final double dcPeakC;
    private final double acChargerKW;

    VehicleModel(String label, double ratedKWh, boolean batteryAssumed, double kWhPer100km,
                 boolean consumptionAssumed, int seriesElements, double dcPeakC, double acChargerKW) {
        this.label = label;
        this.ratedKWh = ratedKWh;
        this.batteryAssumed = batteryAssumed;
        this.kWhPer100km = kWhPer100km;
        this.consumptionAssumed = consumptionAssumed;
        this.design = new PackDesign(ratedKWh, seriesElements, 3.7);
        this.dcPeakC = dcPeakC;
        this.acChargerKW = acChargerKW;
    }

    public String label() { return label; }
    public double ratedKWh() { return ratedKWh; }
    public boolean batteryAssumed() { return batteryAssumed; }
    /** Mild-weather consumption at the battery, kWh/100 km. */
    public double kWhPer100km() { return kWhPer100km; }
    public boolean consumptionAssumed() { return consumptionAssumed; }
    /**
     * Pack layout: series elements assumed (one large-format CIP cell per element, ~3.7 V, 300-420 V packs);
     * VF 8/9 "70 % DC charge in < 30 min" (DOMAIN 4) implies >= 1.4 C mean, so ~1.7 C peak assumed.
     */
    public PackDesign packDesign() { return design; }
    /** Peak DC fast-charge C-rate (assumed). */
    public double dcPeakC() { return dcPeakC; }
    /** On-board AC charger power, kW (assumed). */
    public double acChargerKW() { return acChargerKW; }
}
