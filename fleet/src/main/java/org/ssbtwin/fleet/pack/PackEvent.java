package org.ssbtwin.fleet.pack;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.List;
import org.ssbtwin.core.TwinSerializable;
import org.ssbtwin.fleet.ageing.AgeingChange;
import org.ssbtwin.fleet.ageing.AgeingSnapshot;
import org.ssbtwin.core.quality.ManufacturingFactors;
import org.ssbtwin.core.id.CellId;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.core.id.VehicleId;

/** A deployed pack's life as events: assembled from cells, installed in a vehicle, used and aged. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = PackEvent.Assembled.class, name = "pack-assembled"),
    @JsonSubTypes.Type(value = PackEvent.Installed.class, name = "pack-installed"),
    @JsonSubTypes.Type(value = PackEvent.UsageRecorded.class, name = "pack-usage-recorded"),
    @JsonSubTypes.Type(value = PackEvent.NegativeEventRecorded.class, name = "pack-negative-event-recorded")
})
public sealed interface PackEvent extends TwinSerializable {
    Instant at();

    /** CIM/CIP pack assembly: which cells, in series order, for which vehicle model. */
    /**
     * @param cellFactors the manufacturing factors of {@code cells}, same order (empty when unknown: nominal cells)
     */
    record Assembled(PackId packId, String vehicleModel, List<CellId> cells, List<ManufacturingFactors> cellFactors,
                     double nominalCapacityKwh, Instant at) implements PackEvent {
        public Assembled {
            if (cells.isEmpty()) throw new IllegalArgumentException("a pack has at least one cell");
            if (!(nominalCapacityKwh > 0)) throw new IllegalArgumentException("nominalCapacityKwh must be > 0");
            cells = List.copyOf(cells);
            cellFactors = cellFactors == null ? List.of() : List.copyOf(cellFactors);
            if (!cellFactors.isEmpty() && cellFactors.size() != cells.size()) {
                throw new IllegalArgumentException("cellFactors must be empty or one per cell");
            }
        }
    }

    /** The pack went into a vehicle, which will be driven by an archetype in a climate. */
    record Installed(VehicleId vehicleId, String climate, String archetype, Instant at) implements PackEvent {}

    /**
     * A period of use (a telemetry record or a simulated day) and the health the ageing model computed after it.
     * The health is part of the event so that replaying the journal never depends on the model version.
     *
     * @param recordId idempotency key of the source record
     * @param source {@code telemetry} or {@code simulation}
     * @param ageingAfter the pack's complete ageing state after this period: events written before the ageing change
     *        existed (still read); null in newer events
     * @param ageingChange the pack's ageing state after this period as a change of the state before it (only the
     *        usage months that changed, see {@link AgeingChange}); null when the event carries no ageing state (only
     *        the last event of a batch carries it) or carries {@code ageingAfter}
     * @see UsageRecordedJson its JSON, written and read field by field (the hot event of ingest)
     */
    @com.fasterxml.jackson.databind.annotation.JsonSerialize(using = UsageRecordedJson.Serializer.class)
    @com.fasterxml.jackson.databind.annotation.JsonDeserialize(using = UsageRecordedJson.Deserializer.class)
    record UsageRecorded(String recordId, String source, Instant periodStart, Instant periodEnd, double km,
                         double energyKwh, double equivalentFullCycles, double meanCellTemperatureC,
                         double dcFastChargeShare, double stateOfHealthAfter, double relativeResistanceAfter,
                         AgeingSnapshot ageingAfter, AgeingChange ageingChange, Instant at) implements PackEvent {

        /** The complete ageing state after this period, from the state before it. */
        public AgeingSnapshot stateAfter(AgeingSnapshot before) {
            if (ageingAfter != null) return ageingAfter;
            return ageingChange != null ? ageingChange.applyTo(before) : before;
        }
    }

    /**
     * A negative event of the pack's use seen in a telemetry day ({@link NegativeEvents}): a deep discharge (the day's
     * lowest SoC, 0..1, below the threshold) or overheating (the day's mean cell temperature, degC, above it).
     *
     * @param recordId the telemetry record of the day
     * @param value the measured value; {@code threshold} the one it crossed
     */
    record NegativeEventRecorded(NegativeEvents.Kind kind, String recordId, Instant periodStart, Instant periodEnd,
                                 double value, double threshold, Instant at) implements PackEvent {}
}
