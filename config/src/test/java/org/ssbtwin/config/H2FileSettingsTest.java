package org.ssbtwin.config;

import static org.junit.jupiter.api.Assertions.*;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.ssbtwin.core.config.ConfigException;

class H2FileSettingsTest {
    private static com.typesafe.config.Config config(String overrides) {
        return ConfigFactory.parseString(overrides).withFallback(ConfigFactory.defaultReference()).resolve();
    }

    @Test
    void defaultsCompressAndCompact() {
        H2FileSettings s = H2FileSettings.from(config(""));
        assertEquals(new H2FileSettings(true, true, Duration.ofSeconds(1), 80, 16, Duration.ofSeconds(3)), s);
        assertTrue(s.syncEveryRun(), "a 3 s retention: the file is forced to disk every compaction run");
        String url = TwinSettings.from(config("")).database().url();
        assertTrue(url.contains(";COMPRESS=TRUE;"), url);
        assertTrue(url.contains(";RETENTION_TIME=3000;"), url);
        assertTrue(url.contains("WRITE_DELAY=0"), "durability unchanged: " + url);
    }

    @Test
    void compressionCanBeTurnedOff() {
        assertFalse(TwinSettings.from(config("twin.database.h2.compress = off")).database().url().contains("COMPRESS"));
        H2FileSettings s = H2FileSettings.from(config("twin.database.h2 { retention-time = 45s, compaction { enabled = off, interval = 2m, target-fill-rate = 60 } }"));
        assertFalse(s.compaction());
        assertEquals(Duration.ofMinutes(2), s.compactionInterval());
        assertEquals(60, s.targetFillRate());
    }

    @Test
    void badValuesNameTheKey() {
        assertKey("twin.database.h2.compress", "twin.database.h2.compress = maybe", "on or off");
        assertKey("twin.database.h2.compaction.interval", "twin.database.h2.compaction.interval = soon", "duration");
        assertKey("twin.database.h2.compaction.interval", "twin.database.h2.compaction.interval = 0s", "positive");
        assertKey("twin.database.h2.compaction.target-fill-rate", "twin.database.h2.compaction.target-fill-rate = 100", "was 100");
        assertKey("twin.database.h2.compaction.max-write-mb", "twin.database.h2.compaction.max-write-mb = 0", "was 0");
        // the node's settings fail on the same key (the URL is built from them)
        assertEquals("twin.database.h2.compress",
                assertThrows(ConfigException.class, () -> TwinSettings.from(config("twin.database.h2.compress = 3"))).path());
    }

    @Test
    void retentionTimeGoesIntoTheUrlAndIsChecked() {
        H2FileSettings shorter = H2FileSettings.from(config("twin.database.h2 { retention-time = 5s, compaction.interval = 2s }"));
        assertEquals(Duration.ofSeconds(5), shorter.retentionTime());
        assertTrue(shorter.syncEveryRun(), "a retention shorter than H2's 45 s forces the file to disk every compaction run");
        String url = TwinSettings.from(config("twin.database.h2 { retention-time = 5s, compaction.interval = 2s }")).database().url();
        assertTrue(url.contains(";RETENTION_TIME=5000"), url);
        assertTrue(url.contains("WRITE_DELAY=0"), "durability unchanged: " + url);
        H2FileSettings h2s = H2FileSettings.from(config("twin.database.h2.retention-time = 45s"));
        assertFalse(h2s.syncEveryRun());
        assertTrue(h2s.urlOptions().endsWith(";RETENTION_TIME=45000"), "H2's own 45 s, set again (H2 stores the setting): " + h2s.urlOptions());
        assertKey("twin.database.h2.retention-time", "twin.database.h2.retention-time = 500ms", "[1s, 1h]");
        assertKey("twin.database.h2.retention-time", "twin.database.h2.retention-time = 2h", "[1s, 1h]");
        assertKey("twin.database.h2.retention-time", "twin.database.h2.retention-time = later", "duration");
        assertKey("twin.database.h2.retention-time", "twin.database.h2 { retention-time = 5s, compaction.interval = 10s }",
                "at least compaction.interval");
        assertKey("twin.database.h2.retention-time", "twin.database.h2 { retention-time = 5s, compaction.enabled = off }",
                "compaction.enabled = off");
    }

    private static void assertKey(String key, String overrides, String hint) {
        ConfigException e = assertThrows(ConfigException.class, () -> H2FileSettings.from(config(overrides)));
        assertEquals(key, e.path());
        assertTrue(e.getMessage().contains(hint), e.getMessage());
    }
}
