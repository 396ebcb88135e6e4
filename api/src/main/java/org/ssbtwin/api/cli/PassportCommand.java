package org.ssbtwin.api.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.ssbtwin.api.passport.BatteryPassport;
import org.ssbtwin.api.passport.PackPassportFacts;
import org.ssbtwin.api.passport.PassportBuilder;
import org.ssbtwin.api.passport.PassportDeclarations;
import org.ssbtwin.api.passport.PassportFiles;
import org.ssbtwin.api.passport.PassportTier;
import org.ssbtwin.api.passport.PassportTiers;
import org.ssbtwin.api.passport.SamplePackLife;
import org.ssbtwin.fleet.usage.VehicleModel;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.plant.cell.CellDesign;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code twin passport export|bench}: every pack's battery passport into a folder, one file per pack. */
@Command(name = "passport", mixinStandardHelpOptions = true, description = "Battery passports (issue 18): export a fleet's, or time the export.",
        subcommands = {PassportCommand.Export.class, PassportCommand.Bench.class})
public final class PassportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(System.err);
        return 2;
    }

    static ProgressBar progressBar(String task, long total) {
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).showSpeed().build();
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Reads every pack's passport from a running twin (GET /api/v1/passports, NDJSON) and writes <out>/<packId>.json.")
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--fleet", required = true, description = "base URL of the twin that holds the fleet, e.g. http://127.0.0.1:8080")
        String fleet;

        @Option(names = "--out", required = true, description = "output directory")
        Path out;

        @Option(names = "--at", description = "passports as at this date (YYYY-MM-DD) instead of now")
        String at;

        @Option(names = "--api-key-env", description = "name of the environment variable holding the API key (reader role or higher)")
        String apiKeyEnv;

        @Option(names = "--api-key-file", description = "file holding the API key (reader role or higher)")
        Path apiKeyFile;

        @Override
        public Integer call() throws IOException, InterruptedException {
            URI base;
            try {
                base = URI.create(fleet.replaceAll("/+$", ""));
                if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme())) throw new IllegalArgumentException("not http(s)");
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--fleet: must be the twin's base URL like http://127.0.0.1:8080, was '" + fleet + "'");
            }
            if (at != null) {
                try {
                    LocalDate.parse(at);
                } catch (java.time.format.DateTimeParseException e) {
                    throw new ParameterException(spec.commandLine(), "--at: must be a date like 2031-06-01, was '" + at + "'");
                }
            }
            HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + "/api/v1/passports" + (at == null ? "" : "?at=" + at))).GET();
            if (apiKeyEnv != null) {
                String key = System.getenv(apiKeyEnv);
                if (key == null) throw new ParameterException(spec.commandLine(), "--api-key-env: environment variable " + apiKeyEnv + " is not set");
                req.header("Authorization", "Bearer " + key);
            }
            if (apiKeyFile != null) {
                String key;
                try {
                    key = java.nio.file.Files.readString(apiKeyFile).strip();
                } catch (IOException e) {
                    throw new ParameterException(spec.commandLine(), "--api-key-file: cannot read " + apiKeyFile + ": " + e.getMessage());
                }
                req.header("Authorization", "Bearer " + key);
            }
            PassportFiles files = new PassportFiles(out);
            long t0 = System.nanoTime();
            HttpResponse<java.io.InputStream> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                    .send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (r.statusCode() != 200) {
                String body = new String(r.body().readNBytes(2000), StandardCharsets.UTF_8);
                spec.commandLine().getErr().println("error: " + base + "/api/v1/passports answered " + r.statusCode() + ": " + body);
                return 1;
            }
            long total = r.headers().firstValue("X-Total-Count").map(Long::parseLong).orElse(-1L);
            long n = 0;
            try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8));
                 ProgressBar bar = progressBar("passports", total)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.isBlank()) continue;
                    files.writeLine(line);
                    n++;
                    bar.step();
                }
            }
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "%d passports written to %s in %.1f s (%.0f per s)%n", n, files.dir(), s, n / s);
            return n == total || total < 0 ? 0 : 1;
        }
    }

    @Command(name = "bench", mixinStandardHelpOptions = true,
            description = "Times the export pipeline (build, access-tier view, serialise, write a file) for N packs whose states are "
                    + "5-year-old packs aged by the twin's model (SamplePackLife); prints the wall time and rate.")
    static final class Bench implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--packs", defaultValue = "100000", description = "packs (default 100000)")
        int packs;

        @Option(names = "--out", required = true, description = "output directory (one file per pack)")
        Path out;

        @Option(names = "--threads", description = "worker threads (default: available processors)")
        Integer threads;

        @Override
        public Integer call() throws Exception {
            if (packs < 1 || packs > 10_000_000) throw new ParameterException(spec.commandLine(), "--packs: must be within [1, 10000000], was " + packs);
            int nThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
            if (nThreads < 1 || nThreads > 256) throw new ParameterException(spec.commandLine(), "--threads: must be within [1, 256], was " + nThreads);
            PassportDeclarations declared = PassportDeclarations.bundledExample();
            // 6 template lives (vehicle models, seeds), each pack takes one and its own id
            List<PackPassportFacts.Facts> templates = new ArrayList<>();
            VehicleModel[] models = {VehicleModel.VF3, VehicleModel.VF5, VehicleModel.VF6, VehicleModel.VF7, VehicleModel.VF8, VehicleModel.VF9};
            for (int i = 0; i < models.length; i++) {
                PackId id = PackId.of(String.format("P-DK1-%06d", i + 1));
                templates.add(SamplePackLife.facts(id, SamplePackLife.events(id, models[i], LocalDate.of(2028, 3, 6), 5, i, 42 + i), null));
            }
            PassportFiles files = new PassportFiles(out);
            AtomicLong bytes = new AtomicLong();
            long t0 = System.nanoTime();
            java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(nThreads);
            try (ProgressBar bar = progressBar("passports", packs)) {
                pool.submit(() -> IntStream.range(0, packs).parallel().forEach(i -> {
                    PackPassportFacts.Facts t = templates.get(i % templates.size());
                    PackPassportFacts.Facts facts = t.withPackId(String.format("P-DK1-%08d", i + 1));
                    BatteryPassport passport = PassportBuilder.build(facts, facts.design(CellDesign.DUNKIRK), declared,
                            "https://twin.example/api/v1/packs/" + facts.packId() + "/passport");
                    bytes.addAndGet(files.write(PassportTiers.view(passport.document(), PassportTier.LEGITIMATE_INTEREST)));
                    bar.step();
                })).get();
            } finally {
                pool.shutdown();
            }
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "passport export bench: %d passports (build + tier view + serialise + write %s/<packId>.json) in %.1f s "
                            + "= %.0f per s, %.1f MB, %d threads on %d cores%n", packs, files.dir(), s, packs / s, bytes.get() / 1e6,
                    nThreads, Runtime.getRuntime().availableProcessors());
            return 0;
        }
    }
}
