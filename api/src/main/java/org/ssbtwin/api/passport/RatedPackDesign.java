package org.ssbtwin.api.passport;

import org.ssbtwin.fleet.ageing.PackDesign;
import org.ssbtwin.fleet.ageing.WarrantyTerms;
import org.ssbtwin.fleet.study.FleetStudy;
import org.ssbtwin.fleet.usage.VehicleModel;
import org.ssbtwin.plant.cell.CellDesign;

/**
 * The rated (design) values of a pack that the passport states, read from the twin's existing design data and
 * nothing else: this record is the one adapter between the passport and the design classes
 * ({@link VehicleModel} and its {@link PackDesign}, {@link CellDesign}, {@link WarrantyTerms},
 * {@link FleetStudy#RETIREMENT_SOH}), so a rework of those touches only {@link #of}.
 *
 * @param modelLabel the vehicle model's name ("VF 8"), or the model code of a model the twin has no design for
 * @param ratedEnergyKwh rated (usable) pack energy ({@link PackDesign#ratedKWh()})
 * @param seriesElements cells in series ({@link PackDesign#seriesElements()})
 * @param nominalVoltageV series elements x nominal cell voltage ({@link PackDesign#nominalCellVoltage()})
 * @param ratedCapacityAh {@link PackDesign#cellAmpHours()} (one cell per series element, no parallel strings)
 * @param ratedPowerW peak DC charge power: rated energy x {@link VehicleModel#dcPeakC()} (assumed C-rate); NaN for a
 *        model without design data
 * @param cellResistanceOhm {@link CellDesign#cellResistanceMilliOhm()} (assumed inlay resistance x inlays)
 * @param packResistanceOhm the pack's cells in series: cells x cell resistance
 * @param warranty the warranty terms the ageing model checks ({@link WarrantyTerms#STANDARD})
 * @param exhaustionSohPct state of health at which the twin counts a pack as exhausted for automotive use
 *        ({@link FleetStudy#RETIREMENT_SOH}, assumed), percent
 * @param cellPlantDesign the cell design of the plant (the inlay structure), for the record
 */
public record RatedPackDesign(String modelLabel, double ratedEnergyKwh, int seriesElements, double nominalVoltageV,
                              double ratedCapacityAh, double ratedPowerW, double cellResistanceOhm,
                              double packResistanceOhm, WarrantyTerms warranty, double exhaustionSohPct,
                              CellDesign cellPlantDesign) {

    /**
     * The design of a pack of {@code vehicleModel} (a {@link VehicleModel} code such as "VF8") with {@code cells}
     * cells; a model the twin has no design for falls back, as the ageing model does, to its cells in series at the
     * pack's nominal energy and the cell design's nominal voltage.
     */
    public static RatedPackDesign of(String vehicleModel, int cells, double nominalCapacityKwh, CellDesign cellDesign) {
        VehicleModel model = null;
        try {
            model = vehicleModel == null ? null : VehicleModel.valueOf(vehicleModel);
        } catch (IllegalArgumentException e) {
            model = null;
        }
        PackDesign pack = model != null ? model.packDesign()
                : new PackDesign(nominalCapacityKwh, Math.max(1, Math.min(1000, cells)), cellDesign.cellVoltageV());
        double power = model != null ? pack.ratedKWh() * model.dcPeakC() * 1000.0 : Double.NaN;
        double cellOhm = cellDesign.cellResistanceMilliOhm() / 1000.0;
        return new RatedPackDesign(model != null ? model.label() : String.valueOf(vehicleModel), pack.ratedKWh(),
                pack.seriesElements(), pack.seriesElements() * pack.nominalCellVoltage(), pack.cellAmpHours(), power,
                cellOhm, Math.max(1, cells) * cellOhm, WarrantyTerms.STANDARD, FleetStudy.RETIREMENT_SOH * 100.0, cellDesign);
    }
}
