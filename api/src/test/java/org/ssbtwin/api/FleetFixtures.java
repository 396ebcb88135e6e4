package org.ssbtwin.api;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.ssbtwin.config.TwinSettings;
import org.ssbtwin.core.id.CellId;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.core.id.VehicleId;
import org.ssbtwin.fleet.pack.PackEvent;
import org.ssbtwin.core.quality.ManufacturingFactors;
import org.ssbtwin.fleet.entity.PackEntity;

/** Packs, telemetry and direct SQL for the fleet read-side tests (packs through sharding, telemetry over HTTP). */
public final class FleetFixtures {
    public static final Instant T0 = Instant.parse("2028-01-02T00:00:00Z");

    private FleetFixtures() {}

    public record PackSpec(String id, String model, String climate, String archetype, double laminationC) {}

    public static PackSpec pack(int n, String model, String climate, String archetype, double laminationC) {
        return new PackSpec(String.format("P-DK1-%06d", n), model, climate, archetype, laminationC);
    }

    /** Assembles and installs the pack (two events, one journal write). */
    public static void assembleAndInstall(ActorSystem<?> system, PackSpec p, int vehicle) throws Exception {
        List<CellId> cells = new ArrayList<>();
        for (int i = 0; i < 112; i++) cells.add(CellId.of(String.format("C-DK1-%08d", vehicle * 1000 + i + 1)));
        var factors = Collections.nCopies(112, new ManufacturingFactors(1.0, 0, 0, p.laminationC(), -45));
        var reply = ClusterSharding.get(system).entityRefFor(PackEntity.TYPE_KEY, p.id()).<PackEntity.Reply>ask(r -> new PackEntity.RecordAll(List.of(
                        new PackEvent.Assembled(PackId.of(p.id()), p.model(), cells, factors, 87.7, T0),
                        new PackEvent.Installed(VehicleId.of(String.format("%s-%06d", p.model(), vehicle)), p.climate(), p.archetype(), T0)), r),
                Duration.ofSeconds(10)).toCompletableFuture().get(20, TimeUnit.SECONDS);
        assertNull(reply.rejection(), p.id() + " assembled");
    }

    /** NDJSON telemetry: one day of use per (pack, date). */
    public static String days(List<PackSpec> packs, LocalDate from, int count, double km) {
        StringBuilder sb = new StringBuilder();
        for (PackSpec p : packs) {
            for (int d = 0; d < count; d++) {
                LocalDate date = from.plusDays(d);
                sb.append(String.format(Locale.ROOT,
                        "{\"recordId\":\"%s-%s\",\"packId\":\"%s\",\"date\":\"%s\",\"km\":%.1f,\"dischargeKWh\":%.2f,\"minSoc\":0.2,"
                                + "\"maxSoc\":0.9,\"meanCellTempC\":%d,\"dcFastChargeKWh\":%d}\n",
                        p.id(), date, p.id(), date, km, km * 0.22, p.climate().equals("HOT") ? 38 : 22, p.climate().equals("HOT") ? 30 : 5));
            }
        }
        return sb.toString();
    }

    public static TestTwin.Answer postTelemetry(int port, String ndjson) {
        return TestTwin.send(port, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/telemetry"))
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(ndjson)));
    }

    public static Connection connect(TwinSettings.Database db) throws Exception {
        return DriverManager.getConnection(db.url(), db.user(), db.password());
    }

    /** A single number from SQL. H2 journal identifiers are quoted lower case, so queries quote them on both databases. */
    public static long number(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getLong(1);
        }
    }

    public static long journalPackEvents(Connection c) throws Exception {
        return number(c, "SELECT COUNT(*) FROM \"event_journal\" WHERE \"persistence_id\" LIKE 'Pack|%'");
    }

    public static long projectedEvents(Connection c) throws Exception {
        return number(c, "SELECT COALESCE(SUM(events), 0) FROM fleet_pack");
    }

    /** Per pack: events in the journal vs events folded into its row. */
    public static Map<String, long[]> perPack(Connection c) throws Exception {
        Map<String, long[]> out = new LinkedHashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT \"persistence_id\", COUNT(*), MAX(\"sequence_number\") FROM \"event_journal\" WHERE \"persistence_id\" LIKE 'Pack|%' "
                        + "GROUP BY \"persistence_id\" ORDER BY \"persistence_id\"")) {
            while (rs.next()) out.put(rs.getString(1).substring(5), new long[] {rs.getLong(2), rs.getLong(3), -1, -1});
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pack_id, events, last_seq_nr FROM fleet_pack")) {
            while (rs.next()) {
                long[] v = out.computeIfAbsent(rs.getString(1), k -> new long[] {0, 0, -1, -1});
                v[2] = rs.getLong(2);
                v[3] = rs.getLong(3);
            }
        }
        return out;
    }

    /** Stored offsets of the fleet projection: projection key -> offset (the journal ordering of the last event). */
    public static Map<String, Long> offsets(Connection c) throws Exception {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT \"projection_key\", \"current_offset\" FROM \"pekko_projection_offset_store\" WHERE \"projection_name\" = 'fleet-pack'")) {
            while (rs.next()) out.put(rs.getString(1), Long.parseLong(rs.getString(2)));
        }
        return out;
    }

    /** Per slice key: the ordering of the last journal event (tag pack) of the packs that slice owns. */
    public static Map<String, Long> expectedOffsets(Connection c, int instances) throws Exception {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT j.\"persistence_id\", MAX(j.\"ordering\") FROM \"event_journal\" j JOIN \"event_tag\" t ON t.\"event_id\" = j.\"ordering\" "
                        + "WHERE t.\"tag\" = 'pack' GROUP BY j.\"persistence_id\"")) {
            while (rs.next()) {
                String pack = rs.getString(1).substring(5);
                String key = org.ssbtwin.api.readside.FleetProjection.projectionId(
                        org.ssbtwin.api.readside.FleetProjection.sliceOf(pack, instances), instances).key();
                out.merge(key, rs.getLong(2), Math::max);
            }
        }
        return out;
    }
}
