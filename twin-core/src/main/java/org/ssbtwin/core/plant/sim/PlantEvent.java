package org.ssbtwin.core.plant.sim;

import java.time.Instant;
import java.util.List;
import org.ssbtwin.core.id.CellId;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.core.id.RollId;
import org.ssbtwin.core.id.StationId;
import org.ssbtwin.core.plant.CellGrade;
import org.ssbtwin.core.plant.ScrapCause;
import org.ssbtwin.core.plant.StationKind;
import org.ssbtwin.core.plant.StationState;
import org.ssbtwin.core.plant.genealogy.CellGenealogy;
import org.ssbtwin.core.quality.ManufacturingFactors;

/** Everything the line simulation reports, in virtual-time order. */
public sealed interface PlantEvent {
    Instant at();

    /** Aggregate state of a station changed. */
    record StationStateChanged(Instant at, StationId station, StationKind kind, StationState previous, StationState current)
            implements PlantEvent {}

    /** A sensor reading (lamination temperature, dry-room dew point, coating line speed). */
    record ReadingSampled(Instant at, StationId station, String quantity, double value, String unit) implements PlantEvent {}

    /** A coating unit finished a roll that passed inspection. */
    record RollCompleted(Instant at, StationId station, int unit, RollId roll) implements PlantEvent {}

    /**
     * A cell passed EOL test and grading. {@code genealogy} is null only when the simulation runs with
     * {@code SimulationOptions.buildGenealogy == false} (benchmark mode).
     */
    record CellCompleted(Instant at, CellId cell, CellGrade grade, double capacityAh, double resistanceMilliOhm,
                         double selfDischargeMvPerWeek, ManufacturingFactors factors, CellGenealogy genealogy)
            implements PlantEvent {}

    /** An item (roll, inlay or cell id) was scrapped at a station unit. */
    record ItemScrapped(Instant at, StationId station, int unit, ScrapCause cause, String itemId) implements PlantEvent {}

    /** A CIM/CIP pack was assembled; {@code cells} is empty in benchmark mode, {@code cellCount} always set. */
    record PackAssembled(Instant at, PackId pack, int cellCount, List<CellId> cells) implements PlantEvent {}

    /** A unit broke down (forced = by an explicit call). */
    record BreakdownStarted(Instant at, StationId station, int unit, boolean forced, Instant repairDue) implements PlantEvent {}

    /** A unit was repaired. */
    record RepairCompleted(Instant at, StationId station, int unit) implements PlantEvent {}

    /** A setpoint change took effect. */
    record SetpointChanged(Instant at, StationId station, String name, double previous, double value) implements PlantEvent {}

    /** A ramp-up capacity phase took effect. */
    record RampPhaseEntered(Instant at, String phase, double capacityShare) implements PlantEvent {}
}
