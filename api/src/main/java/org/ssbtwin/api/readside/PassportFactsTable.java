package org.ssbtwin.api.readside;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ssbtwin.fleet.pack.NegativeEvents;
import org.ssbtwin.fleet.readmodel.FleetPackRow;
import org.ssbtwin.fleet.readmodel.PackPassportRow;

/**
 * The battery passport facts of the fleet read side ({@code fleet_pack_passport}, one {@link PackPassportRow} per
 * pack; migration {@code db/readside/<db>/V4__pack_passport_facts.sql}): folded by the fleet projection in the
 * transaction of {@code fleet_pack} (same events, same exactly-once), and read page by page, joined to
 * {@code fleet_pack}, with a keyset cursor on the pack id for the NDJSON export. All methods work on a connection
 * the caller owns.
 */
public final class PassportFactsTable {
    public static final String TABLE = "fleet_pack_passport";

    private static final String COLUMNS = "first_seq_nr, last_seq_nr, assembled_at, installed_at, health_at, cell_sites, "
            + "worst_defect_severity, throughput_kwh, telemetry_periods, min_mean_cell_temp_c, max_mean_cell_temp_c, "
            + "sum_mean_cell_temp_c, state_of_charge_pct, ageing_days, observed_failure, deep_discharges, last_deep_discharge_at, "
            + "overheatings, last_overheating_at";
    private static final int N = 19;
    private static final int LOAD_CHUNK = 200;

    private PassportFactsTable() {}

    /** Folds applied events (journal order; each not yet in fleet_pack) into the packs' passport rows. */
    static void applyAll(Connection c, List<FleetProjection.Applied> events) throws SQLException {
        if (events.isEmpty()) return;
        Map<String, PackPassportRow> rows = new LinkedHashMap<>();
        for (FleetProjection.Applied e : events) rows.putIfAbsent(e.packId(), null);
        Map<String, PackPassportRow> stored = loadAll(c, rows.keySet());
        rows.replaceAll((id, none) -> stored.getOrDefault(id, PackPassportRow.empty(id)));
        for (FleetProjection.Applied e : events) rows.computeIfPresent(e.packId(), (id, row) -> row.apply(e.event(), e.seqNr()));
        saveAll(c, rows.values(), stored.keySet());
    }

    /** The stored rows of these packs (absent ones are missing from the map). */
    public static Map<String, PackPassportRow> loadAll(Connection c, Collection<String> packIds) throws SQLException {
        Map<String, PackPassportRow> out = new HashMap<>();
        List<String> ids = List.copyOf(packIds);
        for (int from = 0; from < ids.size(); from += LOAD_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + LOAD_CHUNK));
            String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + ", pack_id FROM " + TABLE + " WHERE pack_id IN (" + marks + ")")) {
                for (int i = 0; i < chunk.size(); i++) ps.setString(i + 1, chunk.get(i));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String id = rs.getString(N + 1);
                        out.put(id, read(rs, 1, id));
                    }
                }
            }
        }
        return out;
    }

    private static final String INSERT = "INSERT INTO " + TABLE + " (" + COLUMNS + ", pack_id) VALUES ("
            + String.join(", ", Collections.nCopies(N + 1, "?")) + ")";
    private static final String UPDATE = "UPDATE " + TABLE + " SET "
            + Stream.of(COLUMNS.split(", ")).map(col -> col + " = ?").collect(Collectors.joining(", ")) + " WHERE pack_id = ?";

    /** Writes the rows: UPDATEs of those in {@code existing}, INSERTs of the others (one writer per pack: no race). */
    public static void saveAll(Connection c, Collection<PackPassportRow> rows, Collection<String> existing) throws SQLException {
        List<PackPassportRow> updates = new ArrayList<>();
        List<PackPassportRow> inserts = new ArrayList<>();
        for (PackPassportRow r : rows) (existing.contains(r.packId()) ? updates : inserts).add(r);
        for (boolean update : new boolean[] {true, false}) {
            List<PackPassportRow> batch = update ? updates : inserts;
            if (batch.isEmpty()) continue;
            try (PreparedStatement ps = c.prepareStatement(update ? UPDATE : INSERT)) {
                for (PackPassportRow r : batch) {
                    bind(ps, r);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    private static void bind(PreparedStatement ps, PackPassportRow r) throws SQLException {
        ps.setLong(1, r.firstSeqNr());
        ps.setLong(2, r.lastSeqNr());
        time(ps, 3, r.assembledAt());
        time(ps, 4, r.installedAt());
        time(ps, 5, r.healthAt());
        ps.setString(6, r.cellSites());
        ps.setDouble(7, r.worstDefectSeverity());
        ps.setDouble(8, r.throughputKwh());
        ps.setLong(9, r.telemetryPeriods());
        number(ps, 10, r.minMeanCellTempC());
        number(ps, 11, r.maxMeanCellTempC());
        ps.setDouble(12, r.sumMeanCellTempC());
        number(ps, 13, r.stateOfChargePct() == null ? Double.NaN : r.stateOfChargePct());
        ps.setInt(14, r.ageingDays());
        ps.setBoolean(15, r.observedFailure());
        ps.setInt(16, r.negativeEvents().deepDischarges());
        time(ps, 17, r.negativeEvents().lastDeepDischargeAt());
        ps.setInt(18, r.negativeEvents().overheatings());
        time(ps, 19, r.negativeEvents().lastOverheatingAt());
        ps.setString(20, r.packId());
    }

    private static void time(PreparedStatement ps, int i, Instant at) throws SQLException {
        if (at == null) ps.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        else ps.setObject(i, at.atOffset(ZoneOffset.UTC));
    }

    private static void number(PreparedStatement ps, int i, double v) throws SQLException {
        if (Double.isNaN(v)) ps.setNull(i, Types.DOUBLE);
        else ps.setDouble(i, v);
    }

    /** Reads the {@link #COLUMNS} starting at column {@code o}. */
    private static PackPassportRow read(ResultSet rs, int o, String packId) throws SQLException {
        double min = rs.getDouble(o + 9);
        if (rs.wasNull()) min = Double.NaN;
        double max = rs.getDouble(o + 10);
        if (rs.wasNull()) max = Double.NaN;
        double soc = rs.getDouble(o + 12);
        Double stateOfCharge = rs.wasNull() ? null : soc;
        return new PackPassportRow(packId, rs.getLong(o), rs.getLong(o + 1), time(rs, o + 2), time(rs, o + 3), time(rs, o + 4),
                rs.getString(o + 5), rs.getDouble(o + 6), rs.getDouble(o + 7), rs.getLong(o + 8), min, max, rs.getDouble(o + 11),
                stateOfCharge, rs.getInt(o + 13), rs.getBoolean(o + 14),
                new NegativeEvents(rs.getInt(o + 15), time(rs, o + 16), rs.getInt(o + 17), time(rs, o + 18)));
    }

    private static Instant time(ResultSet rs, int i) throws SQLException {
        OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** One pack of a page: its fleet_pack row and its passport row (null when it has none yet). */
    public record Entry(FleetPackRow pack, PackPassportRow passport) {}

    private static final String PAGE = "SELECT " + Stream.of(FleetTables.COLUMNS.split(", ")).map(col -> "p." + col).collect(Collectors.joining(", "))
            + ", p.pack_id, " + Stream.of(COLUMNS.split(", ")).map(col -> "f." + col).collect(Collectors.joining(", "))
            + ", f.pack_id FROM " + FleetTables.PACK + " p LEFT JOIN " + TABLE + " f ON f.pack_id = p.pack_id"
            + " WHERE p.pack_id > ? AND p.status <> 'UNKNOWN' ORDER BY p.pack_id LIMIT ?";

    /** Up to {@code limit} assembled packs with ids after {@code afterPackId} ("" for the first page), in id order. */
    public static List<Entry> page(Connection c, String afterPackId, int limit) throws SQLException {
        List<Entry> out = new ArrayList<>(limit);
        try (PreparedStatement ps = c.prepareStatement(PAGE)) {
            ps.setString(1, afterPackId);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(18);
                    FleetPackRow pack = FleetTables.read(rs, id);
                    PackPassportRow passport = rs.getString(19 + N) == null ? null : read(rs, 19, id);
                    out.add(new Entry(pack, passport));
                }
            }
        }
        return out;
    }

    /** Assembled packs in the read side. */
    public static long count(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + FleetTables.PACK + " WHERE status <> 'UNKNOWN'");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
