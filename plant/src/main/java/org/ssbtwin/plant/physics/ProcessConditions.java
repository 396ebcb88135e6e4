package org.ssbtwin.plant.physics;

import org.ssbtwin.plant.layout.PlantLayout;
import org.ssbtwin.plant.layout.ProcessWindow;
import org.ssbtwin.plant.station.Setpoints;
import org.ssbtwin.plant.layout.StationKind;
import org.ssbtwin.plant.layout.StationSpec;

/**
 * The setpoints and windows that shape a cell's quality, for sampling "cells made under these settings" without
 * running the line. Defaults (all assumed): lamination 120 degC in [110, 130]; dew point -45 degC with a -35 degC
 * limit (DOMAIN 2.3: -35..-45 degC dp typical); misalignment sigma 0.06 mm, tolerance 0.2 mm (DOMAIN 2.2);
 * self-discharge limit 5 mV/week (DOMAIN 2.2).
 */
public record ProcessConditions(double laminationTemperatureC, ProcessWindow laminationWindow,
                                double dewPointC, double dewPointLimitC,
                                double misalignmentSigmaMm, double misalignmentToleranceMm,
                                double selfDischargeLimitMvPerWeek) {

    public static final ProcessWindow DEFAULT_LAMINATION_WINDOW = new ProcessWindow(110, 130);
    public static final ProcessWindow DEFAULT_DEW_POINT_WINDOW = new ProcessWindow(-60, -35);
    public static final ProcessWindow DEFAULT_MISALIGNMENT_WINDOW = new ProcessWindow(0, 0.2);
    public static final ProcessWindow DEFAULT_SELF_DISCHARGE_WINDOW = new ProcessWindow(0, 5.0);

    public static final ProcessConditions NOMINAL = new ProcessConditions(120, DEFAULT_LAMINATION_WINDOW, -45, -35, 0.06, 0.2, 5.0);

    public ProcessConditions {
        if (!Double.isFinite(laminationTemperatureC) || !Double.isFinite(dewPointC) || !Double.isFinite(dewPointLimitC)) {
            throw new IllegalArgumentException("temperatures must be finite");
        }
        if (laminationWindow == null) throw new IllegalArgumentException("laminationWindow must not be null");
        if (!(misalignmentSigmaMm >= 0)) throw new IllegalArgumentException("misalignmentSigmaMm must be >= 0, was " + misalignmentSigmaMm);
        if (!(misalignmentToleranceMm > 0)) throw new IllegalArgumentException("misalignmentToleranceMm must be > 0, was " + misalignmentToleranceMm);
        if (!(selfDischargeLimitMvPerWeek > 0)) throw new IllegalArgumentException("selfDischargeLimitMvPerWeek must be > 0");
    }

    public ProcessConditions withLaminationTemperature(double c) {
        return new ProcessConditions(c, laminationWindow, dewPointC, dewPointLimitC, misalignmentSigmaMm, misalignmentToleranceMm, selfDischargeLimitMvPerWeek);
    }

    public ProcessConditions withDewPoint(double c) {
        return new ProcessConditions(laminationTemperatureC, laminationWindow, c, dewPointLimitC, misalignmentSigmaMm, misalignmentToleranceMm, selfDischargeLimitMvPerWeek);
    }

    public ProcessConditions withMisalignmentSigma(double mm) {
        return new ProcessConditions(laminationTemperatureC, laminationWindow, dewPointC, dewPointLimitC, mm, misalignmentToleranceMm, selfDischargeLimitMvPerWeek);
    }

    /** The conditions configured in a layout's setpoints and windows. */
    public static ProcessConditions fromLayout(PlantLayout layout) {
        StationSpec lam = layout.station(StationKind.LAMINATION);
        StationSpec core = layout.station(StationKind.CORE_ASSEMBLY);
        StationSpec mab = layout.station(StationKind.BIPOLAR_STACKING);
        StationSpec fag = layout.station(StationKind.FORMATION_AGEING);
        ProcessWindow lw = lam.window(Setpoints.LAMINATION_TEMPERATURE_C, DEFAULT_LAMINATION_WINDOW);
        return new ProcessConditions(
                lam.setpoint(Setpoints.LAMINATION_TEMPERATURE_C, lw.centre()), lw,
                core.setpoint(Setpoints.DEW_POINT_C, NOMINAL.dewPointC()),
                core.window(Setpoints.DEW_POINT_C, DEFAULT_DEW_POINT_WINDOW).max(),
                mab.setpoint(Setpoints.MISALIGNMENT_SIGMA_MM, NOMINAL.misalignmentSigmaMm()),
                mab.window(Setpoints.MISALIGNMENT_MM, DEFAULT_MISALIGNMENT_WINDOW).max(),
                fag.window(Setpoints.SELF_DISCHARGE_MV_PER_WEEK, DEFAULT_SELF_DISCHARGE_WINDOW).max());
    }
}
