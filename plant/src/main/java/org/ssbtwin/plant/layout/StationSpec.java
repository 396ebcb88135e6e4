package org.ssbtwin.plant.layout;

import java.util.Map;
import java.util.TreeMap;
import org.ssbtwin.core.id.StationId;

/**
 * One station of the line (immutable).
 *
 * @param id              station id, e.g. {@code DK1-LAM-01}
 * @param kind            what the station does
 * @param units           parallel units (machines) at full capacity; ramp phases activate a share of them
 * @param slotsPerUnit    items one unit processes at once (formation racks hold many channels; 1 elsewhere)
 * @param cycleTime       time one slot needs per job (roll for coating, inlay, cell, pack)
 * @param inputBufferCapacity items the input buffer holds (rolls per roll kind for lamination; inlays/cells otherwise); 0 for coating
 * @param mtbfHours       mean time between failures of a unit (exponential; assumed, DOMAIN 2.4 gives none)
 * @param mttrHours       mean time to repair (exponential)
 * @param baseScrapRate   steady-state scrap probability per job not explained by the physics model (assumed)
 * @param shifts          shift calendar
 * @param setpoints       named setpoints (see {@link Setpoints})
 * @param processWindows  named process windows (see {@link Setpoints})
 * @param maintenance     planned maintenance: PM rotation of the units and the annual shutdown
 * @param performanceLoss share of the ideal rate lost to minor stops and reduced speed (the OEE performance losses;
 *                        assumed): a job's mean cycle is {@code cycleTime.meanSeconds / (1 - performanceLoss)}, the
 *                        ideal cycle stays {@code cycleTime.meanSeconds}
 */
public record StationSpec(StationId id, StationKind kind, int units, int slotsPerUnit, CycleTimeDistribution cycleTime,
                          int inputBufferCapacity, double mtbfHours, double mttrHours, double baseScrapRate,
                          ShiftCalendar shifts, Map<String, Double> setpoints, Map<String, ProcessWindow> processWindows,
                          PlannedMaintenance maintenance, double performanceLoss) {

    /** A station without planned maintenance and performance losses. */
    public StationSpec(StationId id, StationKind kind, int units, int slotsPerUnit, CycleTimeDistribution cycleTime,
                       int inputBufferCapacity, double mtbfHours, double mttrHours, double baseScrapRate,
                       ShiftCalendar shifts, Map<String, Double> setpoints, Map<String, ProcessWindow> processWindows) {
        this(id, kind, units, slotsPerUnit, cycleTime, inputBufferCapacity, mtbfHours, mttrHours, baseScrapRate, shifts,
                setpoints, processWindows, PlannedMaintenance.NONE, 0);
    }

    public StationSpec {
        if (id == null || kind == null || cycleTime == null || shifts == null) throw new IllegalArgumentException("id, kind, cycleTime, shifts are required");
        if (units < 1) throw new IllegalArgumentException(id + ": units must be >= 1, was " + units);
        if (slotsPerUnit < 1) throw new IllegalArgumentException(id + ": slotsPerUnit must be >= 1, was " + slotsPerUnit);
        if ((long) units * slotsPerUnit > 5_000_000L) throw new IllegalArgumentException(id + ": units x slotsPerUnit must be <= 5,000,000");
        if (inputBufferCapacity < 0) throw new IllegalArgumentException(id + ": inputBufferCapacity must be >= 0, was " + inputBufferCapacity);
        if (!(mtbfHours > 0)) throw new IllegalArgumentException(id + ": mtbfHours must be > 0, was " + mtbfHours);
        if (!(mttrHours > 0)) throw new IllegalArgumentException(id + ": mttrHours must be > 0, was " + mttrHours);
        if (!(baseScrapRate >= 0 && baseScrapRate < 1)) throw new IllegalArgumentException(id + ": baseScrapRate must be in [0, 1), was " + baseScrapRate);
        setpoints = Map.copyOf(setpoints == null ? Map.of() : setpoints);
        processWindows = Map.copyOf(processWindows == null ? Map.of() : processWindows);
        if (maintenance == null) maintenance = PlannedMaintenance.NONE;
        if (!(performanceLoss >= 0 && performanceLoss < 0.5)) throw new IllegalArgumentException(id + ": performanceLoss must be in [0, 0.5), was " + performanceLoss);
    }

    /** Setpoint value, or {@code fallback} if not configured. */
    public double setpoint(String name, double fallback) {
        Double v = setpoints.get(name);
        return v == null ? fallback : v;
    }

    public ProcessWindow window(String name, ProcessWindow fallback) {
        return processWindows.getOrDefault(name, fallback);
    }

    /** Id of one unit, e.g. {@code DK1-LAM-01-U03} (1-based). */
    public StationId unitId(int unitIndex) {
        return new StationId(id.value() + "-U" + String.format("%02d", unitIndex + 1));
    }

    public StationSpec withUnits(int newUnits) {
        return new StationSpec(id, kind, newUnits, slotsPerUnit, cycleTime, inputBufferCapacity, mtbfHours, mttrHours,
                baseScrapRate, shifts, setpoints, processWindows, maintenance, performanceLoss);
    }

    public StationSpec withCycleTime(CycleTimeDistribution ct) {
        return new StationSpec(id, kind, units, slotsPerUnit, ct, inputBufferCapacity, mtbfHours, mttrHours,
                baseScrapRate, shifts, setpoints, processWindows, maintenance, performanceLoss);
    }

    public StationSpec withMaintenance(PlannedMaintenance m, double loss) {
        return new StationSpec(id, kind, units, slotsPerUnit, cycleTime, inputBufferCapacity, mtbfHours, mttrHours,
                baseScrapRate, shifts, setpoints, processWindows, m, loss);
    }

    /** Mean time a unit needs per job, seconds: the ideal cycle slowed by the performance losses. */
    public double meanCycleSeconds() { return cycleTime.meanSeconds() / (1 - performanceLoss); }

    /** Sorted copy of the setpoints, for stable printing. */
    public Map<String, Double> sortedSetpoints() { return new TreeMap<>(setpoints); }
}
