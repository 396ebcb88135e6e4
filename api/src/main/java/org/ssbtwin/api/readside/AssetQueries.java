package org.ssbtwin.api.readside;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import javax.sql.DataSource;
import org.ssbtwin.core.id.CellId;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.core.id.VehicleId;
import org.ssbtwin.fleet.pack.PackStatus;
import org.ssbtwin.fleet.pack.PackSummary;
import org.ssbtwin.plant.cell.CellStatus;
import org.ssbtwin.plant.cell.CellSummary;

/**
 * Lists, counts and lookups of stations, cells and packs from the read-side tables ({@code rs_station}, {@code rs_cell},
 * {@code fleet_pack}), with
 * bound parameters only (no request text reaches the SQL). Each runs on the read side's query executor with its own
 * connection and returns a {@link CompletionStage}: JDBC never blocks the HTTP layer or an actor. Answers trail the
 * journal by the projections' lag (eventually consistent).
 */
public final class AssetQueries {
    private final ReadOnlyTransactions transactions;

    public AssetQueries(DataSource pool, ExecutorService executor) {
        this.transactions = new ReadOnlyTransactions(pool, executor, "read side query");
    }

    /** The filters of {@code GET /api/v1/cells}; null fields do not filter. */
    public record CellFilter(CellStatus status, String grade, PackId packId, Double sohBelow) {}

    /** The filters of {@code GET /api/v1/packs}; null fields do not filter. */
    public record PackFilter(PackStatus status, String vehicleModel, String climate, String archetype, Double sohBelow) {}

    private static final String PACK_COLUMNS = "pack_id, status, vehicle_model, cell_count, nominal_capacity_kwh, vehicle_id, climate, "
            + "archetype, soh_capacity, soh_resistance, efc, km";

    /** The filters of {@code GET /api/v1/stations}; null fields do not filter. */
    public record StationFilter(String kind, org.ssbtwin.plant.station.StationState state) {}

    /**
     * One page of the commissioned stations, in id order, with the number of matches: each with its scrap by cause
     * and latest readings, without its recent record ids (see {@link org.ssbtwin.plant.station.StationRow}).
     */
    public CompletionStage<AssetDirectory.Page<org.ssbtwin.plant.station.Station>> stations(StationFilter f, int page, int size) {
        Where w = new Where().and("state_since IS NOT NULL"); // commissioned: the commissioning sets state_since
        if (f.kind() != null) w.and("LOWER(station_kind) = LOWER(?)", f.kind());
        if (f.state() != null) w.and("state = ?", f.state().name());
        return read(c -> {
            AssetDirectory.Page<String> ids = page(c, AssetTables.STATION, "station_id", "station_id", w, page, size, rs -> rs.getString(1));
            Map<String, org.ssbtwin.plant.station.StationRow> rows = AssetTables.loadStations(c, ids.items());
            List<org.ssbtwin.plant.station.Station> items = new ArrayList<>(ids.items().size());
            for (String id : ids.items()) items.add(rows.get(id).station());
            return new AssetDirectory.Page<>(items, ids.page(), ids.size(), ids.total());
        });
    }

    /**
     * Every station row (a plant has tens), commissioned or not, in id order, with its time in state (line KPIs, the
     * simulation's restart: commissioned stations, setpoints, the line's last observation).
     */
    public CompletionStage<List<org.ssbtwin.plant.station.StationRow>> allStations() {
        return read(AssetTables::allStations);
    }

    /** One page of the cells (known ones only), in id order, with the number of matches. */
    public CompletionStage<AssetDirectory.Page<CellSummary>> cells(CellFilter f, int page, int size) {
        Where w = new Where().and("status <> ?", CellStatus.UNKNOWN.name());
        if (f.status() != null) w.and("status = ?", f.status().name());
        if (f.grade() != null) w.and("LOWER(grade) = LOWER(?)", f.grade());
        if (f.packId() != null) w.and("pack_id = ?", f.packId().value());
        if (f.sohBelow() != null) w.and("soh < ?", f.sohBelow());
        return read(c -> page(c, AssetTables.CELL, "cell_id", AssetTables.CELL_COLUMNS, w, page, size, rs -> AssetTables.cell(rs).summary()));
    }

    /** One page of the packs (known ones only), in id order, with the number of matches. */
    public CompletionStage<AssetDirectory.Page<PackSummary>> packs(PackFilter f, int page, int size) {
        Where w = new Where().and("status <> ?", PackStatus.UNKNOWN.name());
        if (f.status() != null) w.and("status = ?", f.status().name());
        if (f.vehicleModel() != null) w.and("LOWER(vehicle_model) = LOWER(?)", f.vehicleModel());
        if (f.climate() != null) w.and("LOWER(climate) = LOWER(?)", f.climate());
        if (f.archetype() != null) w.and("LOWER(archetype) = LOWER(?)", f.archetype());
        if (f.sohBelow() != null) w.and("soh_capacity < ?", f.sohBelow());
        return read(c -> page(c, FleetTables.PACK, "pack_id", PACK_COLUMNS, w, page, size, AssetQueries::pack));
    }

    /** The pack installed in a vehicle (the index on {@code fleet_pack.vehicle_id}). */
    public CompletionStage<Optional<PackId>> packOfVehicle(VehicleId vehicle) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT pack_id FROM " + FleetTables.PACK + " WHERE vehicle_id = ? ORDER BY pack_id")) {
                ps.setString(1, vehicle.value());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(PackId.of(rs.getString(1))) : Optional.empty();
                }
            }
        });
    }

    /**
     * The packs installed in these vehicles, in one query per 200 vehicles (vehicles without a pack are missing from the
     * map; a vehicle the read side shows with two packs maps to the lower pack id, as {@link #packOfVehicle}).
     */
    public CompletionStage<Map<VehicleId, PackId>> packsOfVehicles(java.util.Collection<VehicleId> vehicles) {
        List<VehicleId> all = List.copyOf(vehicles);
        return read(c -> {
            Map<VehicleId, PackId> out = new LinkedHashMap<>();
            for (int from = 0; from < all.size(); from += 200) {
                List<VehicleId> chunk = all.subList(from, Math.min(all.size(), from + 200));
                String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
                try (PreparedStatement ps = c.prepareStatement("SELECT vehicle_id, pack_id FROM " + FleetTables.PACK
                        + " WHERE vehicle_id IN (" + marks + ") ORDER BY vehicle_id, pack_id")) {
                    for (int i = 0; i < chunk.size(); i++) ps.setString(i + 1, chunk.get(i).value());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) out.putIfAbsent(VehicleId.of(rs.getString(1)), PackId.of(rs.getString(2)));
                    }
                }
            }
            return out;
        });
    }

    /** The summaries of these packs (absent ones are missing from the map). */
    public CompletionStage<Map<PackId, PackSummary>> packsById(List<PackId> ids) {
        return read(c -> {
            Map<PackId, PackSummary> out = new LinkedHashMap<>();
            for (int from = 0; from < ids.size(); from += 200) {
                List<PackId> chunk = ids.subList(from, Math.min(ids.size(), from + 200));
                String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
                try (PreparedStatement ps = c.prepareStatement("SELECT " + PACK_COLUMNS + " FROM " + FleetTables.PACK + " WHERE pack_id IN (" + marks + ")")) {
                    for (int i = 0; i < chunk.size(); i++) ps.setString(i + 1, chunk.get(i).value());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            PackSummary p = pack(rs);
                            out.put(p.id(), p);
                        }
                    }
                }
            }
            return out;
        });
    }

    /** Which of these cells the read side knows. */
    public CompletionStage<java.util.Set<CellId>> knownCells(java.util.Collection<CellId> ids) {
        List<CellId> all = List.copyOf(ids);
        return read(c -> {
            java.util.Set<CellId> out = new java.util.HashSet<>();
            for (int from = 0; from < all.size(); from += 200) {
                List<CellId> chunk = all.subList(from, Math.min(all.size(), from + 200));
                String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
                try (PreparedStatement ps = c.prepareStatement("SELECT cell_id FROM " + AssetTables.CELL + " WHERE status <> 'UNKNOWN' AND cell_id IN (" + marks + ")")) {
                    for (int i = 0; i < chunk.size(); i++) ps.setString(i + 1, chunk.get(i).value());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) out.add(CellId.of(rs.getString(1)));
                    }
                }
            }
            return out;
        });
    }

    /** The packs in service (a scenario's live base, a restarted simulation's vehicles), in id order. */
    public CompletionStage<List<PackSummary>> inServicePacks() {
        return read(c -> {
            List<PackSummary> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + PACK_COLUMNS + " FROM " + FleetTables.PACK + " WHERE status = ? ORDER BY pack_id")) {
                ps.setString(1, PackStatus.IN_SERVICE.name());
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(pack(rs));
                }
            }
            return out;
        });
    }

    /** Up to {@code limit} known pack ids after {@code after} (exclusive; null: from the first), in id order. */
    public CompletionStage<List<PackId>> packIds(PackId after, int limit) {
        return read(c -> {
            List<PackId> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT pack_id FROM " + FleetTables.PACK + " WHERE status <> ? AND pack_id > ? ORDER BY pack_id LIMIT ?")) {
                ps.setString(1, PackStatus.UNKNOWN.name());
                ps.setString(2, after == null ? "" : after.value());
                ps.setInt(3, limit);
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(PackId.of(rs.getString(1)));
                }
            }
            return out;
        });
    }

    /** The highest serial in use per id prefix ({@code C-DK1}, {@code I-DK1}, {@code R-CAT}, {@code VF8}...). */
    public CompletionStage<Map<String, Long>> serials() {
        return read(SerialTable::all);
    }

    /** A summary ({@link org.ssbtwin.plant.station.Station}, {@link CellSummary} or {@link PackSummary}) with the sequence number of the last event it holds. */
    public record Versioned(Object summary, long lastSeqNr) {}

    /** The stored summaries of these stations, cells and packs (ids of any kind; absent ones are missing from the map). */
    public CompletionStage<Map<String, Versioned>> summaries(List<String> ids) {
        return read(c -> {
            Map<String, Versioned> out = new java.util.HashMap<>();
            AssetTables.loadStations(c, ids).forEach((id, row) -> out.put(id, new Versioned(row.station(), row.lastSeqNr())));
            AssetTables.loadCells(c, ids).forEach((id, row) -> out.put(id, new Versioned(row.summary(), row.lastSeqNr())));
            FleetTables.loadAll(c, ids).forEach((id, row) -> out.put(id, new Versioned(new PackSummary(PackId.of(id), row.status(),
                    row.vehicleModel(), row.cellCount(), row.nominalCapacityKwh(), row.vehicleId() == null ? null : VehicleId.of(row.vehicleId()),
                    row.climate(), row.archetype(), row.sohCapacity(), row.sohResistance(), row.efc(), row.km()), row.lastSeqNr())));
            return out;
        });
    }

    /**
     * The journal ordering of the last event with this tag (0 when none): the last entry of the tag's range of the index
     * on {@code event_tag (tag, event_id)}, not a MAX over all its rows (1.3 s for the pack tag of 1 M events on H2).
     */
    public CompletionStage<Long> lastTagOrdering(String tag) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT \"event_id\" FROM \"event_tag\" WHERE \"tag\" = ? ORDER BY \"tag\" DESC, \"event_id\" DESC LIMIT 1")) {
                ps.setString(1, tag);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }

    /** One journal row as stored: the serialized event, its serializer id and manifest. */
    public record StoredEvent(byte[] payload, int serializerId, String manifest) {}

    /**
     * The stored events of a tag with orderings in ({@code after}, {@code upTo}], oldest first, read from the index on
     * {@code event_tag (tag, event_id)}, deleted events left out, as the read journal returns them. For a node's start
     * ({@link AssetDirectory}): the read journal's queries deliver only up to what its ordering scan (from 0 at every
     * start, waiting at gaps) has checked, which put ~9 s on the time to ready at millions of events.
     */
    public CompletionStage<List<StoredEvent>> taggedEvents(String tag, long after, long upTo) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT j.\"event_payload\", j.\"event_ser_id\", j.\"event_ser_manifest\" "
                    + "FROM \"event_tag\" t JOIN \"event_journal\" j ON j.\"ordering\" = t.\"event_id\" "
                    + "WHERE t.\"tag\" = ? AND t.\"event_id\" > ? AND t.\"event_id\" <= ? AND j.\"deleted\" = FALSE ORDER BY t.\"tag\", t.\"event_id\"")) {
                ps.setString(1, tag);
                ps.setLong(2, after);
                ps.setLong(3, upTo);
                List<StoredEvent> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(new StoredEvent(rs.getBytes(1), rs.getInt(2), rs.getString(3)));
                }
                return out;
            }
        });
    }

    static PackSummary pack(ResultSet rs) throws SQLException {
        String vehicle = rs.getString(6);
        return new PackSummary(PackId.of(rs.getString(1)), PackStatus.valueOf(rs.getString(2)), rs.getString(3), rs.getInt(4), rs.getDouble(5),
                vehicle == null ? null : VehicleId.of(vehicle), rs.getString(7), rs.getString(8), rs.getDouble(9), rs.getDouble(10),
                rs.getDouble(11), rs.getDouble(12));
    }

    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** A WHERE clause of fixed fragments and their bound values. */
    static final class Where {
        final List<String> terms = new ArrayList<>();
        final List<Object> values = new ArrayList<>();

        Where and(String term, Object value) {
            terms.add(term);
            values.add(value);
            return this;
        }

        /** A fixed term without a value. */
        Where and(String term) {
            terms.add(term);
            return this;
        }

        String sql() {
            return terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms);
        }

        int bind(PreparedStatement ps) throws SQLException {
            int i = 1;
            for (Object v : values) ps.setObject(i++, v);
            return i;
        }
    }

    private static <T> AssetDirectory.Page<T> page(Connection c, String table, String id, String columns, Where w, int page, int size,
                                                   RowMapper<T> mapper) throws SQLException {
        long total;
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table + w.sql())) {
            w.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
        }
        List<T> items = new ArrayList<>();
        long offset = (long) page * size;
        if (offset < total) {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + columns + " FROM " + table + w.sql() + " ORDER BY " + id + " LIMIT ? OFFSET ?")) {
                int next = w.bind(ps);
                ps.setInt(next, size);
                ps.setLong(next + 1, offset);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) items.add(mapper.map(rs));
                }
            }
        }
        return new AssetDirectory.Page<>(items, page, size, total);
    }

    <T> CompletionStage<T> read(ReadOnlyTransactions.Read<T> body) {
        return transactions.read(body);
    }
}
