package org.ssbtwin.feed.mes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.ssbtwin.core.id.CellId;
import org.ssbtwin.core.id.RollId;
import org.ssbtwin.core.quality.ManufacturingFactors;
import org.ssbtwin.feed.AssetBatch;
import org.ssbtwin.fleet.ageing.DailyTelemetry;
import org.ssbtwin.fleet.pack.PackEvent;
import org.ssbtwin.fleet.pack.TelemetryRecord;
import org.ssbtwin.plant.cell.CellEvent;
import org.ssbtwin.plant.cell.InlayRecord;
import org.ssbtwin.plant.station.StationEvent;

/**
 * Renders facts about assets ({@link AssetBatch}es, e.g. what the simulated plant and fleet produce) as the documents
 * the twin's ingest API takes: MES records ({@code POST /api/v1/plant/mes-records}) and NDJSON telemetry lines
 * ({@code POST /api/v1/telemetry}). Posted in order into a twin without simulation, they rebuild the same twin
 * (docs/operations.md "Feeding a real plant"); a plant integration can use it as the reference of the format.
 *
 * <p>A pack's cells travel as one {@code cells-shipped} record (their lot) placed before the {@code pack-assembled}
 * record; a cell's {@code Packed} and {@code Installed} facts are not rendered: the pack's assembly and installation
 * records imply them. Record ids are deterministic (a station fact's own id, else type, asset and instant).
 */
public final class MesDocuments {
    /** The MES records, in order, and the telemetry as NDJSON lines, in order. */
    public record Documents(List<MesRecord> records, List<String> telemetry) {}

    private MesDocuments() {}

    public static Documents render(List<AssetBatch> batches) {
        // shipments by cell, to send each lot before the assembly of its pack
        Map<CellId, CellEvent.Shipped> shipments = new LinkedHashMap<>();
        for (AssetBatch b : batches) {
            if (b instanceof AssetBatch.ForCell c) {
                c.events().forEach(e -> {
                    if (e instanceof CellEvent.Shipped s) shipments.put(c.id(), s);
                });
            }
        }
        Set<CellId> shipped = new HashSet<>();
        List<MesRecord> records = new ArrayList<>();
        List<String> telemetry = new ArrayList<>();
        for (AssetBatch b : batches) {
            if (b instanceof AssetBatch.ForStation s) {
                station(s, records);
            } else if (b instanceof AssetBatch.ForCell c) {
                for (CellEvent e : c.events()) {
                    if (e instanceof CellEvent.Shipped && !shipped.contains(c.id())) {
                        ship(List.of(c.id()), shipments, shipped, records);
                    } else if (!(e instanceof CellEvent.Shipped)) {
                        cell(c.id(), e, records);
                    }
                }
            } else if (b instanceof AssetBatch.ForPack p) {
                for (PackEvent e : p.events()) {
                    if (e instanceof PackEvent.Assembled a) {
                        ship(a.cells(), shipments, shipped, records);
                        records.add(record(id("pack-assembled", a.packId().value(), a.at()), "pack-assembled", a.at().toString(),
                                d -> {
                                    d.pack = a.packId().value();
                                    d.vehicleModel = a.vehicleModel();
                                    d.cells = a.cells().stream().map(CellId::value).toList();
                                    d.nominalCapacityKwh = a.nominalCapacityKwh();
                                }));
                    } else if (e instanceof PackEvent.Installed i) {
                        records.add(record(id("pack-installed", p.id().value(), i.at()), "pack-installed", i.at().toString(), d -> {
                            d.pack = p.id().value();
                            d.vehicle = i.vehicleId().value();
                            d.climate = i.climate();
                            d.archetype = i.archetype();
                        }));
                    } else {
                        throw new IllegalArgumentException("not a plant fact: " + e.getClass().getSimpleName()
                                + " (the twin computes usage from telemetry)");
                    }
                }
            } else if (b instanceof AssetBatch.TelemetryForPack t) {
                for (TelemetryRecord r : t.records()) telemetry.add(telemetryLine(t.id().value(), r));
            }
        }
        return new Documents(List.copyOf(records), List.copyOf(telemetry));
    }

    /** One {@code cells-shipped} record per lot for the given cells not shipped yet (in their lot's order). */
    private static void ship(List<CellId> cells, Map<CellId, CellEvent.Shipped> shipments, Set<CellId> shipped, List<MesRecord> records) {
        Map<String, List<CellId>> lots = new LinkedHashMap<>();
        Map<String, CellEvent.Shipped> lotEvent = new LinkedHashMap<>();
        for (CellId c : cells) {
            CellEvent.Shipped s = shipments.get(c);
            if (s == null || shipped.contains(c)) continue;
            String key = s.lotId() + "|" + s.at();
            lots.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
            lotEvent.put(key, s);
        }
        // the other cells of the same lot travel with it
        shipments.forEach((c, s) -> {
            String key = s.lotId() + "|" + s.at();
            if (lots.containsKey(key) && !lots.get(key).contains(c) && !shipped.contains(c)) lots.get(key).add(c);
        });
        lots.forEach((key, lotCells) -> {
            CellEvent.Shipped s = lotEvent.get(key);
            shipped.addAll(lotCells);
            records.add(record(id("cells-shipped", s.lotId(), s.at()), "cells-shipped", s.at().toString(), d -> {
                d.lot = s.lotId();
                d.origin = s.origin();
                d.destination = s.destination();
                d.cells = lotCells.stream().map(CellId::value).toList();
            }));
        });
    }

    private static void station(AssetBatch.ForStation s, List<MesRecord> records) {
        String station = s.id().value();
        List<StationEvent> events = s.events();
        for (int k = 0; k < events.size(); k++) {
            StationEvent e = events.get(k);
            String at = e.at().toString();
            if (e instanceof StationEvent.Commissioned c) {
                // commissioning leaves the station idle: the record stands for both facts (and takes the second's id)
                StationEvent next = k + 1 < events.size() ? events.get(k + 1) : null;
                String rid = next instanceof StationEvent.StateChanged sc && "commissioned".equals(sc.reason()) && sc.recordId() != null
                        ? sc.recordId() : id("station-commissioned", station, c.at());
                if (next instanceof StationEvent.StateChanged sc && "commissioned".equals(sc.reason())) k++;
                records.add(record(rid, "station-commissioned", at, d -> {
                    d.station = station;
                    d.kind = c.kind();
                    d.units = c.units();
                    d.setpoints = new TreeMap<>(c.setpoints());
                }));
            } else if (e instanceof StationEvent.StateChanged sc) {
                records.add(record(rid(e, "station-state", station), "station-state", at, d -> {
                    d.station = station;
                    d.state = sc.state().name().toLowerCase(Locale.ROOT);
                    d.reason = sc.reason();
                }));
            } else if (e instanceof StationEvent.ReadingsRecorded r) {
                records.add(record(rid(e, "reading", station), "reading", at, d -> {
                    d.station = station;
                    d.readings = new TreeMap<>(r.readings());
                }));
            } else if (e instanceof StationEvent.ThroughputRecorded t) {
                records.add(record(rid(e, "throughput", station), "throughput", at, d -> {
                    d.station = station;
                    d.in = t.in();
                    d.out = t.out();
                    d.scrapByCause = new TreeMap<>(t.scrapByCause());
                }));
            } else {
                throw new IllegalArgumentException("not an MES fact: " + e.getClass().getSimpleName()
                        + " (setpoints are changed with PUT /api/v1/stations/{id}/setpoints)");
            }
        }
    }

    private static void cell(CellId id, CellEvent e, List<MesRecord> records) {
        String cell = id.value();
        String at = e.at().toString();
        if (e instanceof CellEvent.InlaysLaminated l) {
            records.add(record(id("cell-laminated", cell, e.at()), "cell-laminated", at, d -> {
                d.cell = cell;
                d.inlays = l.inlays().stream().map(MesDocuments::inlay).toList();
            }));
        } else if (e instanceof CellEvent.StationPassed p) {
            records.add(record(id("cell-passed/" + p.step(), cell, e.at()), "cell-passed", at, d -> {
                d.cell = cell;
                d.station = p.station().value();
                d.step = p.step();
                // the simulated stations word their results ("stacked, misalignment 0.008 mm", "... PASS"): a result
                // is a fail when it says so, the wording travels as resultText
                String text = p.result() == null ? "" : p.result().trim();
                boolean fail = text.equalsIgnoreCase("fail") || text.toUpperCase(Locale.ROOT).endsWith(" FAIL");
                d.result = fail ? "fail" : "pass";
                d.resultText = text.equals(d.result) || text.isEmpty() ? null : text;
                d.measurements = new TreeMap<>(p.measurements());
            }));
        } else if (e instanceof CellEvent.Graded g) {
            records.add(record(id("cell-graded", cell, e.at()), "cell-graded", at, d -> {
                d.cell = cell;
                d.grade = g.grade();
                d.capacityAh = g.capacityAh();
                d.resistanceMilliOhm = g.resistanceMilliOhm();
                d.selfDischargeMvPerWeek = g.selfDischargeMvPerWeek();
                d.factors = g.factors() == null ? null : factors(g.factors());
            }));
        } else if (e instanceof CellEvent.Scrapped x) {
            records.add(record(id("cell-scrapped", cell, e.at()), "cell-scrapped", at, d -> {
                d.cell = cell;
                d.station = x.station().value();
                d.cause = x.cause();
            }));
        } else if (!(e instanceof CellEvent.Packed) && !(e instanceof CellEvent.Installed)) {
            throw new IllegalArgumentException("not an MES fact: " + e.getClass().getSimpleName());
        }
    }

    private static MesRecord.Inlay inlay(InlayRecord i) {
        return new MesRecord.Inlay(i.inlayId().value(), i.rolls().stream().map(RollId::value).toList(), i.laminationUnit().value(),
                i.laminatedAt().toString(), i.laminationTemperatureC(), i.dewPointC(), i.capacityAh(), i.resistanceMilliOhm());
    }

    private static Map<String, Double> factors(ManufacturingFactors f) {
        Map<String, Double> m = new TreeMap<>();
        m.put("interfaceResistanceFactor", f.interfaceResistanceFactor());
        m.put("moistureExposure", f.moistureExposure());
        m.put("latentDefectSeverity", f.latentDefectSeverity());
        m.put("laminationTemperatureC", f.laminationTemperatureC());
        m.put("dewPointC", f.dewPointC());
        return m;
    }

    /** One NDJSON telemetry line (the fields of {@code POST /api/v1/telemetry}; unknown values left out). */
    public static String telemetryLine(String packId, TelemetryRecord r) {
        DailyTelemetry d = r.day();
        StringBuilder sb = new StringBuilder(256).append('{');
        field(sb, "recordId", quote(r.recordId())).append(',');
        field(sb, "packId", quote(packId)).append(',');
        field(sb, "date", quote(d.date().toString())).append(',');
        field(sb, "km", num(d.km())).append(',');
        field(sb, "dischargeKWh", num(d.dischargeKWh())).append(',');
        if (!Double.isNaN(d.efc())) field(sb, "efc", num(d.efc())).append(',');
        field(sb, "minSoc", num(d.minSoc())).append(',');
        field(sb, "maxSoc", num(d.maxSoc())).append(',');
        field(sb, "meanCellTempC", num(d.meanCellTempC())).append(',');
        field(sb, "dcFastChargeKWh", num(d.dcFastChargeKWh()));
        if (!Double.isNaN(d.maxChargeC())) sb.append(',').append("\"maxChargeC\":").append(num(d.maxChargeC()));
        return sb.append('}').toString();
    }

    private static StringBuilder field(StringBuilder sb, String name, String value) {
        return sb.append('"').append(name).append("\":").append(value);
    }

    /** Shortest text that reads back as the same double (Java's Double.toString round-trips). */
    private static String num(double v) {
        return Double.toString(v);
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (char ch : s.toCharArray()) {
            if (ch == '"' || ch == '\\') sb.append('\\').append(ch);
            else if (ch < 0x20) sb.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
            else sb.append(ch);
        }
        return sb.append('"').toString();
    }

    private static String rid(StationEvent e, String type, String station) {
        return e.recordId() != null ? e.recordId() : id(type, station, e.at());
    }

    private static String id(String type, String asset, java.time.Instant at) {
        return type + "/" + asset + "/" + at;
    }

    /** The fields of one record while it is being filled in. */
    private static final class Draft {
        String station, cell, state, reason, step, result, kind, grade, cause, lot, origin, destination, pack, vehicleModel,
                vehicle, climate, archetype, resultText;
        Map<String, Double> readings, measurements, setpoints, factors;
        Integer units;
        Long in, out;
        Map<String, Long> scrapByCause;
        List<MesRecord.Inlay> inlays;
        Double capacityAh, resistanceMilliOhm, selfDischargeMvPerWeek, nominalCapacityKwh;
        List<String> cells;
    }

    private static MesRecord record(String recordId, String type, String at, java.util.function.Consumer<Draft> fill) {
        Draft d = new Draft();
        fill.accept(d);
        return new MesRecord(recordId, type, d.station, d.cell, at, d.readings, d.state, d.reason, d.step, d.result,
                d.measurements, d.kind, d.units, d.setpoints, d.in, d.out, d.scrapByCause, d.inlays, d.grade, d.capacityAh,
                d.resistanceMilliOhm, d.selfDischargeMvPerWeek, d.factors, d.cause, d.lot, d.origin, d.destination,
                d.cells, d.pack, d.vehicleModel, d.nominalCapacityKwh, d.vehicle, d.climate, d.archetype, d.resultText);
    }
}
