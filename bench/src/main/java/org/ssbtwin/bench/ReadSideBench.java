package org.ssbtwin.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.ssbtwin.api.search.AssetAttributes;
import org.ssbtwin.api.search.SearchTables;
import org.ssbtwin.api.search.RecallAttributes;
import org.ssbtwin.api.search.SqlSearch;
import org.ssbtwin.core.query.Filter;
import org.ssbtwin.core.query.FilterParser;
import org.ssbtwin.core.query.SortSpec;

/**
 * {@code bench read}: the read-side tables of PostgreSQL filled with N packs x C cells (one COPY per table with the keys
 * and indexes built after, seeded: the same seed gives the same rows), then one twin node on them driven over HTTP
 * ({@link ReadSideHttpLoad}): GET-by-id reads/s, indexed searches/s, recall p50/p99, with the CPU split between node,
 * client and PostgreSQL, and the node's heap. {@code --jdbc-seconds} adds the same queries on one JDBC connection
 * without the node. Method in docs/SEARCH.md.
 */
public final class ReadSideBench {
    private ReadSideBench() {}

    public record Options(int packs, int cellsPerPack, int seconds, long seed, String pgUrl, String pgUser, String pgPassword,
                          boolean keepRows, int inFlight, int recallInFlight, int queryThreads, int jdbcSeconds) {
        public Options {
            if (packs < 1) throw new IllegalArgumentException("--packs: must be >= 1, was " + packs);
            if (cellsPerPack < 1 || cellsPerPack > 1000) throw new IllegalArgumentException("--cells-per-pack: must be 1..1000, was " + cellsPerPack);
            if (seconds < 1) throw new IllegalArgumentException("--seconds: must be >= 1, was " + seconds);
            if (inFlight < 1 || inFlight > 1024) throw new IllegalArgumentException("--in-flight: must be 1..1024, was " + inFlight);
            if (recallInFlight < 1 || recallInFlight > 1024) throw new IllegalArgumentException("--recall-in-flight: must be 1..1024, was " + recallInFlight);
            if (queryThreads < 0 || queryThreads > 64) throw new IllegalArgumentException("--query-threads: must be 0..64, was " + queryThreads);
            if (jdbcSeconds < 0) throw new IllegalArgumentException("--jdbc-seconds: must be >= 0, was " + jdbcSeconds);
        }
    }

    @picocli.CommandLine.Command(name = "read", mixinStandardHelpOptions = true,
            description = "Read-side tables in PostgreSQL (embedded unless --pg-url) filled with --packs x --cells-per-pack rows by "
                    + "COPY, then a twin node on them driven over HTTP: GET-by-id reads/s, indexed searches/s, recall p50/p99, heap.")
    public static final class Cli implements java.util.concurrent.Callable<Integer> {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @picocli.CommandLine.Option(names = "--packs", defaultValue = "1000000", description = "packs (default ${DEFAULT-VALUE})")
        int packs;

        @picocli.CommandLine.Option(names = "--cells-per-pack", defaultValue = "20", description = "cells per pack (default ${DEFAULT-VALUE})")
        int cells;

        @picocli.CommandLine.Option(names = "--seconds", defaultValue = "20", description = "measured seconds per figure (default ${DEFAULT-VALUE})")
        int seconds;

        @picocli.CommandLine.Option(names = "--seed", defaultValue = "17", description = "seed of the generated rows (default ${DEFAULT-VALUE})")
        long seed;

        @picocli.CommandLine.Option(names = "--pg-url", description = "JDBC URL of an EMPTY PostgreSQL database (default: embedded PostgreSQL)")
        String pgUrl;

        @picocli.CommandLine.Option(names = "--pg-user", defaultValue = "postgres", description = "PostgreSQL user (default ${DEFAULT-VALUE})")
        String pgUser;

        @picocli.CommandLine.Option(names = "--pg-password", defaultValue = "", description = "PostgreSQL password (default empty)")
        String pgPassword;

        @picocli.CommandLine.Option(names = "--keep-rows", description = "skip the fill when the tables of --pg-url already hold "
                + "--packs x --cells-per-pack rows (a previous run's)")
        boolean keepRows;

        @picocli.CommandLine.Option(names = "--in-flight", defaultValue = "16", description = "HTTP requests in flight for the "
                + "reads and indexed searches (default ${DEFAULT-VALUE})")
        int inFlight;

        @picocli.CommandLine.Option(names = "--recall-in-flight", defaultValue = "2", description = "HTTP recall requests in flight "
                + "(default ${DEFAULT-VALUE})")
        int recallInFlight;

        @picocli.CommandLine.Option(names = "--query-threads", defaultValue = "0", description = "the node's twin.read-side.query-threads "
                + "(default 0: the node's configuration)")
        int queryThreads;

        @picocli.CommandLine.Option(names = "--jdbc-seconds", defaultValue = "0", description = "also measure the same queries on one JDBC "
                + "connection without the node, this many seconds each (default ${DEFAULT-VALUE}: not)")
        int jdbcSeconds;

        @Override
        public Integer call() throws Exception {
            Options o;
            try {
                o = new Options(packs, cells, seconds, seed, pgUrl, pgUser, pgPassword, keepRows, inFlight, recallInFlight, queryThreads, jdbcSeconds);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            run(o, spec.commandLine().getOut());
            return 0;
        }
    }

    /** Lamination units of the generated cells (assumed: 8 units of one plant). */
    static final int UNITS = 8;
    /** Rolls the generated cells' inlays come from (assumed). */
    static final int ROLLS = 2000;
    static final Instant START = Instant.parse("2029-01-01T00:00:00Z");
    static final int DAYS = 365;

    public static void run(Options o, PrintWriter out) throws Exception {
        AutoCloseable embedded = null;
        String url = o.pgUrl(), user = o.pgUser(), password = o.pgPassword();
        if (url == null) {
            var pg = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().setPGStartupWait(java.time.Duration.ofSeconds(60))
                    // a bulk load: no WAL for the COPY into the tables truncated in its transaction, no checkpoints during it
                    .setServerConfig("wal_level", "minimal").setServerConfig("max_wal_senders", "0")
                    .setServerConfig("max_wal_size", "8GB").setServerConfig("shared_buffers", "1GB").start();
            embedded = pg;
            url = pg.getJdbcUrl("postgres", "postgres");
            user = "postgres";
            password = "";
            out.println("embedded PostgreSQL " + url);
        }
        try {
            Flyway.configure().dataSource(url, user, password).table("rs_schema_history").baselineOnMigrate(true).baselineVersion("0")
                    .locations("classpath:db/readside/postgresql").load().migrate();
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                long t0 = System.nanoTime();
                if (o.keepRows() && filled(c, o)) {
                    out.printf(Locale.ROOT, "kept the %,d packs x %d cells already in the tables (--keep-rows)%n", o.packs(), o.cellsPerPack());
                } else {
                    fill(c, o, out);
                    out.printf(Locale.ROOT, "filled %,d packs x %d cells (%,d cell rows, %,d roll links) in %.1f s (one COPY per table, "
                                    + "keys and indexes built after, VACUUM ANALYZE), load %s%n",
                            o.packs(), o.cellsPerPack(), (long) o.packs() * o.cellsPerPack(), (long) o.packs() * o.cellsPerPack(),
                            (System.nanoTime() - t0) / 1e9, BenchNodes.loadAverage());
                }
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_size_pretty(pg_database_size(current_database()))")) {
                    rs.next();
                    out.println("database size " + rs.getString(1));
                }
                c.setReadOnly(true);
                if (o.jdbcSeconds() > 0) measure(c, o, out);
            }
            measureNode(url, user, password, o, out);
        } finally {
            if (embedded != null) embedded.close();
        }
        out.flush();
    }

    static String packId(int i) {
        return "P-DK1-" + zeroPadded(i, 8);
    }

    static String vehicleId(int i) {
        return "VF8-" + zeroPadded(i, 8);
    }

    static String unit(int u) {
        return "DK1-LAM-" + zeroPadded(u + 1, 2);
    }

    /** The three tables the bench fills. */
    static final List<String> TABLES = List.of("fleet_pack", "rs_cell", "rs_cell_roll");

    /**
     * Fills the three tables in one transaction: their indexes and primary keys dropped (their definitions read from
     * the catalog first), the tables truncated, one {@code COPY ... FREEZE} each (rows generated as they are sent; with
     * {@code wal_level=minimal} PostgreSQL then writes no WAL for them), the keys and indexes built again on the loaded
     * rows, then {@code VACUUM ANALYZE}.
     */
    private static void fill(Connection c, Options o, PrintWriter out) throws SQLException, IOException {
        long t0 = System.nanoTime();
        c.setAutoCommit(false);
        List<String> rebuild = new ArrayList<>();
        try (Statement st = c.createStatement()) {
            List<String> drops = new ArrayList<>();
            String in = "('" + String.join("', '", TABLES) + "')";
            try (ResultSet rs = st.executeQuery("SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
                    + "WHERE contype = 'p' AND conrelid::regclass::text IN " + in)) {
                while (rs.next()) {
                    drops.add("ALTER TABLE " + rs.getString(1) + " DROP CONSTRAINT " + rs.getString(2));
                    rebuild.add("ALTER TABLE " + rs.getString(1) + " ADD CONSTRAINT " + rs.getString(2) + " " + rs.getString(3));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.tablename IN " + in
                    + " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname)")) {
                while (rs.next()) {
                    drops.add("DROP INDEX " + rs.getString(1));
                    rebuild.add(rs.getString(2));
                }
            }
            for (String d : drops) st.execute(d);
            st.execute("TRUNCATE " + String.join(", ", TABLES));
        }
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        long rows = copy(copy, "COPY fleet_pack (pack_id, vehicle_id, vehicle_model, climate, archetype, production_week, lamination_band, "
                + "status, cell_count, nominal_capacity_kwh, soh_capacity, soh_resistance, efc, km, usage_records, events, last_seq_nr, "
                + "updated_at) FROM STDIN WITH (FREEZE)", o, ReadSideBench::packRow);
        out.printf(Locale.ROOT, "  COPY fleet_pack: %,d rows, %.1f s%n", rows, (System.nanoTime() - t0) / 1e9);
        out.flush();
        rows = copy(copy, "COPY rs_cell (cell_id, status, grade, capacity_ah, resistance_mohm, lamination_unit, laminated_at, "
                + "lamination_temperature_c, dew_point_c, lot_id, shipped_at, destination, pack_id, pack_position, vehicle_id, soh, "
                + "last_seq_nr, updated_at) FROM STDIN WITH (FREEZE)", o, ReadSideBench::cellRows);
        out.printf(Locale.ROOT, "  COPY rs_cell: %,d rows, %.1f s%n", rows, (System.nanoTime() - t0) / 1e9);
        out.flush();
        rows = copy(copy, "COPY rs_cell_roll (roll_id, cell_id) FROM STDIN WITH (FREEZE)", o, ReadSideBench::rollRows);
        out.printf(Locale.ROOT, "  COPY rs_cell_roll: %,d rows, %.1f s%n", rows, (System.nanoTime() - t0) / 1e9);
        out.flush();
        try (Statement st = c.createStatement()) {
            st.execute("SET maintenance_work_mem = '1GB'");
            for (String ddl : rebuild) {
                long t = System.nanoTime();
                st.execute(ddl);
                out.printf(Locale.ROOT, "  %s: %.1f s%n", ddl, (System.nanoTime() - t) / 1e9);
                out.flush();
            }
        }
        c.commit();
        c.setAutoCommit(true);
        try (Statement st = c.createStatement()) {
            long t = System.nanoTime();
            st.execute("VACUUM (ANALYZE) " + String.join(", ", TABLES));
            out.printf(Locale.ROOT, "  VACUUM ANALYZE: %.1f s%n", (System.nanoTime() - t) / 1e9);
        }
    }

    /** The generated values of one pack and its cells: a function of the seed and the pack's number only. */
    record GeneratedPack(int number, String pack, String vehicle, double soh, int unit, int day, int[] laminatedSecond,
                         int[] temperature, int[] dewPoint, int[] roll) {
        static GeneratedPack of(long seed, int i, int cells) {
            Random r = new Random(seed * 0x9E3779B97F4A7C15L + i);
            double soh = 0.6 + 0.4 * r.nextDouble();
            // the cells of one pack come from one unit within a few days (as on the line)
            int unit = r.nextInt(UNITS);
            int day = r.nextInt(DAYS);
            int[] at = new int[cells], temp = new int[cells], dew = new int[cells], roll = new int[cells];
            for (int k = 0; k < cells; k++) {
                at[k] = r.nextInt(3 * 86_400);
                temp[k] = r.nextInt(150);
                dew[k] = r.nextInt(250);
                roll[k] = r.nextInt(ROLLS);
            }
            return new GeneratedPack(i, packId(i), vehicleId(i), soh, unit, day, at, temp, dew, roll);
        }

        String cell(int k) {
            return "C-DK1-" + zeroPadded((long) number * laminatedSecond.length + k, 10);
        }
    }

    private interface RowWriter {
        int write(GeneratedPack p, StringBuilder b);
    }

    private static int packRow(GeneratedPack p, StringBuilder b) {
        b.append(p.pack()).append('\t').append(p.vehicle()).append("\tVF8\tHANOI\tCOMMUTER\t2029-W10\t120-125\tIN_SERVICE\t")
                .append(p.laminatedSecond().length).append("\t87.7\t").append(p.soh()).append("\t1.1\t100\t5000\t1\t3\t3\t2029-06-01 00:00:00+00\n");
        return 1;
    }

    private static int cellRows(GeneratedPack p, StringBuilder b) {
        int n = p.laminatedSecond().length;
        for (int k = 0; k < n; k++) {
            Instant at = START.plusSeconds(p.day() * 86_400L + p.laminatedSecond()[k]);
            b.append(p.cell(k)).append("\tIN_FIELD\tA\t20.1\t1.2\t").append(unit(p.unit())).append('\t').append(at).append('\t')
                    .append(115 + p.temperature()[k] / 10.0).append('\t').append(-60 + p.dewPoint()[k] / 10.0).append("\tLOT-").append(p.day())
                    .append("\t\\N\t\\N\t").append(p.pack()).append('\t').append(k).append('\t').append(p.vehicle()).append('\t')
                    .append(p.soh()).append("\t5\t2029-06-01 00:00:00+00\n");
        }
        return n;
    }

    private static int rollRows(GeneratedPack p, StringBuilder b) {
        int n = p.laminatedSecond().length;
        for (int k = 0; k < n; k++) b.append("R-CAT-").append(zeroPadded(p.roll()[k], 4)).append('\t').append(p.cell(k)).append('\n');
        return n;
    }

    /** One COPY of every pack's rows, generated and sent in chunks of about 1 MB. */
    private static long copy(CopyManager copy, String sql, Options o, RowWriter rows) throws SQLException {
        org.postgresql.copy.CopyIn in = copy.copyIn(sql);
        long n = 0;
        try {
            StringBuilder b = new StringBuilder(1 << 21);
            for (int i = 0; i < o.packs(); i++) {
                n += rows.write(GeneratedPack.of(o.seed(), i, o.cellsPerPack()), b);
                if (b.length() >= 1 << 20 || i == o.packs() - 1) {
                    byte[] bytes = b.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                    in.writeToCopy(bytes, 0, bytes.length);
                    b.setLength(0);
                }
            }
            in.endCopy();
        } finally {
            if (in.isActive()) in.cancelCopy();
        }
        return n;
    }

    private static String zeroPadded(long v, int width) {
        String s = Long.toString(v);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    /** Whether the tables already hold the rows of {@code o} (a previous fill of the same size). */
    private static boolean filled(Connection c, Options o) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT (SELECT COUNT(*) FROM fleet_pack), (SELECT COUNT(*) FROM rs_cell)")) {
            rs.next();
            return rs.getLong(1) == o.packs() && rs.getLong(2) == (long) o.packs() * o.cellsPerPack();
        }
    }

    private static void measure(Connection c, Options o, PrintWriter out) throws SQLException {
        SqlSearch sql = SearchTables.compiler(SqlSearch.Dialect.POSTGRESQL);
        Random r = new Random(o.seed() + 1);
        SortSpec byId = SortSpec.parse(null, AssetAttributes.SCHEMA);
        long nanos = o.jdbcSeconds() * 1_000_000_000L;

        // warm-up of every path (JIT, PostgreSQL caches)
        for (int i = 0; i < 50; i++) {
            search(c, sql, "kind=pack and vehicleId=" + vehicleId(r.nextInt(o.packs())), byId, 10);
            search(c, sql, recall(r), byId, 50);
        }

        int n = 0;
        long t0 = System.nanoTime();
        while (System.nanoTime() - t0 < nanos) {
            SearchTables.Page p = search(c, sql, "kind=pack and vehicleId=" + vehicleId(r.nextInt(o.packs())), byId, 10);
            if (p.items().size() != 1) throw new IllegalStateException("indexed search found " + p.items().size() + " packs");
            n++;
        }
        out.printf(Locale.ROOT, "JDBC, one connection: indexed search (kind=pack and vehicleId=..., one statement): %.0f searches/s%n", n / ((System.nanoTime() - t0) / 1e9));

        long[] lat = new long[10_000];
        int m = 0;
        long found = 0;
        t0 = System.nanoTime();
        while (System.nanoTime() - t0 < nanos && m < lat.length) {
            String q = recall(r);
            long s = System.nanoTime();
            SearchTables.Page p = search(c, sql, q, byId, 50);
            lat[m++] = System.nanoTime() - s;
            found += p.count();
        }
        Arrays.sort(lat, 0, m);
        out.printf(Locale.ROOT, "JDBC, one connection: recall (cell.laminationUnit=U and 2-day cell.laminatedAt window and soh<0.85, page of 50 with matching cells): "
                        + "%d queries, p50 %.1f ms, p99 %.1f ms, %.0f packs found per query%n",
                m, lat[m / 2] / 1e6, lat[Math.min(m - 1, (int) (m * 0.99))] / 1e6, found / (double) m);

        n = 0;
        t0 = System.nanoTime();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM fleet_pack WHERE pack_id = ?")) {
            while (System.nanoTime() - t0 < nanos) {
                ps.setString(1, packId(r.nextInt(o.packs())));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) throw new IllegalStateException("pack not found");
                }
                n++;
            }
        }
        out.printf(Locale.ROOT, "JDBC, one connection: GET by id (fleet_pack by pack_id): %.0f reads/s%n", n / ((System.nanoTime() - t0) / 1e9));
        System.gc();
        Runtime rt = Runtime.getRuntime();
        out.printf(Locale.ROOT, "bench JVM heap used after GC: %.1f MB (the rows live in PostgreSQL, not in the heap)%n",
                (rt.totalMemory() - rt.freeMemory()) / 1e6);
    }

    /**
     * One twin node on the filled database, driven over HTTP: GET by id ({@code /api/v1/search?q=kind=pack and id=...},
     * a primary-key read with the pack's summary), the indexed search ({@code kind=pack and vehicleId=...}) and the
     * recall query, each for {@code --seconds} after a warm-up; then the JVM's heap (the node's, with the client's few MB).
     */
    private static void measureNode(String url, String user, String password, Options o, PrintWriter out) throws Exception {
        java.util.Map<String, Object> extra = new java.util.HashMap<>();
        if (o.queryThreads() > 0) extra.put("twin.read-side.query-threads", o.queryThreads());
        long t0 = System.nanoTime();
        try (BenchNodes nodes = BenchNodes.start(1, new BenchNodes.Db(url, user, password), extra);
             ReadSideHttpLoad load = new ReadSideHttpLoad(nodes.nodes.get(0).port(), postgresPort(url), out)) {
            out.printf(Locale.ROOT, "node started in %.1f s (read side query threads %d); client in this JVM: %d HTTP/1.1 "
                    + "keep-alive connections (recall %d), one request in flight on each, no pipelining%n", (System.nanoTime() - t0) / 1e9,
                    org.ssbtwin.config.ReadSideSettings.from(com.typesafe.config.ConfigFactory.parseMap(extra)
                            .withFallback(com.typesafe.config.ConfigFactory.load())).queryThreads(),
                    o.inFlight(), o.recallInFlight());
            out.flush();
            ReadSideHttpLoad.Probe byId = new ReadSideHttpLoad.Probe() {
                public String path(Random r) {
                    return ReadSideHttpLoad.query("kind=pack and id=" + packId(r.nextInt(o.packs())), 1);
                }

                public String check(String path, int status, String body) {
                    String id = path.substring(path.indexOf("P-DK1-"), path.indexOf("P-DK1-") + 14); // the id asked for
                    return status != 200 ? "status " + status + " " + body
                            : body.contains("\"count\":1") && body.contains("\"id\":\"" + id + "\"") && body.contains("\"stateOfHealth\"")
                            ? null : "not the one pack " + id + ": " + body;
                }
            };
            ReadSideHttpLoad.Probe byVehicle = new ReadSideHttpLoad.Probe() {
                public String path(Random r) {
                    return ReadSideHttpLoad.query("kind=pack and vehicleId=" + vehicleId(r.nextInt(o.packs())), 10);
                }

                public String check(String path, int status, String body) {
                    return status != 200 ? "status " + status + " " + body : body.contains("\"count\":1") ? null : "not one pack: " + body;
                }
            };
            ReadSideHttpLoad.Probe recall = new ReadSideHttpLoad.Probe() {
                public String path(Random r) {
                    return ReadSideHttpLoad.query(recall(r), 50);
                }

                public String check(String path, int status, String body) {
                    return status != 200 ? "status " + status + " " + body : body.contains("\"count\":") ? null : "no count: " + body;
                }
            };
            // warm-up of every path (JIT of node and client, PostgreSQL's caches)
            // long enough for C2 to finish compiling the hot paths on a shared host (shorter warm-ups left the compiler
            // threads busy in the measured window: a third of the node's CPU)
            double warm = o.seconds();
            load.run("warm-up", byId, o.inFlight(), warm, o.seed() + 11, false);
            load.run("warm-up", byVehicle, o.inFlight(), warm, o.seed() + 12, false);
            load.run("warm-up", recall, o.recallInFlight(), warm, o.seed() + 13, false);
            ReadSideHttpLoad.resetPeaks();
            load.run("GET by id (search kind=pack and id=..., limit 1)", byId, o.inFlight(), o.seconds(), o.seed() + 21, true);
            load.run("indexed search (kind=pack and vehicleId=..., limit 10)", byVehicle, o.inFlight(), o.seconds(), o.seed() + 22, true);
            ReadSideHttpLoad.Figures f = load.run("recall (cell.laminationUnit=U and a 2-day cell.laminatedAt window and soh<0.85, "
                    + "page of 50 with matching cells)", recall, o.recallInFlight(), o.seconds(), o.seed() + 23, true);
            out.printf(Locale.ROOT, "  recall: %.0f packs match per query (count)%n", f.sumOfCounts() / (double) Math.max(1, f.requests()));
            out.println("JVM (node + bench client): " + ReadSideHttpLoad.heap());
            out.flush();
        }
    }

    /** The port of a {@code jdbc:postgresql://host:port/db} URL (5432 when none is given, 0 when it cannot be read). */
    static int postgresPort(String url) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^jdbc:postgresql://[^/:]+(?::(\\d+))?/").matcher(url);
        return !m.find() ? 0 : m.group(1) == null ? 5432 : Integer.parseInt(m.group(1));
    }

    static String recall(Random r) {
        LocalDate from = LocalDate.of(2029, 1, 1).plusDays(r.nextInt(DAYS - 2));
        return "kind=pack and cell.laminationUnit=" + unit(r.nextInt(UNITS)) + " and cell.laminatedAt>=" + from
                + " and cell.laminatedAt<" + from.plusDays(2) + " and soh<0.85";
    }

    private static SearchTables.Page search(Connection c, SqlSearch sql, String q, SortSpec sort, int limit) throws SQLException {
        Filter f = FilterParser.parse(q, RecallAttributes.SCHEMA);
        return SearchTables.page(c, sql, f, sort, null, limit, "bench");
    }
}
