package org.ssbtwin.fleet.ageing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one constants table is complete, unique, sourced, and docs/life-model.md carries it verbatim. */
class LifeModelConstantsTest {

    @Test
    void everyConstantIsListedOnceAndHasASourceOrIsMarkedAssumed() throws IllegalAccessException {
        Set<String> keys = new HashSet<>();
        for (LifeConstant c : LifeModelConstants.ALL) {
            assertTrue(keys.add(c.key()), "duplicate key " + c.key());
            assertFalse(c.source().isBlank(), c.key());
            assertFalse(c.unit().isBlank(), c.key());
            assertTrue(c.assumed() || c.source().matches("(?s).*(BLAST|DOMAIN|Geotab|DfR|calibrated|derived|Smith).*"),
                    c.key() + ": a source names a publication, DOMAIN.md section or calibration, or says 'assumed': "
                            + c.source());
        }
        // every LifeConstant field of the class is in ALL (nothing used by the model escapes the table)
        int fields = 0;
        for (Field f : LifeModelConstants.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == LifeConstant.class) {
                assertTrue(LifeModelConstants.ALL.contains((LifeConstant) f.get(null)), f.getName() + " not in ALL");
                fields++;
            }
        }
        assertEquals(fields, LifeModelConstants.ALL.size());
        assertTrue(LifeModelConstants.ALL.stream().anyMatch(LifeConstant::assumed));
    }

    @Test
    void aConstantWithoutSourceIsRejected() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new LifeConstant("x", 1, "1", " "));
    }

    @Test
    void docsCarryTheTableAsGenerated() throws IOException {
        Path doc = Path.of("..", "docs", "life-model.md");
        assertTrue(Files.isRegularFile(doc), "missing " + doc.toAbsolutePath());
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        assertTrue(text.contains(LifeModelConstants.markdownTable()),
                "docs/life-model.md must contain LifeModelConstants.markdownTable() verbatim; regenerate it with "
                        + "`twin model-card --constants-markdown`");
    }
}
