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
        // actor, sharding and persistence bookkeeping plus the state: a few KB (~5 MB for 1000, above the GC noise of a
        // few MB on H2); no tighter bound
        assertTrue(r.bytesPerEntity() > 1_000 && r.bytesPerEntity() < 1_000_000, text);
        assertTrue(r.entitiesPerGb() > 0, text);
        // the state: 112 cell ids, the cell profile, the ageing snapshot (~1.5 KB), far below the 112 factors it replaced
        assertTrue(r.stateParts().get(0).bytesPerPack() > 300 && r.stateParts().get(0).bytesPerPack() < 6_000, "the whole state: " + text);
        // the histogram shows one pack state per entity (plus the entity's empty state)
        assertTrue(r.grownClasses().stream().anyMatch(p -> p.name().startsWith("org.ssbtwin.core.pack.Pack ")), text);
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
