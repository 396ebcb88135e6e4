package org.ssbtwin.api.readside;

import static org.junit.jupiter.api.Assertions.*;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ssbtwin.config.TwinSettings;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.core.id.VehicleId;

/**
 * The MES batch's vehicle check reads the packs of all the batch's vehicles in one {@code IN} query per 200 vehicles
 * ({@link AssetQueries#packsOfVehicles}): on H2 read-side tables, each vehicle gets the pack {@link AssetQueries#packOfVehicle}
 * gives, a vehicle without a pack (unknown to the read side) is absent, so the batch validator treats it as free.
 */
class PacksOfVehiclesTest {
    static JdbcDataSource db;
    static final ExecutorService executor = Executors.newSingleThreadExecutor();
    static AssetQueries queries;

    @BeforeAll
    static void fill() throws Exception {
        db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:packs-of-vehicles;DB_CLOSE_DELAY=-1");
        ReadSideSchema.migrate(db, TwinSettings.DatabaseKind.H2);
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO fleet_pack (pack_id, vehicle_id, "
                + "status, cell_count, nominal_capacity_kwh, soh_capacity, soh_resistance, efc, km, usage_records, events, last_seq_nr) "
                + "VALUES (?, ?, 'IN_SERVICE', 1, 87.7, 1, 1, 0, 0, 0, 1, 1)")) {
            for (int i = 0; i < 450; i++) insert(ps, pack(i), vehicle(i)); // 450 vehicles: three chunks of the IN list
            insert(ps, "P-DK1-00000999", vehicle(7)); // a read side lagging a move: two packs in one vehicle
            insert(ps, "P-DK1-00000998", null); // a spare pack, in no vehicle
        }
        queries = new AssetQueries(db, executor);
    }

    private static void insert(PreparedStatement ps, String pack, String vehicle) throws Exception {
        ps.setString(1, pack);
        ps.setString(2, vehicle);
        ps.executeUpdate();
    }

    static String pack(int i) {
        return String.format("P-DK1-%08d", i);
    }

    static String vehicle(int i) {
        return String.format("VF8-%08d", i);
    }

    @AfterAll
    static void stop() {
        executor.shutdownNow();
    }

    @Test
    void everyVehicleGetsItsPackAndAnUnknownVehicleNone() throws Exception {
        List<VehicleId> asked = new ArrayList<>();
        for (int i = 0; i < 450; i += 2) asked.add(VehicleId.of(vehicle(i)));
        VehicleId unknown = VehicleId.of("VF8-77777777");
        asked.add(unknown);
        asked.add(VehicleId.of(vehicle(7)));
        Map<VehicleId, PackId> found = queries.packsOfVehicles(asked).toCompletableFuture().get();

        Map<VehicleId, PackId> one = new LinkedHashMap<>(); // the same question, one vehicle at a time
        for (VehicleId v : asked) {
            Optional<PackId> p = queries.packOfVehicle(v).toCompletableFuture().get();
            p.ifPresent(pack -> one.put(v, pack));
        }
        assertEquals(one, found);
        assertEquals(asked.size() - 1, found.size(), "every vehicle but the unknown one has a pack");
        assertFalse(found.containsKey(unknown), "a vehicle the read side does not know holds no pack");
        assertEquals(PackId.of(pack(448)), found.get(VehicleId.of(vehicle(448))), "the third chunk is read too");
        assertEquals(PackId.of(pack(7)), found.get(VehicleId.of(vehicle(7))), "two packs in a vehicle: the lower id");
    }

    @Test
    void noVehiclesNoQuestion() throws Exception {
        assertEquals(Map.of(), queries.packsOfVehicles(List.of()).toCompletableFuture().get());
    }
}
