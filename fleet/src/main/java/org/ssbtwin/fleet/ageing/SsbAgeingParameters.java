package org.ssbtwin.fleet.ageing;

import java.util.Objects;
import org.ssbtwin.fleet.ageing.Chemistry;
import org.ssbtwin.fleet.ageing.LifeModelConstants;

/**
 * Which life model a pack is aged with: the chemistry switch. All values come from the one constants table
 * {@link LifeModelConstants} (value, unit, source or "assumed"; docs/life-model.md); the accessors below are the
 * manufacturing-link, defect and self-discharge constants that {@link PackCells} and the live twin read.
 *
 * @param chemistry {@link Chemistry#SSB} (the Li-ion reference times the SSB multipliers) or
 *        {@link Chemistry#LI_ION_REFERENCE} (every SSB multiplier 1)
 */
public record SsbAgeingParameters(Chemistry chemistry) {

    /** The solid-state cell (the default of every fleet). */
    public static final SsbAgeingParameters DEFAULT = new SsbAgeingParameters(Chemistry.SSB);
    /** The documented Li-ion baseline, same fleet with the SSB multipliers off. */
    public static final SsbAgeingParameters LI_ION_REFERENCE = new SsbAgeingParameters(Chemistry.LI_ION_REFERENCE);

    public SsbAgeingParameters {
        Objects.requireNonNull(chemistry, "chemistry");
    }

    public static SsbAgeingParameters of(Chemistry chemistry) {
        return chemistry == Chemistry.SSB ? DEFAULT : LI_ION_REFERENCE;
    }

    public boolean ssb() {
        return chemistry == Chemistry.SSB;
    }

    /** Initial capacity deficit per unit (interfaceResistanceFactor - 1). */
    public double capacityPerInterfaceFactor() {
        return LifeModelConstants.CAPACITY_PER_IRF.value();
    }

    /** Calendar-rate multiplier 1 + c * moisture dose (g h/kg). */
    public double moistureCalendarCoefficient() {
        return LifeModelConstants.MOISTURE_CALENDAR.value();
    }

    /** Cycle-rate multiplier 1 + c * (interfaceResistanceFactor - 1). */
    public double interfaceCycleCoefficient() {
        return LifeModelConstants.INTERFACE_CYCLE.value();
    }

    /** Resistance-growth multiplier 1 + c * moisture dose. */
    public double moistureResistanceCoefficient() {
        return LifeModelConstants.MOISTURE_RESISTANCE.value();
    }

    public double defectHazardPerDay() {
        return LifeModelConstants.DEFECT_HAZARD.value();
    }

    public double defectHazardIdleShare() {
        return LifeModelConstants.DEFECT_IDLE_SHARE.value();
    }

    public double defectFastChargeCoefficient() {
        return LifeModelConstants.DEFECT_FAST_CHARGE.value();
    }

    public double selfDischargeBasePctPerDay() {
        return LifeModelConstants.SELF_DISCHARGE_BASE.value();
    }

    public double selfDischargeGrowthPctPerDayPerYear() {
        return LifeModelConstants.SELF_DISCHARGE_GROWTH.value();
    }
}
