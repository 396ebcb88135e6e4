package org.ssbtwin.api.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.ssbtwin.core.id.CellId;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.core.id.StationId;
import org.ssbtwin.core.id.VehicleId;
import org.ssbtwin.core.query.AttributeView;
import org.ssbtwin.fleet.pack.PackStatus;
import org.ssbtwin.fleet.pack.PackSummary;
import org.ssbtwin.plant.cell.CellStatus;
import org.ssbtwin.plant.cell.CellSummary;
import org.ssbtwin.plant.station.Station;
import org.ssbtwin.plant.station.StationState;

/**
 * A generated read side for search tests: stations, cells (with genealogy: lamination unit and time, rolls, lot) and
 * packs as the in-memory summaries and as rows of the Flyway read-side tables. Values come from small pools so that
 * filters match, sort keys tie and missing values occur.
 */
final class ReadSidePopulation {
    /** A cell as the tables hold it: its summary plus the genealogy the summaries do not carry. */
    record CellRow(CellSummary summary, String laminationUnit, Instant laminatedAt, List<String> rolls, String lotId, Integer position) {}

    final List<Station> stations = new ArrayList<>();
    final List<CellRow> cells = new ArrayList<>();
    final List<PackSummary> packs = new ArrayList<>();

    static final String[] UNITS = {"DK1-LAM-01", "DK1-LAM-02", "DK1-LAM-03", "DK1-LAM-04"};
    static final String[] CLIMATES = {"HO_CHI_MINH_CITY", "HANOI", "Oslo", "oslo", "PHOENIX"};
    static final String[] MODELS = {"VF8", "VF9", "VF e34"};
    static final String[] GRADES = {"A", "B", "a", "C"};
    static final Instant T0 = Instant.parse("2029-01-01T00:00:00Z");

    static ReadSidePopulation generate(long seed, int stationCount, int packCount, int looseCells) {
        Random r = new Random(seed);
        ReadSidePopulation p = new ReadSidePopulation();
        String[] kinds = {"LAMINATION", "STACKING", "FORMATION", "Lamination"};
        for (int i = 0; i < stationCount; i++) {
            StationState state = StationState.values()[r.nextInt(StationState.values().length)];
            p.stations.add(new Station(StationId.of(String.format("DK1-S%02d-%02d", i % 7, i)), kinds[r.nextInt(kinds.length)],
                    1 + r.nextInt(4), Map.of(), state, r.nextInt(4) == 0 ? null : "reason " + r.nextInt(3), T0.plusSeconds(r.nextInt(1000)),
                    r.nextInt(50), r.nextInt(50), r.nextInt(3) == 0 ? Map.of() : Map.of("crack", (long) r.nextInt(5)), Map.of(), null, null,
                    r.nextInt(10), java.util.List.of()));
        }
        int cellNo = 0;
        for (int i = 0; i < packCount; i++) {
            PackId id = PackId.of(String.format("P-DK1-%06d", i + 1));
            PackStatus status = i % 13 == 5 ? PackStatus.UNKNOWN : (r.nextInt(3) == 0 ? PackStatus.ASSEMBLED : PackStatus.IN_SERVICE);
            VehicleId vehicle = status == PackStatus.IN_SERVICE ? VehicleId.of(String.format("VF8-%06d", i + 1)) : null;
            double soh = r.nextInt(5) == 0 ? 1.0 : Math.round((0.6 + 0.4 * r.nextDouble()) * 50) / 50.0; // ties on purpose
            int cells = r.nextInt(6) == 0 ? 0 : 1 + r.nextInt(12);
            p.packs.add(new PackSummary(id, status, status == PackStatus.UNKNOWN ? null : MODELS[r.nextInt(MODELS.length)], cells,
                    r.nextBoolean() ? 82.0 : 87.7, vehicle, vehicle == null ? null : CLIMATES[r.nextInt(CLIMATES.length)],
                    vehicle == null ? null : (r.nextBoolean() ? "COMMUTER" : "TAXI"), soh, 1 + r.nextInt(40) / 100.0,
                    r.nextInt(300), r.nextInt(20000)));
            for (int k = 0; k < cells; k++) p.cells.add(cell(r, ++cellNo, status == PackStatus.UNKNOWN ? null : id, vehicle, k));
        }
        for (int k = 0; k < looseCells; k++) p.cells.add(cell(r, ++cellNo, null, null, null));
        return p;
    }

    private static CellRow cell(Random r, int no, PackId pack, VehicleId vehicle, Integer position) {
        CellStatus status;
        if (pack == null) status = CellStatus.values()[r.nextInt(CellStatus.values().length)];
        else status = vehicle != null ? CellStatus.IN_FIELD : CellStatus.PACKED;
        boolean laminated = status != CellStatus.UNKNOWN && r.nextInt(10) > 0;
        boolean graded = laminated && status != CellStatus.IN_PRODUCTION && r.nextInt(8) > 0;
        String grade = graded ? GRADES[r.nextInt(GRADES.length)] : null;
        double temp = laminated ? Math.round(115 + r.nextDouble() * 15) : Double.NaN;
        double dew = laminated ? -60 + r.nextInt(26) : Double.NaN;
        Double soh = vehicle == null ? null : Math.round((0.7 + 0.3 * r.nextDouble()) * 100) / 100.0;
        CellSummary s = new CellSummary(CellId.of(String.format("C-DK1-%08d", no)), status, grade, graded ? 19 + r.nextInt(30) / 10.0 : 0,
                graded ? 1 + r.nextInt(20) / 10.0 : 0, temp, dew, pack, vehicle, soh);
        List<String> rolls = new ArrayList<>();
        if (laminated) for (int i = 0, n = 1 + r.nextInt(3); i < n; i++) {
            String roll = String.format("R-CAT-%04d", 1 + r.nextInt(20));
            if (!rolls.contains(roll)) rolls.add(roll);
        }
        return new CellRow(s, laminated ? UNITS[r.nextInt(UNITS.length)] : null,
                laminated ? T0.plusSeconds(3600L * r.nextInt(24 * 180)) : null, rolls,
                laminated ? "LOT-" + (1 + r.nextInt(9)) : null, pack == null ? null : position);
    }

    // ---------------------------------------------------------------- the in-memory side

    /** Searchable assets as the in-memory route sees them (commissioned stations, known cells and packs). */
    List<SearchRoutes.Asset> assets() {
        List<SearchRoutes.Asset> out = new ArrayList<>();
        stations.forEach(s -> out.add(SearchRoutes.Asset.of(s)));
        cells.forEach(c -> {
            if (c.summary().status() != CellStatus.UNKNOWN) out.add(SearchRoutes.Asset.of(c.summary()));
        });
        packs.forEach(pk -> {
            if (pk.status() != PackStatus.UNKNOWN) out.add(SearchRoutes.Asset.of(pk));
        });
        return out;
    }

    /** The cells of each pack (by pack id). */
    Map<String, List<CellRow>> cellsByPack() {
        Map<String, List<CellRow>> out = new LinkedHashMap<>();
        for (CellRow c : cells) if (c.summary().packId() != null) out.computeIfAbsent(c.summary().packId().value(), k -> new ArrayList<>()).add(c);
        return out;
    }

    /** A cell's recall attributes (without the prefix); rolls are multi-valued and read apart. */
    static AttributeView recallView(CellRow c) {
        return a -> switch (a) {
            case "id" -> c.summary().id().value();
            case "laminationUnit" -> c.laminationUnit();
            case "laminatedAt" -> c.laminatedAt();
            case "dewPointC" -> Double.isFinite(c.summary().dewPointC()) ? c.summary().dewPointC() : null;
            case "laminationTemperatureC" -> Double.isFinite(c.summary().laminationTemperatureC()) ? c.summary().laminationTemperatureC() : null;
            case "lotId" -> c.lotId();
            case "grade" -> c.summary().grade();
            default -> null;
        };
    }

    // ---------------------------------------------------------------- the tables

    static void migrate(DataSource ds, String dialectFolder) {
        Flyway.configure().dataSource(ds).locations("classpath:db/readside/" + dialectFolder).load().migrate();
    }

    void insert(Connection c) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO rs_station (station_id, station_kind, units, state, state_reason, "
                + "state_since, units_in, units_out, scrap, revision, setpoints, last_seq_nr, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            for (Station s : stations) {
                ps.setString(1, s.id().value());
                ps.setString(2, s.kind());
                ps.setInt(3, s.units());
                ps.setString(4, s.state().name());
                ps.setString(5, s.stateReason());
                ps.setObject(6, s.stateSince() == null ? null : s.stateSince().atOffset(ZoneOffset.UTC));
                ps.setLong(7, s.unitsIn());
                ps.setLong(8, s.unitsOut());
                ps.setLong(9, s.scrapTotal());
                ps.setLong(10, s.revision());
                ps.setString(11, "{}");
                ps.setLong(12, 1);
                ps.setObject(13, T0.atOffset(ZoneOffset.UTC));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO rs_cell (cell_id, status, grade, capacity_ah, resistance_mohm, "
                + "lamination_unit, laminated_at, lamination_temperature_c, dew_point_c, lot_id, pack_id, pack_position, vehicle_id, soh, "
                + "last_seq_nr, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
             PreparedStatement roll = c.prepareStatement("INSERT INTO rs_cell_roll (roll_id, cell_id) VALUES (?,?)")) {
            for (CellRow row : cells) {
                CellSummary s = row.summary();
                ps.setString(1, s.id().value());
                ps.setString(2, s.status().name());
                ps.setString(3, s.grade());
                ps.setObject(4, s.grade() == null ? null : s.capacityAh(), Types.DOUBLE);
                ps.setObject(5, s.grade() == null ? null : s.resistanceMilliOhm(), Types.DOUBLE);
                ps.setString(6, row.laminationUnit());
                ps.setObject(7, row.laminatedAt() == null ? null : row.laminatedAt().atOffset(ZoneOffset.UTC));
                ps.setObject(8, Double.isFinite(s.laminationTemperatureC()) ? s.laminationTemperatureC() : null, Types.DOUBLE);
                ps.setObject(9, Double.isFinite(s.dewPointC()) ? s.dewPointC() : null, Types.DOUBLE);
                ps.setString(10, row.lotId());
                ps.setString(11, s.packId() == null ? null : s.packId().value());
                ps.setObject(12, row.position(), Types.INTEGER);
                ps.setString(13, s.vehicleId() == null ? null : s.vehicleId().value());
                ps.setObject(14, s.stateOfHealth(), Types.DOUBLE);
                ps.setLong(15, 1);
                ps.setObject(16, T0.atOffset(ZoneOffset.UTC));
                ps.addBatch();
                for (String r : row.rolls()) {
                    roll.setString(1, r);
                    roll.setString(2, s.id().value());
                    roll.addBatch();
                }
            }
            ps.executeBatch();
            roll.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO fleet_pack (pack_id, vehicle_id, vehicle_model, climate, archetype, "
                + "production_week, lamination_band, status, cell_count, nominal_capacity_kwh, soh_capacity, soh_resistance, efc, km, "
                + "usage_records, events, last_seq_nr, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            for (PackSummary pk : packs) {
                ps.setString(1, pk.id().value());
                ps.setString(2, pk.vehicleId() == null ? null : pk.vehicleId().value());
                ps.setString(3, pk.vehicleModel());
                ps.setString(4, pk.climate());
                ps.setString(5, pk.archetype());
                ps.setString(6, "2029-W05");
                ps.setString(7, "120-125");
                ps.setString(8, pk.status().name());
                ps.setInt(9, pk.cellCount());
                ps.setDouble(10, pk.nominalCapacityKwh());
                ps.setDouble(11, pk.stateOfHealth());
                ps.setDouble(12, pk.relativeResistance());
                ps.setDouble(13, pk.equivalentFullCycles());
                ps.setDouble(14, pk.km());
                ps.setLong(15, 1);
                ps.setLong(16, 1);
                ps.setLong(17, 1);
                ps.setObject(18, OffsetDateTime.ofInstant(T0, ZoneOffset.UTC));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        c.commit();
        c.setAutoCommit(auto);
    }
}
