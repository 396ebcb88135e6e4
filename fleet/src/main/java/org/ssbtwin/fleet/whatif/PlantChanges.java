package org.ssbtwin.fleet.whatif;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ssbtwin.plant.layout.CycleTimeDistribution;
import org.ssbtwin.plant.layout.PlantLayout;
import org.ssbtwin.plant.station.Setpoints;
import org.ssbtwin.plant.layout.ShiftCalendar;
import org.ssbtwin.plant.layout.StationKind;
import org.ssbtwin.plant.layout.StationSpec;

/**
 * Changes to the plant; a null component leaves that parameter as in the base layout.
 *
 * @param laminationTemperatureC lamination temperature setpoint, degC (absolute)
 * @param dewPointC dry-room (core assembly) dew point setpoint, degC (absolute)
 * @param lineSpeedFactor web speed of the roll-to-roll stations (coating and lamination) relative to the base: their
 *        cycle times are divided by it (assumed: speed does not change quality)
 * @param stackingUnits number of bipolar stacking units
 * @param mttrFactor every station's mean time to repair multiplied by this
 * @param shiftPattern shift pattern of every station, {@code <shifts>x<hours>-<days>d} such as {@code 3x8-7d} or
 *        {@code 2x8-5d} (days from Monday)
 */
public record PlantChanges(Double laminationTemperatureC, Double dewPointC, Double lineSpeedFactor,
                           Integer stackingUnits, Double mttrFactor, String shiftPattern) {
    public static final PlantChanges NONE = new PlantChanges(null, null, null, null, null, null);
    static final Pattern SHIFT = Pattern.compile("(\\d{1,2})x(\\d{1,2})-(\\d)d");

    @JsonIgnore
    public boolean isEmpty() {
        return equals(NONE);
    }

    /** Field problems (paths under {@code plant.}). */
    public List<FieldProblem> problems() {
        List<FieldProblem> p = new ArrayList<>();
        if (laminationTemperatureC != null && !(laminationTemperatureC >= 60 && laminationTemperatureC <= 200)) {
            p.add(new FieldProblem("plant.laminationTemperatureC",
                    "plant.laminationTemperatureC must be within [60, 200] degC, was " + laminationTemperatureC));
        }
        if (dewPointC != null && !(dewPointC >= -80 && dewPointC <= 0)) {
            p.add(new FieldProblem("plant.dewPointC", "plant.dewPointC must be within [-80, 0] degC, was " + dewPointC));
        }
        if (lineSpeedFactor != null && !(lineSpeedFactor >= 0.25 && lineSpeedFactor <= 4)) {
            p.add(new FieldProblem("plant.lineSpeedFactor",
                    "plant.lineSpeedFactor must be within [0.25, 4], was " + lineSpeedFactor));
        }
        if (stackingUnits != null && !(stackingUnits >= 1 && stackingUnits <= 200)) {
            p.add(new FieldProblem("plant.stackingUnits", "plant.stackingUnits must be within [1, 200], was " + stackingUnits));
        }
        if (mttrFactor != null && !(mttrFactor >= 0.05 && mttrFactor <= 20)) {
            p.add(new FieldProblem("plant.mttrFactor", "plant.mttrFactor must be within [0.05, 20], was " + mttrFactor));
        }
        if (shiftPattern != null) {
            try {
                shiftCalendar(shiftPattern);
            } catch (IllegalArgumentException e) {
                p.add(new FieldProblem("plant.shiftPattern", "plant.shiftPattern " + e.getMessage()));
            }
        }
        return p;
    }

    /** Parses {@code 3x8-7d}: shifts per day x hours - work days from Monday (first shift at 06:00 UTC). */
    public static ShiftCalendar shiftCalendar(String pattern) {
        Matcher m = SHIFT.matcher(pattern == null ? "" : pattern.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("must look like 3x8-7d (shifts x hours - days), was \"" + pattern + "\"");
        }
        int n = Integer.parseInt(m.group(1));
        int h = Integer.parseInt(m.group(2));
        int d = Integer.parseInt(m.group(3));
        if (n < 1 || h < 1 || n * h > 24 || d < 1 || d > 7) {
            throw new IllegalArgumentException("needs 1..7 days and shifts x hours within 1..24, was \"" + pattern + "\"");
        }
        return new ShiftCalendar(n, h, 6, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.of(d)));
    }

    /** The base layout with these changes applied. */
    public PlantLayout applyTo(PlantLayout base) {
        PlantLayout out = base;
        ShiftCalendar shifts = shiftPattern == null ? null : shiftCalendar(shiftPattern);
        for (StationSpec s : base.stations()) {
            Map<String, Double> sp = new HashMap<>(s.setpoints());
            CycleTimeDistribution ct = s.cycleTime();
            int units = s.units();
            double mttr = s.mttrHours();
            if (laminationTemperatureC != null && s.kind() == StationKind.LAMINATION) {
                sp.put(Setpoints.LAMINATION_TEMPERATURE_C, laminationTemperatureC);
            }
            if (dewPointC != null && s.kind() == StationKind.CORE_ASSEMBLY) {
                sp.put(Setpoints.DEW_POINT_C, dewPointC);
            }
            if (lineSpeedFactor != null && (s.kind().isCoating() || s.kind() == StationKind.LAMINATION)) {
                ct = new CycleTimeDistribution(ct.meanSeconds() / lineSpeedFactor, ct.cv());
            }
            if (stackingUnits != null && s.kind() == StationKind.BIPOLAR_STACKING) {
                units = stackingUnits;
            }
            if (mttrFactor != null) {
                mttr = mttr * mttrFactor;
            }
            out = out.withStation(new StationSpec(s.id(), s.kind(), units, s.slotsPerUnit(), ct, s.inputBufferCapacity(),
                    s.mtbfHours(), mttr, s.baseScrapRate(), shifts == null ? s.shifts() : shifts, sp, s.processWindows(),
                    s.maintenance(), s.performanceLoss()));
        }
        return out;
    }
}
