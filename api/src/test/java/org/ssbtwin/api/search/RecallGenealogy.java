package org.ssbtwin.api.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A small hand-written genealogy for recall tests (expected answers worked out by hand in the tests):
 *
 * <pre>
 * pack            status      vehicle     soh   cells: lamination unit, laminated at, dew point, rolls
 * P-DK1-000001    IN_SERVICE  VF8-000001  0.80  C1 LAM-03 2029-03-02T10:00Z -40 R1 | C2 LAM-03 2029-02-27 -50 R2 | C3 LAM-01 2029-03-05 -38 R1
 * P-DK1-000002    IN_SERVICE  VF9-000002  0.90  C4 LAM-03 2029-03-10 -45 R2
 * P-DK1-000003    IN_SERVICE  VF8-000003  0.70  C5 LAM-03 2029-03-01T00:00Z -36 R3,R1 | C6 LAM-03 2029-04-01 -55 R4 | C7 LAM-02 2029-03-15 -44 R4
 * P-DK1-000004    ASSEMBLED   -           1.00  C8 LAM-03 2029-03-20 -41 R2
 * P-DK1-000005    IN_SERVICE  VF8-000005  0.60  C9 LAM-01 2029-03-03 -35 R5
 * (no pack)                                     C10 LAM-03 2029-03-05 -30 R1
 * </pre>
 * (C1 = C-DK1-00000001, R1 = R-CAT-0001, LAM-03 = DK1-LAM-03.)
 */
final class RecallGenealogy {
    private RecallGenealogy() {}

    record Pack(String id, String status, String vehicle, String model, double soh, String climate) {}

    record Cell(int no, Integer pack, String unit, String at, double dew, List<Integer> rolls) {}

    static final List<Pack> PACKS = List.of(
            new Pack("P-DK1-000001", "IN_SERVICE", "VF8-000001", "VF8", 0.80, "HANOI"),
            new Pack("P-DK1-000002", "IN_SERVICE", "VF9-000002", "VF9", 0.90, "HANOI"),
            new Pack("P-DK1-000003", "IN_SERVICE", "VF8-000003", "VF8", 0.70, "HO_CHI_MINH_CITY"),
            new Pack("P-DK1-000004", "ASSEMBLED", null, "VF8", 1.00, null),
            new Pack("P-DK1-000005", "IN_SERVICE", "VF8-000005", "VF8", 0.60, "HANOI"));

    static final List<Cell> CELLS = List.of(
            new Cell(1, 1, "DK1-LAM-03", "2029-03-02T10:00:00Z", -40, List.of(1)),
            new Cell(2, 1, "DK1-LAM-03", "2029-02-27T08:00:00Z", -50, List.of(2)),
            new Cell(3, 1, "DK1-LAM-01", "2029-03-05T08:00:00Z", -38, List.of(1)),
            new Cell(4, 2, "DK1-LAM-03", "2029-03-10T08:00:00Z", -45, List.of(2)),
            new Cell(5, 3, "DK1-LAM-03", "2029-03-01T00:00:00Z", -36, List.of(3, 1)),
            new Cell(6, 3, "DK1-LAM-03", "2029-04-01T08:00:00Z", -55, List.of(4)),
            new Cell(7, 3, "DK1-LAM-02", "2029-03-15T08:00:00Z", -44, List.of(4)),
            new Cell(8, 4, "DK1-LAM-03", "2029-03-20T08:00:00Z", -41, List.of(2)),
            new Cell(9, 5, "DK1-LAM-01", "2029-03-03T08:00:00Z", -35, List.of(5)),
            new Cell(10, null, "DK1-LAM-03", "2029-03-05T08:00:00Z", -30, List.of(1)));

    static String cellId(int no) {
        return String.format("C-DK1-%08d", no);
    }

    static String rollId(int no) {
        return String.format("R-CAT-%04d", no);
    }

    static void insert(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO fleet_pack (pack_id, vehicle_id, vehicle_model, climate, archetype, "
                + "production_week, lamination_band, status, cell_count, nominal_capacity_kwh, soh_capacity, soh_resistance, efc, km, "
                + "usage_records, events, last_seq_nr, updated_at) VALUES (?,?,?,?,'COMMUTER','2029-W09','120-125',?,?,87.7,?,1.1,100,5000,1,3,3,?)")) {
            for (Pack p : PACKS) {
                ps.setString(1, p.id());
                ps.setString(2, p.vehicle());
                ps.setString(3, p.model());
                ps.setString(4, p.climate());
                ps.setString(5, p.status());
                ps.setInt(6, (int) CELLS.stream().filter(x -> x.pack() != null && PACKS.get(x.pack() - 1) == p).count());
                ps.setDouble(7, p.soh());
                ps.setObject(8, Instant.parse("2029-06-01T00:00:00Z").atOffset(ZoneOffset.UTC));
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO rs_cell (cell_id, status, grade, capacity_ah, resistance_mohm, "
                + "lamination_unit, laminated_at, lamination_temperature_c, dew_point_c, lot_id, pack_id, pack_position, vehicle_id, soh, "
                + "last_seq_nr, updated_at) VALUES (?,?,'A',20.1,1.2,?,?,121.5,?,'LOT-2029-09',?,?,?,?,5,?)");
             PreparedStatement roll = c.prepareStatement("INSERT INTO rs_cell_roll (roll_id, cell_id) VALUES (?,?)")) {
            for (Cell x : CELLS) {
                Pack p = x.pack() == null ? null : PACKS.get(x.pack() - 1);
                ps.setString(1, cellId(x.no()));
                ps.setString(2, p == null ? "SHIPPED" : p.vehicle() == null ? "PACKED" : "IN_FIELD");
                ps.setString(3, x.unit());
                ps.setObject(4, Instant.parse(x.at()).atOffset(ZoneOffset.UTC));
                ps.setDouble(5, x.dew());
                ps.setString(6, p == null ? null : p.id());
                ps.setObject(7, p == null ? null : x.no(), Types.INTEGER);
                ps.setString(8, p == null ? null : p.vehicle());
                ps.setObject(9, p == null || p.vehicle() == null ? null : p.soh(), Types.DOUBLE);
                ps.setObject(10, Instant.parse("2029-06-01T00:00:00Z").atOffset(ZoneOffset.UTC));
                ps.executeUpdate();
                for (int r : x.rolls()) {
                    roll.setString(1, rollId(r));
                    roll.setString(2, cellId(x.no()));
                    roll.executeUpdate();
                }
            }
        }
    }
}
