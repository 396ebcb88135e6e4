package org.ssbtwin.fleet.ageing;

/**
 * One day of pack usage as ageing stressors. A mutable, reusable scratch object: the usage generator writes its
 * primitive fields and the ageing model reads them, so the daily step allocates nothing.
 */
public final class PackDay {
    /** Distance driven, km. */
    public double km;
    /** Energy discharged, kWh. */
    public double dischargeKWh;
    /** Equivalent full cycles (discharged energy / current usable capacity). */
    public double efc;
    /** Time-mean state of charge, 0..1. */
    public double meanSoc;
    /** Depth of the deepest cycle of the day, 0..1. */
    public double dod;
    /** Highest charge C-rate of the day (relative to rated capacity). */
    public double maxChargeC;
    /** Share of the day's charged energy that came from DC fast charging, 0..1. */
    public double dcShare;
    /** Time-mean cell temperature, degC. */
    public double meanCellTempC;
    /** Cell temperature while charging, degC. */
    public double chargeCellTempC;
    /** Mean ambient temperature, degC (information only). */
    public double ambientC;

    public PackDay clear() {
        km = 0; dischargeKWh = 0; efc = 0; meanSoc = 0.5; dod = 0; maxChargeC = 0; dcShare = 0;
        meanCellTempC = 25; chargeCellTempC = 25; ambientC = 25;
        return this;
    }

    public void copyFrom(PackDay o) {
        km = o.km; dischargeKWh = o.dischargeKWh; efc = o.efc; meanSoc = o.meanSoc; dod = o.dod;
        maxChargeC = o.maxChargeC; dcShare = o.dcShare; meanCellTempC = o.meanCellTempC;
        chargeCellTempC = o.chargeCellTempC; ambientC = o.ambientC;
    }
}
