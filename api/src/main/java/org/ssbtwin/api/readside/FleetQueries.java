package org.ssbtwin.api.readside;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import javax.sql.DataSource;
import org.ssbtwin.fleet.readmodel.CohortDimension;
import org.ssbtwin.fleet.readmodel.Period;
import org.ssbtwin.fleet.readmodel.SohBuckets;
import org.ssbtwin.fleet.readmodel.SohStats;
import org.ssbtwin.fleet.readmodel.SohTimeline;

/**
 * Read-only fleet queries on the projected tables. Every query runs on the read side's own executor with its own
 * connections and returns a {@link CompletionStage}: JDBC never blocks the HTTP layer or an actor. Each query reads
 * in one transaction (a consistent snapshot of the tables); percentiles are computed by {@link SohStats} in Java.
 */
public final class FleetQueries {
    private final ReadOnlyTransactions transactions;

    public FleetQueries(DataSource pool, ExecutorService executor) {
        this.transactions = new ReadOnlyTransactions(pool, executor, "fleet read side query");
    }

    /** SoH distribution numbers as rendered (null when there are no packs). */
    public record Soh(Double p5, Double p50, Double p95, Double mean) {
        static Soh of(SohStats s) {
            return new Soh(num(s.p5()), num(s.p50()), num(s.p95()), num(s.mean()));
        }
    }

    public record Summary(long packs, Map<String, Long> byStatus, Map<String, Long> byModel, Soh soh, long below80,
                          long below70, Instant asOf) {}

    public record Point(String period, int packs, Double p5, Double p50, Double p95, Double mean) {}

    public record Distribution(String by, List<Point> points) {}

    public record Cohort(String key, int packs, Double p5, Double p50, Double p95, Double mean, int below80) {}

    public record Cohorts(String by, List<Cohort> cohorts) {}

    static Double num(double v) {
        return Double.isNaN(v) ? null : v;
    }

    public CompletionStage<Summary> summary() {
        return read(c -> {
            Map<String, Long> byStatus = counts(c, "status");
            Map<String, Long> byModel = counts(c, "vehicle_model");
            double[] soh = new double[64];
            int n = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT soh_capacity FROM " + FleetTables.PACK + " ORDER BY soh_capacity")) {
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (n == soh.length) soh = Arrays.copyOf(soh, n * 2);
                        soh[n++] = rs.getDouble(1);
                    }
                }
            }
            SohStats stats = SohStats.ofSorted(soh, n);
            Instant asOf = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT MAX(updated_at) FROM " + FleetTables.PACK);
                 ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    OffsetDateTime t = rs.getObject(1, OffsetDateTime.class);
                    asOf = t == null ? null : t.toInstant();
                }
            }
            return new Summary(n, byStatus, byModel, Soh.of(stats), stats.below80(), stats.below70(), asOf);
        });
    }

    public CompletionStage<Distribution> sohDistribution(Period period) {
        return read(c -> {
            SohTimeline timeline = new SohTimeline(period);
            try (PreparedStatement ps = c.prepareStatement("SELECT pack_id, soh_month, soh FROM " + FleetTables.SOH_MONTHLY
                    + " ORDER BY pack_id, soh_month")) {
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) timeline.accept(rs.getString(1), rs.getString(2).strip(), rs.getDouble(3));
                }
            }
            List<Point> points = new ArrayList<>();
            timeline.points().forEach((p, s) -> points.add(new Point(p, s.packs(), num(s.p5()), num(s.p50()), num(s.p95()), num(s.mean()))));
            return new Distribution(period.parameter(), points);
        });
    }

    public CompletionStage<Cohorts> cohorts(CohortDimension by) {
        String column = column(by);
        return read(c -> {
            SohBuckets buckets = new SohBuckets();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + column + ", soh_capacity FROM " + FleetTables.PACK)) {
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) buckets.add(rs.getString(1), rs.getDouble(2));
                }
            }
            List<Cohort> cohorts = new ArrayList<>();
            buckets.stats().forEach((k, s) -> cohorts.add(new Cohort(k, s.packs(), num(s.p5()), num(s.p50()), num(s.p95()), num(s.mean()), s.below80())));
            return new Cohorts(by.parameter(), cohorts);
        });
    }

    /** The fleet_pack column of a cohort dimension (a fixed mapping: no user text reaches the SQL). */
    static String column(CohortDimension by) {
        return switch (by) {
            case VEHICLE_MODEL -> "vehicle_model";
            case CLIMATE -> "climate";
            case ARCHETYPE -> "archetype";
            case PRODUCTION_WEEK -> "production_week";
            case LAMINATION_BAND -> "lamination_band";
        };
    }

    private static Map<String, Long> counts(Connection c, String column) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + column + ", COUNT(*) FROM " + FleetTables.PACK
                + " GROUP BY " + column + " ORDER BY " + column);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String k = rs.getString(1);
                out.merge(k == null ? "unknown" : k, rs.getLong(2), Long::sum);
            }
        }
        return out;
    }

    /** A page of packs with their passport facts after {@code afterPackId} ("" first), for the passport export (issue 18). */
    public CompletionStage<List<PassportFactsTable.Entry>> passportPage(String afterPackId, int limit) {
        return read(c -> PassportFactsTable.page(c, afterPackId, limit));
    }

    /** Assembled packs in the read side (the passport export's total). */
    public CompletionStage<Long> assembledPacks() {
        return read(PassportFactsTable::count);
    }

    private <T> CompletionStage<T> read(ReadOnlyTransactions.Read<T> body) {
        return transactions.read(body);
    }
}
