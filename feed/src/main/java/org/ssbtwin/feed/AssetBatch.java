package org.ssbtwin.feed;

import java.util.List;
import org.ssbtwin.plant.cell.CellEvent;
import org.ssbtwin.core.id.CellId;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.core.id.StationId;
import org.ssbtwin.fleet.pack.PackEvent;
import org.ssbtwin.fleet.pack.TelemetryRecord;
import org.ssbtwin.plant.station.StationEvent;

/** Facts for one asset, in order, to be recorded atomically by that asset's entity. */
public sealed interface AssetBatch {
    String entityId();

    int size();

    record ForStation(StationId id, List<StationEvent> events) implements AssetBatch {
        public ForStation {
            events = List.copyOf(events);
        }

        public String entityId() {
            return id.value();
        }

        public int size() {
            return events.size();
        }
    }

    record ForCell(CellId id, List<CellEvent> events) implements AssetBatch {
        public ForCell {
            events = List.copyOf(events);
        }

        public String entityId() {
            return id.value();
        }

        public int size() {
            return events.size();
        }
    }

    /** Daily telemetry of one pack, aged by the pack itself (idempotent by record id). */
    record TelemetryForPack(PackId id, List<TelemetryRecord> records) implements AssetBatch {
        public TelemetryForPack {
            records = List.copyOf(records);
        }

        public String entityId() {
            return id.value();
        }

        public int size() {
            return records.size();
        }
    }

    record ForPack(PackId id, List<PackEvent> events) implements AssetBatch {
        public ForPack {
            events = List.copyOf(events);
        }

        public String entityId() {
            return id.value();
        }

        public int size() {
            return events.size();
        }
    }
}
