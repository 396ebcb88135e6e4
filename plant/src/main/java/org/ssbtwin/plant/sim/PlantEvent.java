package org.ssbtwin.plant.sim;

import java.time.Instant;
import java.util.List;
import org.ssbtwin.core.id.CellId;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.core.id.RollId;
import org.ssbtwin.core.id.StationId;
import org.ssbtwin.plant.cell.CellGrade;
import org.ssbtwin.plant.layout.ScrapCause;
import org.ssbtwin.plant.layout.StationKind;
import org.ssbtwin.plant.station.StationState;
import org.ssbtwin.plant.genealogy.CellProductionRecord;
import org.ssbtwin.core.quality.ManufacturingFactors;

/** Everything the line simulation reports, in virtual-time order. */
public sealed interface PlantEvent {
    Instant at();

    /**
     * Aggregate state of a station changed; {@code reason} says why, e.g. "breakdown", "planned maintenance",
     * "annual shutdown", "off shift".
     */
    record StationStateChanged(Instant at, StationId station, StationKind kind, StationState previous, StationState current,
                               String reason) implements PlantEvent {}

    /** A sensor reading (lamination temperature, dry-room dew point, coating line speed). */
    record ReadingSampled(Instant at, StationId station, String quantity, double value, String unit) implements PlantEvent {}

    /** A coating unit finished a roll that passed inspection. */
    record RollCompleted(Instant at, StationId station, int unit, RollId roll) implements PlantEvent {}

    /**
     * A cell passed EOL test and grading. The id is kept as site + serial and built by {@link #cell()} on demand
     * (id validation is the costliest step of a plant-year). {@code genealogy} is null only when the simulation
     * runs with {@code SimulationOptions.buildGenealogy == false} (benchmark mode).
     */
    record CellCompleted(Instant at, String site, long serial, CellGrade grade, double capacityAh,
                         double resistanceMilliOhm, double selfDischargeMvPerWeek, ManufacturingFactors factors,
                         CellProductionRecord genealogy) implements PlantEvent {
        /** The cell id, e.g. {@code C-DK1-00000042}. */
        public CellId cell() {
            return genealogy != null ? genealogy.cell() : new CellId(ItemIds.cell(site, serial));
        }
    }

    /**
     * An item was scrapped at a station unit: a roll (serial = roll number of that coating station), an inlay, a
     * cell or a pack. {@link #itemId()} formats the id on demand, e.g. {@code I-DK1-00000042}.
     */
    record ItemScrapped(Instant at, StationId station, StationKind stationKind, int unit, ScrapCause cause,
                        StationKind.ItemKind itemKind, String site, long serial) implements PlantEvent {
        public String itemId() {
            return switch (itemKind) {
                case ROLL -> ItemIds.roll(stationKind.code(), serial);
                case INLAY -> ItemIds.inlay(site, serial);
                case CELL -> ItemIds.cell(site, serial);
                case PACK -> ItemIds.pack(site, serial);
            };
        }
    }

    /** A CIM/CIP pack was assembled; {@code cells} is empty in benchmark mode, {@code cellCount} always set. */
    record PackAssembled(Instant at, PackId pack, int cellCount, List<CellId> cells) implements PlantEvent {}

    /** A unit broke down (forced = by an explicit call). */
    record BreakdownStarted(Instant at, StationId station, int unit, boolean forced, Instant repairDue) implements PlantEvent {}

    /**
     * A unit went into planned maintenance (scheduled downtime) until {@code due}; {@code reason} names the plan,
     * e.g. {@link #PREVENTIVE}.
     */
    record MaintenanceStarted(Instant at, StationId station, int unit, String reason, Instant due) implements PlantEvent {
        /** The weekly (or other interval) preventive-maintenance window of the unit's rotation. */
        public static final String PREVENTIVE = "preventive maintenance";
    }

    /** A unit's planned maintenance is over. */
    record MaintenanceCompleted(Instant at, StationId station, int unit) implements PlantEvent {}

    /** A unit was repaired. */
    record RepairCompleted(Instant at, StationId station, int unit) implements PlantEvent {}

    /** A setpoint change took effect. */
    record SetpointChanged(Instant at, StationId station, String name, double previous, double value) implements PlantEvent {}

    /** A ramp-up capacity phase took effect. */
    record RampPhaseEntered(Instant at, String phase, double capacityShare) implements PlantEvent {}
}
