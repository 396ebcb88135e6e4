package org.ssbtwin.api.search;

import org.ssbtwin.core.query.AttrType;
import org.ssbtwin.core.query.AttributeSchema;
import org.ssbtwin.core.query.AttributeView;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ssbtwin.plant.cell.CellSummary;
import org.ssbtwin.fleet.pack.PackSummary;
import org.ssbtwin.plant.station.Station;

/**
 * The searchable attributes of stations, cells and packs (documented in docs/SEARCH.md) and the typed views of their
 * summaries. An attribute that does not apply to an asset kind (e.g. {@code climate} of a station) is null there.
 */
public final class AssetAttributes {
    private AssetAttributes() {}

    public static final String STATION = "station";
    public static final String CELL = "cell";
    public static final String PACK = "pack";

    public static final AttributeSchema SCHEMA;

    static {
        Map<String, AttrType> t = new LinkedHashMap<>();
        // every kind
        t.put("kind", AttrType.STRING);
        t.put("id", AttrType.STRING);
        t.put("state", AttrType.STRING);
        // stations
        t.put("stationKind", AttrType.STRING);
        t.put("stateReason", AttrType.STRING);
        t.put("units", AttrType.NUMBER);
        t.put("unitsIn", AttrType.NUMBER);
        t.put("unitsOut", AttrType.NUMBER);
        t.put("scrap", AttrType.NUMBER);
        t.put("revision", AttrType.NUMBER);
        // cells
        t.put("grade", AttrType.STRING);
        t.put("capacityAh", AttrType.NUMBER);
        t.put("resistanceMilliOhm", AttrType.NUMBER);
        t.put("laminationTemperatureC", AttrType.NUMBER);
        t.put("dewPointC", AttrType.NUMBER);
        t.put("packId", AttrType.STRING);
        // cells and packs
        t.put("vehicleId", AttrType.STRING);
        t.put("soh", AttrType.NUMBER);
        t.put("inField", AttrType.BOOLEAN);
        // packs
        t.put("vehicleModel", AttrType.STRING);
        t.put("cellCount", AttrType.NUMBER);
        t.put("nominalCapacityKwh", AttrType.NUMBER);
        t.put("climate", AttrType.STRING);
        t.put("archetype", AttrType.STRING);
        t.put("relativeResistance", AttrType.NUMBER);
        t.put("efc", AttrType.NUMBER);
        t.put("km", AttrType.NUMBER);
        SCHEMA = new AttributeSchema(t, Map.of("status", "state", "stateOfHealth", "soh", "equivalentFullCycles", "efc"));
    }

    public static AttributeView of(Station s) {
        return a -> switch (a) {
            case "kind" -> STATION;
            case "id" -> s.id().value();
            case "state" -> s.state() == null ? null : s.state().name();
            case "stationKind" -> s.kind();
            case "stateReason" -> s.stateReason();
            case "units" -> (double) s.units();
            case "unitsIn" -> (double) s.unitsIn();
            case "unitsOut" -> (double) s.unitsOut();
            case "scrap" -> (double) s.scrapTotal();
            case "revision" -> (double) s.revision();
            default -> null;
        };
    }

    public static AttributeView of(CellSummary c) {
        return a -> switch (a) {
            case "kind" -> CELL;
            case "id" -> c.id().value();
            case "state" -> c.status() == null ? null : c.status().name();
            case "grade" -> c.grade();
            case "capacityAh" -> c.grade() == null ? null : c.capacityAh();
            case "resistanceMilliOhm" -> c.grade() == null ? null : c.resistanceMilliOhm();
            case "laminationTemperatureC" -> finite(c.laminationTemperatureC());
            case "dewPointC" -> finite(c.dewPointC());
            case "packId" -> c.packId() == null ? null : c.packId().value();
            case "vehicleId" -> c.vehicleId() == null ? null : c.vehicleId().value();
            case "soh" -> c.stateOfHealth();
            case "inField" -> c.vehicleId() != null;
            default -> null;
        };
    }

    public static AttributeView of(PackSummary p) {
        return a -> switch (a) {
            case "kind" -> PACK;
            case "id" -> p.id().value();
            case "state" -> p.status() == null ? null : p.status().name();
            case "vehicleModel" -> p.vehicleModel();
            case "cellCount" -> (double) p.cellCount();
            case "nominalCapacityKwh" -> p.nominalCapacityKwh();
            case "vehicleId" -> p.vehicleId() == null ? null : p.vehicleId().value();
            case "climate" -> p.climate();
            case "archetype" -> p.archetype();
            case "soh" -> p.stateOfHealth();
            case "relativeResistance" -> p.relativeResistance();
            case "efc" -> p.equivalentFullCycles();
            case "km" -> p.km();
            case "inField" -> p.vehicleId() != null;
            default -> null;
        };
    }

    private static Double finite(double d) {
        return Double.isFinite(d) ? d : null;
    }
}
