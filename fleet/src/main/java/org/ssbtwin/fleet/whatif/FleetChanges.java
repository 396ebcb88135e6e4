package org.ssbtwin.fleet.whatif;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;

/**
 * Changes to the fleet's use; a null component leaves it as in the base.
 *
 * @param climateShiftC every day's ambient temperature shifted by this many kelvin
 * @param dcFastChargeShare share of packs with the DC-heavy charging habit (packs are re-assigned one by one with
 *        their own random number, so only as many packs change habit as needed; common random numbers)
 * @param dailyDistanceFactor daily distance multiplied by this
 * @param targetSoc SOC every driver charges to (replaces the habit's own)
 * @param taxiShare share of ride-hailing/taxi packs (re-assigned like {@code dcFastChargeShare})
 */
public record FleetChanges(Double climateShiftC, Double dcFastChargeShare, Double dailyDistanceFactor,
                           Double targetSoc, Double taxiShare) {
    public static final FleetChanges NONE = new FleetChanges(null, null, null, null, null);

    @JsonIgnore
    public boolean isEmpty() {
        return equals(NONE);
    }

    public List<FieldProblem> problems() {
        List<FieldProblem> p = new ArrayList<>();
        if (climateShiftC != null && !(climateShiftC >= -15 && climateShiftC <= 15)) {
            p.add(new FieldProblem("fleet.climateShiftC", "fleet.climateShiftC must be within [-15, 15] K, was " + climateShiftC));
        }
        if (dcFastChargeShare != null && !(dcFastChargeShare >= 0 && dcFastChargeShare <= 1)) {
            p.add(new FieldProblem("fleet.dcFastChargeShare",
                    "fleet.dcFastChargeShare must be within [0, 1], was " + dcFastChargeShare));
        }
        if (dailyDistanceFactor != null && !(dailyDistanceFactor >= 0.1 && dailyDistanceFactor <= 5)) {
            p.add(new FieldProblem("fleet.dailyDistanceFactor",
                    "fleet.dailyDistanceFactor must be within [0.1, 5], was " + dailyDistanceFactor));
        }
        if (targetSoc != null && !(targetSoc >= 0.3 && targetSoc <= 1)) {
            p.add(new FieldProblem("fleet.targetSoc", "fleet.targetSoc must be within [0.3, 1], was " + targetSoc));
        }
        if (taxiShare != null && !(taxiShare >= 0 && taxiShare <= 1)) {
            p.add(new FieldProblem("fleet.taxiShare", "fleet.taxiShare must be within [0, 1], was " + taxiShare));
        }
        return p;
    }
}
