package org.ssbtwin.api.bench;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The entity memory bench at tiny scale (H2): the entities become resident and the figures are sane. */
class EntityMemoryBenchTest {
    @Test
    @Timeout(240)
    void aThousandResidentPacksGiveAPositiveFootprint() {
        StringWriter log = new StringWriter();
        EntityMemoryBench.Report r = EntityMemoryBench.run(EntityMemoryBench.Options.of(1000, 3, 3000, null, null, null), new PrintWriter(log, true));
        String text = r.format();
        System.out.print(log + text);
        assertEquals(1000, r.entities());
        // a pack holds 112 cell ids and factors: several KB (~17 MB for 1000, above the GC noise of a few MB); no tighter bound
        assertTrue(r.bytesPerEntity() > 1_000 && r.bytesPerEntity() < 1_000_000, text);
        assertTrue(r.entitiesPerGb() > 0, text);
        assertTrue(r.stateParts().get(0).bytesPerPack() > 5_000, "the whole state holds the cells: " + text);
        assertTrue(text.contains("bytes per resident pack entity"), text);
    }

    @Test
    void badOptionsNameTheOption() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EntityMemoryBench.Options.of(0, 3, 0, null, null, null))
                .getMessage().startsWith("--entities"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EntityMemoryBench.Options.of(10, -1, 0, null, null, null))
                .getMessage().startsWith("--usage-days"));
    }
}
