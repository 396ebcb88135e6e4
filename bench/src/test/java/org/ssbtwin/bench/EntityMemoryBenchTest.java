package org.ssbtwin.bench;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The entity memory bench at tiny scale (H2): the entities become resident and the figures are sane. */
class EntityMemoryBenchTest {
    @Test
    @Tag("bench")
    @Timeout(240)
    void aThousandResidentPacksGiveAPositiveFootprint() {
        StringWriter log = new StringWriter();
        EntityMemoryBench.Report r = EntityMemoryBench.run(EntityMemoryBench.Options.of(1000, 3, 3000, null, null, null), new PrintWriter(log, true));
        String text = r.format();
        System.out.print(log + text);
        assertEquals(1000, r.entities());
        // actor, sharding and persistence bookkeeping plus the state: a few KB per pack. The used-heap figure is ~5 MB
        // for 1000 packs, and in a JVM shared with the other tests' leftovers (actor systems, databases being released)
        // the heap also moves by a few MB for reasons of its own (a CI run measured 150 bytes per pack: +5 MB of packs,
        // -5 MB of others). The classes that grew are immune to other classes shrinking: their sum is the lower bound.
        double grown = r.grownClasses().stream().mapToDouble(EntityMemoryBench.Part::bytesPerPack).sum();
        assertTrue(grown > 1_000 && grown < 1_000_000, "bytes per pack of the classes that grew: " + grown + "\n" + text);
        assertTrue(r.bytesPerEntity() < 1_000_000, text);
        // the state: 112 cell ids, the cell profile, the ageing snapshot (~1.5 KB), far below the 112 factors it replaced
        assertTrue(r.stateParts().get(0).bytesPerPack() > 300 && r.stateParts().get(0).bytesPerPack() < 6_000, "the whole state: " + text);
        // the histogram shows one pack state per entity (plus the entity's empty state)
        assertTrue(r.grownClasses().stream().anyMatch(p -> p.name().startsWith("org.ssbtwin.fleet.pack.Pack ")), text);
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
