package org.ssbtwin.plant.station;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.Map;
import org.ssbtwin.core.TwinSerializable;
import org.ssbtwin.core.id.StationId;

/**
 * Everything that can happen to a production station; the station's state is the fold of these. The observed facts
 * carry an optional {@code recordId} (added in issue 22, last component: journals without it read it as null).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = StationEvent.Commissioned.class, name = "station-commissioned"),
    @JsonSubTypes.Type(value = StationEvent.SetpointChanged.class, name = "station-setpoint-changed"),
    @JsonSubTypes.Type(value = StationEvent.StateChanged.class, name = "station-state-changed"),
    @JsonSubTypes.Type(value = StationEvent.ThroughputRecorded.class, name = "station-throughput-recorded"),
    @JsonSubTypes.Type(value = StationEvent.ReadingsRecorded.class, name = "station-readings-recorded")
})
public sealed interface StationEvent extends TwinSerializable {
    Instant at();

    /**
     * The id of the source record this observed fact came from (MES record id, or the simulation's deterministic id),
     * or null: events written before record ids existed, and instructions (commissioning, setpoints). A station skips a
     * fact whose record id it already holds, so a retried record is not counted twice (issue 22).
     */
    default String recordId() {
        return null;
    }

    /** The station was installed with its kind, parallel units and initial setpoints. */
    record Commissioned(StationId stationId, String kind, int units, Map<String, Double> setpoints, Instant at)
            implements StationEvent {
        public Commissioned {
            setpoints = Map.copyOf(setpoints);
        }
    }

    /** An engineer (or a scenario) changed a process setpoint, e.g. {@code laminationTemperatureC}. */
    record SetpointChanged(String name, double value, Instant at) implements StationEvent {}

    /** The station changed state (running, starved, blocked, down...), with the reason (e.g. breakdown). */
    record StateChanged(StationState state, String reason, Instant at, String recordId) implements StationEvent {
        public StateChanged(StationState state, String reason, Instant at) {
            this(state, reason, at, null);
        }

        /** 2: with {@code recordId} (version 1 has none: read as null). */
        @Override
        public int schemaVersion() {
            return 2;
        }
    }

    /** Work counted over a reporting period: units in, good units out, scrap by cause. */
    record ThroughputRecorded(long in, long out, Map<String, Long> scrapByCause, Instant at, String recordId) implements StationEvent {
        public ThroughputRecorded {
            if (in < 0 || out < 0) throw new IllegalArgumentException("counts must be >= 0");
            scrapByCause = Map.copyOf(scrapByCause);
        }

        public ThroughputRecorded(long in, long out, Map<String, Long> scrapByCause, Instant at) {
            this(in, out, scrapByCause, at, null);
        }

        /** 2: with {@code recordId} (version 1 has none: read as null). */
        @Override
        public int schemaVersion() {
            return 2;
        }
    }

    /** Live readings sampled from the station, e.g. lamination temperature, dew point, line speed. */
    record ReadingsRecorded(Map<String, Double> readings, Instant at, String recordId) implements StationEvent {
        public ReadingsRecorded {
            readings = Map.copyOf(readings);
        }

        public ReadingsRecorded(Map<String, Double> readings, Instant at) {
            this(readings, at, null);
        }

        /** 2: with {@code recordId} (version 1 has none: read as null). */
        @Override
        public int schemaVersion() {
            return 2;
        }
    }
}
