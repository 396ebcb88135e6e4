package org.ssbtwin.bench;

import static org.junit.jupiter.api.Assertions.*;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The ingest bench at tiny scale on a real embedded PostgreSQL: sane non-zero figures, no errors, ack = persisted. */
class IngestBenchTest {
    @Test
    @Tag("bench")
    @Timeout(180)
    void twoBatchSizesOnOneNodeReportFiguresAndEveryAcknowledgedRecordIsInTheJournal() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            StringWriter log = new StringWriter();
            IngestBench.Report r = IngestBench.run(IngestBench.Options.of(1, 20, List.of(1, 10), 2, Duration.ofSeconds(1),
                    Duration.ofSeconds(3), pg.getJdbcUrl("postgres", "postgres"), "postgres", ""), new PrintWriter(log, true));
            String text = r.format();
            System.out.print(log + text);
            assertEquals(1, r.nodes());
            assertEquals(2, r.phases().size());
            assertEquals(0, r.errors(), text);
            for (IngestBench.Phase p : r.phases()) {
                assertTrue(p.requests() > 0, text);
                assertEquals(p.requests() * p.batchSize(), p.records(), "every request carries a full batch");
                assertTrue(p.recordsPerSecond() > 0 && p.p50() > 0 && p.p50() <= p.p99() && p.p99() <= p.max(), text);
                assertTrue(p.cpuMsPerThousandRecords() > 0 && Double.isFinite(p.cpuMsPerThousandRecords()), text);
                if (java.nio.file.Files.isReadable(java.nio.file.Path.of("/proc/stat"))) {
                    // the embedded PostgreSQL runs on this host: its processes' CPU and the machine's busy share are read
                    assertTrue(p.postgresCpuMsPerThousandRecords() > 0, text);
                    assertTrue(p.machineBusyShare() > 0 && p.machineBusyShare() <= 1.05, text);
                }
            }
            assertTrue(r.acknowledgedRecords() >= r.phases().stream().mapToLong(IngestBench.Phase::records).sum());
            assertEquals(r.acknowledgedRecords(), r.persistedUsageEvents(), "an acknowledged record is a persisted event");
            assertTrue(text.contains("records/s") && text.contains("p99 ms"), text);
        }
    }

    @Test
    @Tag("bench")
    @Timeout(180)
    void withTheProjectionOnAReadSideNodeTheNodesOnlyIngestAndEachCpuIsToldApart() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            IngestBench.Report r = IngestBench.run(IngestBench.Options.of(1, 20, List.of(10), 2, Duration.ofSeconds(1),
                    Duration.ofSeconds(3), pg.getJdbcUrl("postgres", "postgres"), "postgres", "", false), new PrintWriter(new StringWriter(), true));
            String text = r.format();
            System.out.print(text);
            assertEquals(0, r.errors(), text);
            assertNotNull(r.readSide(), "the read-side node's projection is waited for after the window");
            assertTrue(r.readSide().caughtUp(), text);
            assertEquals(r.acknowledgedRecords(), r.persistedUsageEvents(), "an acknowledged record is a persisted event");
            IngestBench.Phase p = r.phases().get(0);
            assertTrue(p.nodeCpuMsPerThousandRecords() > 0 && p.nodeCpuMsPerThousandRecords() < p.cpuMsPerThousandRecords(), text);
            assertTrue(p.readSideNodeCpuMsPerThousandRecords() > 0, "the read-side node's JVM works apart: " + text);
            try (var c = pg.getPostgresDatabase().getConnection(); var st = c.createStatement();
                 var rs = st.executeQuery("select count(*) from fleet_pack")) {
                rs.next();
                assertEquals(20, rs.getLong(1), "the read-side node projected every pack");
            }
        }
    }

    @Test
    void badOptionsNameTheOption() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> IngestBench.Options.of(0, 10, List.of(10), 1,
                Duration.ZERO, Duration.ofSeconds(1), null, null, null)).getMessage().startsWith("--nodes"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> IngestBench.Options.of(1, 10, List.of(0), 1,
                Duration.ZERO, Duration.ofSeconds(1), null, null, null)).getMessage().startsWith("--batch-size"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> IngestBench.Options.of(1, 4, List.of(10), 8,
                Duration.ZERO, Duration.ofSeconds(1), null, null, null)).getMessage().startsWith("--clients"));
    }
}
