package org.ssbtwin.bench;

import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.ssbtwin.api.passport.SamplePackLife;
import org.ssbtwin.api.readside.FleetTables;
import org.ssbtwin.api.readside.PassportFactsTable;
import org.ssbtwin.config.TwinSettings;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.fleet.pack.PackEvent;
import org.ssbtwin.fleet.readmodel.FleetPackRow;
import org.ssbtwin.fleet.readmodel.PackPassportRow;
import org.ssbtwin.fleet.usage.VehicleModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The battery passport NDJSON export over HTTP ({@code GET /api/v1/passports}, issue 18: 100,000 passports in < 60 s)
 * on a real twin node: the fleet read side's {@code fleet_pack} and {@code fleet_pack_passport} are filled with
 * {@code --packs} rows directly (copies of 6 five-year pack lives folded by the read model's own folds, each under its
 * own pack id: building 100,000 packs through their entities would take hours on this machine), then one client reads
 * the whole stream and checks that every pack came exactly once. Prints passports/s, MB and time to first byte.
 */
@Command(name = "passport-export", mixinStandardHelpOptions = true,
        description = "GET /api/v1/passports (NDJSON, built from the fleet read side) of --packs packs whose read-side rows are "
                + "filled directly: passports/s, every pack exactly once.")
final class PassportExportBench implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--packs", defaultValue = "100000", description = "packs in the read side (default ${DEFAULT-VALUE})")
    int packs;

    @Option(names = "--page", defaultValue = "500", description = "packs per read-side page of the export (default ${DEFAULT-VALUE})")
    int page;

    @Option(names = "--runs", defaultValue = "2", description = "timed exports (default ${DEFAULT-VALUE}; the first warms the JIT)")
    int runs;

    @Mixin
    BenchCommand.Database db;

    @Override
    public Integer call() throws Exception {
        if (packs < 1 || packs > 10_000_000) throw new ParameterException(spec.commandLine(), "--packs: must be within [1, 10000000], was " + packs);
        if (page < 1 || page > 100_000) throw new ParameterException(spec.commandLine(), "--page: must be within [1, 100000], was " + page);
        if (runs < 1 || runs > 100) throw new ParameterException(spec.commandLine(), "--runs: must be within [1, 100], was " + runs);
        PrintWriter out = spec.commandLine().getOut();
        BenchNodes.Db database = db.pgUrl == null ? BenchNodes.Db.H2 : new BenchNodes.Db(db.pgUrl, db.pgUser, db.pgPassword);
        try (BenchNodes nodes = BenchNodes.start(1, database, Map.of("twin.passport.export-page-size", page))) {
            long t0 = System.nanoTime();
            fill(nodes.database(), packs);
            out.printf(Locale.ROOT, "filled %d read-side rows (%s) in %.1f s%n", packs, database.label(), (System.nanoTime() - t0) / 1e9);
            out.flush();
            URI uri = URI.create("http://127.0.0.1:" + nodes.nodes.get(0).port() + "/api/v1/passports");
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            for (int run = 1; run <= runs; run++) {
                long cpu0 = os.getProcessCpuTime();
                long start = System.nanoTime();
                HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
                if (r.statusCode() != 200) throw new IllegalStateException("GET /api/v1/passports answered " + r.statusCode());
                double firstByte = Double.NaN;
                long bytes = 0;
                Set<String> seen = new HashSet<>(packs * 2);
                int lines = 0;
                int duplicates = 0;
                byte[] buf = new byte[1 << 16];
                StringBuilder line = new StringBuilder();
                try (InputStream in = r.body()) {
                    for (int n; (n = in.read(buf)) > 0; ) {
                        if (Double.isNaN(firstByte)) firstByte = (System.nanoTime() - start) / 1e6;
                        bytes += n;
                        for (int i = 0; i < n; i++) {
                            if (buf[i] == '\n') {
                                lines++;
                                if (!seen.add(packIdOf(line))) duplicates++;
                                line.setLength(0);
                            } else {
                                line.append((char) buf[i]);
                            }
                        }
                    }
                }
                double s = (System.nanoTime() - start) / 1e9;
                double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
                int cores = Runtime.getRuntime().availableProcessors();
                out.printf(Locale.ROOT, "run %d: %d passports (X-Total-Count %s, %d distinct packs, %d duplicates) in %.1f s = %.0f passports/s, "
                                + "%.1f MB, first byte after %.0f ms, load %s%n", run, lines, r.headers().firstValue("X-Total-Count").orElse("?"),
                        seen.size(), duplicates, s, lines / s, bytes / 1e6, firstByte, BenchNodes.loadAverage());
                // on a shared machine the wall time measures the neighbours too: the process CPU time (node and client)
                // over the cores is the wall time the export would take with the cores to itself
                out.printf(Locale.ROOT, "run %d: process cpu %.1f s (%.0f %% of %d cores over the wall time) -> %.1f s = %.0f passports/s on %d free cores%n",
                        run, cpu, 100 * cpu / (s * cores), cores, cpu / cores, lines / (cpu / cores), cores);
                out.flush();
                if (seen.size() != packs || duplicates != 0) throw new IllegalStateException("the export did not have every pack exactly once");
            }
        }
        return 0;
    }

    /** The pack id of an NDJSON line: the document's first {@code "idDmc":"..."} (its identification section). */
    private static String packIdOf(CharSequence line) {
        String s = line.toString();
        int i = s.indexOf("\"idDmc\":\"");
        if (i < 0) throw new IllegalStateException("a line without idDmc: " + s);
        int from = i + 9;
        return s.substring(from, s.indexOf('"', from));
    }

    /** Fills fleet_pack and fleet_pack_passport with {@code packs} copies of 6 five-year lives (1,000 rows a transaction). */
    static void fill(TwinSettings.Database db, int packs) throws Exception {
        VehicleModel[] models = {VehicleModel.VF3, VehicleModel.VF5, VehicleModel.VF6, VehicleModel.VF7, VehicleModel.VF8, VehicleModel.VF9};
        List<FleetPackRow> packRows = new ArrayList<>();
        List<PackPassportRow> passportRows = new ArrayList<>();
        for (int i = 0; i < models.length; i++) {
            PackId id = PackId.of(String.format("P-DK1-%06d", i + 1));
            FleetPackRow row = FleetPackRow.empty(id.value());
            PackPassportRow p = PackPassportRow.empty(id.value());
            long seq = 0;
            for (PackEvent e : SamplePackLife.events(id, models[i], LocalDate.of(2028, 3, 6), 5, i, 42 + i)) {
                seq++;
                row = row.apply(e, seq);
                p = p.apply(e, seq);
            }
            packRows.add(row);
            passportRows.add(p);
        }
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            c.setAutoCommit(false);
            List<FleetPackRow> rows = new ArrayList<>();
            List<PackPassportRow> facts = new ArrayList<>();
            for (int i = 0; i < packs; i++) {
                String id = String.format("P-DK1-%08d", i + 1);
                FleetPackRow t = packRows.get(i % packRows.size());
                PackPassportRow f = passportRows.get(i % passportRows.size());
                rows.add(new FleetPackRow(id, t.vehicleId(), t.vehicleModel(), t.climate(), t.archetype(), t.productionWeek(), t.laminationBand(),
                        t.status(), t.cellCount(), t.nominalCapacityKwh(), t.sohCapacity(), t.sohResistance(), t.efc(), t.km(), t.usageRecords(),
                        t.events(), t.lastSeqNr(), t.updatedAt()));
                facts.add(new PackPassportRow(id, f.firstSeqNr(), f.lastSeqNr(), f.assembledAt(), f.installedAt(), f.healthAt(), f.cellSites(),
                        f.worstDefectSeverity(), f.throughputKwh(), f.telemetryPeriods(), f.minMeanCellTempC(), f.maxMeanCellTempC(),
                        f.sumMeanCellTempC(), f.stateOfChargePct(), f.ageingDays(), f.observedFailure(), f.negativeEvents()));
                if (rows.size() == 1000 || i == packs - 1) {
                    FleetTables.saveAll(c, rows, false);
                    PassportFactsTable.saveAll(c, facts, Set.of());
                    c.commit();
                    rows.clear();
                    facts.clear();
                }
            }
        }
    }
}
