package org.ssbtwin.bench;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.ssbtwin.fleet.ageing.reference.ReferenceModel;

/** Runs the benchmarks once at a tiny size: they run and print their figures' labels (timings are not asserted). */
class BenchCommandTest {
    record Run(int code, String out, String err) {}

    /** Runs the {@code bench} command line as {@code java -jar twin-bench.jar args} would, capturing its output. */
    static Run run(String... args) {
        picocli.CommandLine cli = new picocli.CommandLine(new BenchCommand());
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        cli.setOut(new java.io.PrintWriter(out));
        cli.setErr(new java.io.PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
    @Test
    void fleetBenchPrintsThroughputAndWallTime() {
        var r = run("fleet", "--packs", "300", "--years", "2", "--threads", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("300 packs x 2 years, 1 threads"), r.out());
        assertTrue(r.out().contains("pack-days:      219000"), r.out());
        assertTrue(r.out().contains("wall time:"), r.out());
        assertTrue(r.out().contains("M pack-days/s"), r.out());
    }

    @Test
    void referenceBenchPrintsMsPerCellForEveryModelOnP6AndP6h() {
        var r = run("reference", "--years", "1", "--warmup", "0", "--runs", "1");
        assertEquals(0, r.code(), r.err());
        for (String model : ReferenceModel.NAMES) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(model) && l.contains(" p6 ") && l.contains("ms/cell")), r.out());
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(model) && l.contains(" p6h ") && l.contains("ms/cell")), r.out());
        }
    }

    @Test
    void badBenchOptionsNameTheOption() {
        var r = run("fleet", "--packs", "0");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--packs: must be within [1, 5000000], was 0"), r.err());
        assertEquals(2, run().code());
        var placement = run("ingest", "--projection", "nowhere");
        assertEquals(2, placement.code());
        assertTrue(placement.err().contains("--projection: must be here or elsewhere, was 'nowhere'"), placement.err());
    }

    @Test
    void badIngestSourceOptionsNameTheOption() {
        var source = run("ingest", "--source", "ftp");
        assertEquals(2, source.code());
        assertTrue(source.err().contains("--source: must be http or kafka, was 'ftp'"), source.err());
        var nodes = run("ingest", "--source", "kafka", "--nodes", "2");
        assertEquals(2, nodes.code());
        assertTrue(nodes.err().contains("--source kafka: one node"), nodes.err());
        var partitions = run("ingest", "--source", "kafka", "--partitions", "0");
        assertEquals(2, partitions.code());
        assertTrue(partitions.err().contains("--partitions: must be within [1, 256], was 0"), partitions.err());
    }

    @Test
    void passportExportBenchReadsEveryPackOnceAndNamesBadOptions() {
        var bad = run("passport-export", "--page", "0");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--page: must be within [1, 100000], was 0"), bad.err());
        var r = run("passport-export", "--packs", "25", "--page", "4", "--runs", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("run 1: 25 passports (X-Total-Count 25, 25 distinct packs, 0 duplicates)"), r.out());
        assertTrue(r.out().contains("passports/s on"), r.out());
    }
}
