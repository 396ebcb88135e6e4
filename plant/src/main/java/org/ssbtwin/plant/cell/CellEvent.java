package org.ssbtwin.plant.cell;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.ssbtwin.core.TwinSerializable;
import org.ssbtwin.core.id.CellId;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.core.id.StationId;
import org.ssbtwin.core.id.VehicleId;
import org.ssbtwin.core.quality.ManufacturingFactors;

/** A cell's life as events, from the lamination of its inlays to its state in a car. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = CellEvent.InlaysLaminated.class, name = "cell-inlays-laminated"),
    @JsonSubTypes.Type(value = CellEvent.StationPassed.class, name = "cell-station-passed"),
    @JsonSubTypes.Type(value = CellEvent.Graded.class, name = "cell-graded"),
    @JsonSubTypes.Type(value = CellEvent.Scrapped.class, name = "cell-scrapped"),
    @JsonSubTypes.Type(value = CellEvent.Packed.class, name = "cell-packed"),
    @JsonSubTypes.Type(value = CellEvent.Installed.class, name = "cell-installed"),
    @JsonSubTypes.Type(value = CellEvent.FieldStateReported.class, name = "cell-field-state-reported"),
    @JsonSubTypes.Type(value = CellEvent.Shipped.class, name = "cell-shipped")
})
public sealed interface CellEvent extends TwinSerializable {
    Instant at();

    /** The cell's inlays were laminated and framed: the first page of its genealogy. */
    record InlaysLaminated(CellId cellId, List<InlayRecord> inlays, Instant at) implements CellEvent {
        public InlaysLaminated {
            if (inlays.isEmpty()) throw new IllegalArgumentException("a cell has at least one inlay");
            inlays = List.copyOf(inlays);
        }
    }

    /**
     * The cell passed a station (dry-room core assembly, bipolar stacking, formation and ageing, end-of-line test)
     * with its result ({@code pass}/{@code fail}) and the measurements taken there.
     */
    record StationPassed(StationId station, String step, String result, Map<String, Double> measurements, Instant at)
            implements CellEvent {
        public StationPassed {
            measurements = Map.copyOf(measurements);
        }
    }

    /** End-of-line grading: measured capacity, resistance, self-discharge and the factors its ageing will use. */
    record Graded(String grade, double capacityAh, double resistanceMilliOhm, double selfDischargeMvPerWeek,
                  ManufacturingFactors factors, Instant at) implements CellEvent {}

    record Scrapped(String cause, StationId station, Instant at) implements CellEvent {}

    /**
     * The graded cell left the cell plant in a shipping lot for pack assembly elsewhere: Dunkirk makes and ships cells,
     * the VinFast-ProLogium joint venture assembles CIM/CIP packs in Vietnam (DOMAIN 1.3). A new event type: older
     * journals have none and stay valid (packing straight after grading is still accepted).
     *
     * @param lotId the shipping lot
     * @param cellsInLot cells in the lot
     * @param origin where the lot left from
     * @param destination where the lot goes
     * @param at when the lot left
     */
    record Shipped(String lotId, int cellsInLot, String origin, String destination, Instant at) implements CellEvent {
        public Shipped {
            if (lotId == null || lotId.isBlank()) throw new IllegalArgumentException("lotId is required");
            if (cellsInLot < 1) throw new IllegalArgumentException("cellsInLot must be >= 1, was " + cellsInLot);
            if (origin == null || origin.isBlank() || destination == null || destination.isBlank()) {
                throw new IllegalArgumentException("origin and destination are required");
            }
        }
    }

    record Packed(PackId packId, int position, Instant at) implements CellEvent {}

    record Installed(VehicleId vehicleId, Instant at) implements CellEvent {}

    /** The cell's health as last computed in the field (capacity and resistance relative to new). */
    record FieldStateReported(double stateOfHealth, double relativeResistance, double equivalentFullCycles, Instant at)
            implements CellEvent {}
}
