package org.ssbtwin.api.cli;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** {@code bench ingest --source}: a wrong source or option names the option (the run itself is a bench, not a test). */
class KafkaBenchOptionsTest {
    @Test
    void badSourceOptionsNameTheOption() {
        var source = StudyCommandTest.run("bench", "ingest", "--source", "ftp");
        assertEquals(2, source.code());
        assertTrue(source.err().contains("--source: must be http or kafka, was 'ftp'"), source.err());
        var nodes = StudyCommandTest.run("bench", "ingest", "--source", "kafka", "--nodes", "2");
        assertEquals(2, nodes.code());
        assertTrue(nodes.err().contains("--source kafka: one node"), nodes.err());
        var partitions = StudyCommandTest.run("bench", "ingest", "--source", "kafka", "--partitions", "0");
        assertEquals(2, partitions.code());
        assertTrue(partitions.err().contains("--partitions: must be within [1, 256], was 0"), partitions.err());
    }
}
