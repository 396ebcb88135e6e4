package org.ssbtwin.plant.layout;

import org.ssbtwin.plant.cell.CellDesign;
import org.ssbtwin.plant.station.Setpoints;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.MonthDay;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.ssbtwin.core.id.StationId;

/**
 * The bundled layouts as Java values (the config module's {@code plant/dunkirk.conf} and
 * {@code plant/dunkirk-small.conf} describe the same layouts; a config test checks they match). All station
 * figures are assumptions sized so the full line makes ~4 GWh/yr (~10 M cells of 0.39 kWh) at steady state; see
 * docs/plant-model.md.
 */
public final class ReferenceLayouts {
    private ReferenceLayouts() {}

    public static final Instant DUNKIRK_SOP = Instant.parse("2028-01-03T06:00:00Z");

    /** Annual shutdown of the Dunkirk line: the first week of August (assumed; a French summer shutdown). */
    public static final MonthDay DUNKIRK_SHUTDOWN_START = MonthDay.of(8, 1);
    /** Dunkirk PM: one 8-hour shift per unit and week in rotation, plus the annual shutdown (assumed). */
    public static final PlannedMaintenance DUNKIRK_WEEKLY_PM = new PlannedMaintenance(168, 8, DUNKIRK_SHUTDOWN_START, 7);
    /** Formation/ageing racks: 4 h per rack and month (channel calibration); cells keep ageing through the shutdown (assumed). */
    public static final PlannedMaintenance DUNKIRK_FORMATION_PM = new PlannedMaintenance(720, 4, null, 0);
    /** Pack assembly: 4 h per unit and week (on a two-shift weekday calendar) plus the annual shutdown (assumed). */
    public static final PlannedMaintenance DUNKIRK_PACK_PM = new PlannedMaintenance(168, 4, DUNKIRK_SHUTDOWN_START, 7);

    private static StationSpec station(String id, StationKind kind, int units, int slots, double meanS, double cv, int buffer,
                                       double mtbf, double mttr, double scrap, ShiftCalendar shifts,
                                       Map<String, Double> setpoints, Map<String, ProcessWindow> windows) {
        return new StationSpec(new StationId(id), kind, units, slots, new CycleTimeDistribution(meanS, cv), buffer, mtbf, mttr,
                scrap, shifts, setpoints, windows);
    }

    /**
     * Full Dunkirk layout, sized for 12 GWh/yr at full capacity (2032): Phase 1 from SOP 2028 (1/15 of the units,
     * 0.8 GWh/yr), 1/6 in 2029, 1/3 (4 GWh/yr) from Q4 2029, 2/3 from 2031, all units from mid-2031. Each phase's
     * units learn from the phase's start. Every station has planned maintenance (weekly PM rotation, annual shutdown)
     * and performance losses (minor stops, reduced speed), so the mature bottleneck OEE is ~85 % (DOMAIN 2.4: 87 %
     * world class).
     */
    public static PlantLayout dunkirk() {
        ShiftCalendar c = ShiftCalendar.CONTINUOUS;
        PlannedMaintenance pm = DUNKIRK_WEEKLY_PM;
        List<StationSpec> stations = List.of(
                station("DK1-CAT-01", StationKind.CATHODE_COATING, 6, 1, 3000, 0.05, 0, 150, 4, 0.01, c,
                        Map.of(Setpoints.LINE_SPEED_M_PER_MIN, 40.0), Map.of()).withMaintenance(pm, 0.03),
                station("DK1-ELY-01", StationKind.ELECTROLYTE_COATING, 6, 1, 4000, 0.05, 0, 150, 4, 0.01, c,
                        Map.of(Setpoints.LINE_SPEED_M_PER_MIN, 30.0), Map.of()).withMaintenance(pm, 0.03),
                station("DK1-ANO-01", StationKind.ANODE_COATING, 6, 1, 3000, 0.05, 0, 150, 4, 0.01, c,
                        Map.of(Setpoints.LINE_SPEED_M_PER_MIN, 40.0), Map.of()).withMaintenance(pm, 0.03),
                station("DK1-LAM-01", StationKind.LAMINATION, 18, 1, 6, 0.1, 6, 80, 3, 0.01, c,
                        Map.of(Setpoints.LAMINATION_TEMPERATURE_C, 120.0),
                        Map.of(Setpoints.LAMINATION_TEMPERATURE_C, new ProcessWindow(110, 130))).withMaintenance(pm, 0.05),
                station("DK1-FRM-01", StationKind.FRAMING, 15, 1, 5, 0.1, 2000, 100, 2, 0.008, c, Map.of(), Map.of()).withMaintenance(pm, 0.05),
                station("DK1-COR-01", StationKind.CORE_ASSEMBLY, 12, 1, 4, 0.1, 2000, 120, 3, 0.003, c,
                        Map.of(Setpoints.DEW_POINT_C, -45.0),
                        Map.of(Setpoints.DEW_POINT_C, new ProcessWindow(-60, -35))).withMaintenance(pm, 0.05),
                station("DK1-MAB-01", StationKind.BIPOLAR_STACKING, 12, 1, 10.0, 0.1, 4000, 60, 2, 0.01, c,
                        Map.of(Setpoints.MISALIGNMENT_SIGMA_MM, 0.06),
                        Map.of(Setpoints.MISALIGNMENT_MM, new ProcessWindow(0, 0.2))).withMaintenance(pm, 0.07),
                station("DK1-FAG-01", StationKind.FORMATION_AGEING, 480, 1000, 345_600, 0.02, 60_000, 500, 8, 0.005, c,
                        Map.of(), Map.of(Setpoints.SELF_DISCHARGE_MV_PER_WEEK, new ProcessWindow(0, 5))).withMaintenance(DUNKIRK_FORMATION_PM, 0.0),
                station("DK1-EOL-01", StationKind.EOL_TEST, 30, 1, 20, 0.05, 15_000, 200, 2, 0.01, c, Map.of(), Map.of()).withMaintenance(pm, 0.03),
                station("DK1-PCK-01", StationKind.PACK_ASSEMBLY, 12, 1, 900, 0.1, 300_000, 100, 2, 0.002,
                        ShiftCalendar.TWO_SHIFTS_WEEKDAYS, Map.of(), Map.of()).withMaintenance(DUNKIRK_PACK_PM, 0.05));
        RampUp ramp = new RampUp(DUNKIRK_SOP, List.of(
                new RampPhase("Phase 1 (0.8 GWh/yr)", DUNKIRK_SOP, 0.066),
                new RampPhase("Ramp-up 2029", Instant.parse("2028-11-01T00:00:00Z"), 0.166),   // installed ahead of 2029
                new RampPhase("4 GWh/yr", Instant.parse("2029-10-01T00:00:00Z"), 0.333),
                new RampPhase("8 GWh/yr", Instant.parse("2031-01-01T00:00:00Z"), 0.666),
                new RampPhase("12 GWh/yr", Instant.parse("2031-07-01T00:00:00Z"), 1.0)),
                new LearningCurve(5.0, 0.2, 4.0, 180));
        return new PlantLayout("DK1", "ProLogium Dunkirk gigafactory (twin, assumed layout)", stations, CellDesign.DUNKIRK,
                PhysicsParameters.DEFAULTS, ramp);
    }

    /** Small demo line: a few cells per virtual hour, formation/ageing compressed to one hour. */
    public static PlantLayout dunkirkSmall() {
        ShiftCalendar c = ShiftCalendar.CONTINUOUS;
        Instant sop = Instant.parse("2026-01-05T06:00:00Z");
        List<StationSpec> stations = List.of(
                station("DK1-CAT-01", StationKind.CATHODE_COATING, 1, 1, 600, 0.05, 0, 48, 1, 0.01, c,
                        Map.of(Setpoints.LINE_SPEED_M_PER_MIN, 2.0), Map.of()),
                station("DK1-ELY-01", StationKind.ELECTROLYTE_COATING, 1, 1, 600, 0.05, 0, 48, 1, 0.01, c,
                        Map.of(Setpoints.LINE_SPEED_M_PER_MIN, 2.0), Map.of()),
                station("DK1-ANO-01", StationKind.ANODE_COATING, 1, 1, 600, 0.05, 0, 48, 1, 0.01, c,
                        Map.of(Setpoints.LINE_SPEED_M_PER_MIN, 2.0), Map.of()),
                station("DK1-LAM-01", StationKind.LAMINATION, 1, 1, 240, 0.1, 2, 24, 1, 0.01, c,
                        Map.of(Setpoints.LAMINATION_TEMPERATURE_C, 120.0),
                        Map.of(Setpoints.LAMINATION_TEMPERATURE_C, new ProcessWindow(110, 130))),
                station("DK1-FRM-01", StationKind.FRAMING, 1, 1, 200, 0.1, 20, 36, 1, 0.008, c, Map.of(), Map.of()),
                station("DK1-COR-01", StationKind.CORE_ASSEMBLY, 1, 1, 200, 0.1, 20, 36, 1, 0.003, c,
                        Map.of(Setpoints.DEW_POINT_C, -45.0),
                        Map.of(Setpoints.DEW_POINT_C, new ProcessWindow(-60, -35))),
                station("DK1-MAB-01", StationKind.BIPOLAR_STACKING, 1, 1, 600, 0.1, 20, 24, 1, 0.01, c,
                        Map.of(Setpoints.MISALIGNMENT_SIGMA_MM, 0.06),
                        Map.of(Setpoints.MISALIGNMENT_MM, new ProcessWindow(0, 0.2))),
                station("DK1-FAG-01", StationKind.FORMATION_AGEING, 1, 12, 3600, 0.05, 20, 72, 1, 0.005, c,
                        Map.of(), Map.of(Setpoints.SELF_DISCHARGE_MV_PER_WEEK, new ProcessWindow(0, 5))),
                station("DK1-EOL-01", StationKind.EOL_TEST, 1, 1, 300, 0.05, 20, 48, 1, 0.01, c, Map.of(), Map.of()),
                station("DK1-PCK-01", StationKind.PACK_ASSEMBLY, 1, 1, 900, 0.1, 40, 48, 1, 0.002, c, Map.of(), Map.of()));
        RampUp ramp = new RampUp(sop, List.of(new RampPhase("Demo", sop, 1.0)), new LearningCurve(2.0, 0.5, 2.0, 30));
        CellDesign design = new CellDesign(2, 53.0, 3.7, 1.2, 20, 6);
        return new PlantLayout("DK1", "Dunkirk demo line (small)", stations, design, PhysicsParameters.DEFAULTS, ramp);
    }

    /** Two-shift weekday calendar with explicit days, for loaders and tests. */
    public static ShiftCalendar weekdays(int shifts) {
        return new ShiftCalendar(shifts, 8, 6, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
    }
}
