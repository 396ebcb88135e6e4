package org.ssbtwin.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.ssbtwin.api.ingest.AssetRecorder;
import org.ssbtwin.api.TwinServer;
import org.ssbtwin.feed.AssetBatch;
import org.ssbtwin.fleet.usage.VehicleModel;
import org.ssbtwin.core.id.CellId;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.core.id.VehicleId;
import org.ssbtwin.fleet.pack.PackEvent;
import org.ssbtwin.core.quality.ManufacturingFactors;

/**
 * The benchmark fleet: VF 8 packs of 112 series cells, each cell with its own manufacturing factors (drawn from a
 * seeded generator around nominal; assumed spreads), installed in a vehicle, registered through the twin's normal
 * write path ({@link AssetRecorder}, as the simulation and MES ingestion do).
 */
final class BenchPacks {
    static final Instant INSTALLED_AT = Instant.parse("2028-01-02T00:00:00Z");
    static final LocalDate FIRST_DAY = LocalDate.ofInstant(INSTALLED_AT, ZoneOffset.UTC);
    static final VehicleModel MODEL = VehicleModel.VF8;

    private BenchPacks() {}

    static PackId id(int i) {
        return PackId.of(padded("P-BEN-", i, 7));
    }

    /** {@code prefix} and {@code n} zero-padded to {@code width} digits (String.format is slow in a loop). */
    static String padded(String prefix, long n, int width) {
        String digits = Long.toString(n);
        StringBuilder sb = new StringBuilder(prefix.length() + Math.max(width, digits.length())).append(prefix);
        for (int k = digits.length(); k < width; k++) sb.append('0');
        return sb.append(digits).toString();
    }

    /** Assembly (its cells and their factors) and installation of pack {@code i}. */
    static List<PackEvent> installation(int i) {
        int n = MODEL.packDesign().seriesElements();
        SplittableRandom rnd = new SplittableRandom(0x5EEDL * 31 + i);
        List<CellId> cells = new ArrayList<>(n);
        List<ManufacturingFactors> factors = new ArrayList<>(n);
        for (int c = 0; c < n; c++) {
            cells.add(CellId.of(padded("C-BEN-", (long) i * n + c, 9)));
            factors.add(new ManufacturingFactors(1.0 + 0.08 * rnd.nextDouble(), 0.2 * rnd.nextDouble(),
                    rnd.nextDouble() < 0.01 ? 0.3 * rnd.nextDouble() : 0.0, 118 + 4 * rnd.nextDouble(), -47 + 3 * rnd.nextDouble()));
        }
        return List.of(new PackEvent.Assembled(id(i), MODEL.name(), cells, factors, MODEL.ratedKWh(), INSTALLED_AT),
                new PackEvent.Installed(VehicleId.of(padded("VF8-", i, 7)), "HO_CHI_MINH_CITY", "COMMUTER", INSTALLED_AT));
    }

    /** Registers packs {@code 0..count-1} through {@code node}'s sharding, {@code chunk} packs per recorder call. */
    static void register(TwinServer node, int count, int chunk) {
        AssetRecorder recorder = new AssetRecorder(node.system(), ClusterSharding.get(node.system()), Duration.ofSeconds(30), node.clock()::now);
        for (int from = 0; from < count; from += chunk) {
            List<AssetBatch> batches = new ArrayList<>();
            for (int i = from; i < Math.min(count, from + chunk); i++) batches.add(new AssetBatch.ForPack(id(i), installation(i)));
            CompletionStage<List<AssetRecorder.Outcome>> done = recorder.recordAll(batches);
            List<AssetRecorder.Outcome> outcomes;
            try {
                outcomes = done.toCompletableFuture().get(120, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("registering packs " + from + ".. failed: " + e, e);
            }
            for (AssetRecorder.Outcome o : outcomes) {
                if (o.rejection() != null) throw new IllegalStateException("pack " + o.batch().entityId() + " refused: " + o.rejection().message());
            }
        }
    }

    /** One NDJSON telemetry line: day {@code day} (0 = the installation day) of pack {@code i}; deterministic. */
    static void appendDay(StringBuilder sb, int i, int day) {
        int h = (i * 31 + day * 17) & 0xffff;
        int km = 20 + h % 90;
        int dc = (h % 7 == 0) ? 15 : 0;
        sb.append("{\"recordId\":\"r").append(i).append('-').append(day)
                .append("\",\"packId\":\"").append(id(i).value())
                .append("\",\"date\":\"").append(FIRST_DAY.plusDays(day))
                .append("\",\"km\":").append(km)
                .append(",\"dischargeKWh\":").append(km * 0.24)
                .append(",\"minSoc\":0.3,\"maxSoc\":0.8")
                .append(",\"meanCellTempC\":").append(24 + h % 9)
                .append(",\"dcFastChargeKWh\":").append(dc)
                .append("}\n");
    }
}
