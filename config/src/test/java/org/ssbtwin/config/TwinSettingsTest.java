package org.ssbtwin.config;
import org.ssbtwin.core.config.ConfigException;

import static org.junit.jupiter.api.Assertions.*;

import com.typesafe.config.ConfigFactory;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TwinSettingsTest {
    private static TwinSettings load(String overrides) {
        return TwinSettings.from(ConfigFactory.parseString(overrides).withFallback(ConfigFactory.defaultReference()).resolve());
    }

    @Test
    void defaultsAreTheEmbeddedTwin() {
        TwinSettings s = load("");
        assertEquals(TwinSettings.DatabaseKind.H2, s.database().kind());
        assertTrue(s.database().url().startsWith("jdbc:h2:file:"));
        assertTrue(s.database().url().contains("WRITE_DELAY=0"));
        assertTrue(s.database().url().endsWith(";CACHE_SIZE=16384"), "H2's own default page cache, 16 MB: " + s.database().url());
        assertTrue(load("twin.database.h2.cache-size-mb = 1").database().url().endsWith(";CACHE_SIZE=1024"));
        assertEquals(8080, s.http().port());
        assertEquals("127.0.0.1", s.http().host());
        assertEquals(Instant.parse("2028-01-03T06:00:00Z"), s.clock().start());
        assertTrue(s.simulation().enabled());
    }

    @Test
    void postgresSwitchUsesItsUrl() {
        TwinSettings s = load("twin.database.kind = postgres\ntwin.database.postgres.url = \"jdbc:postgresql://db:5432/x\"");
        assertEquals("org.postgresql.Driver", s.database().driver());
        assertEquals("jdbc:postgresql://db:5432/x", s.database().url());
    }

    @Test
    void errorsNameTheKey() {
        assertEquals("twin.http.port", assertThrows(ConfigException.class, () -> load("twin.http.port = 70000")).path());
        assertEquals("twin.database.kind", assertThrows(ConfigException.class, () -> load("twin.database.kind = oracle")).path());
        assertEquals("twin.clock.speed-up", assertThrows(ConfigException.class, () -> load("twin.clock.speed-up = -1")).path());
        var e = assertThrows(ConfigException.class, () -> load("twin.clock.start = yesterday"));
        assertTrue(e.getMessage().contains("ISO-8601"), e.getMessage());
        assertEquals("twin.database.postgres.url", assertThrows(ConfigException.class,
                () -> load("twin.database.kind = postgres\ntwin.database.postgres.url = \"jdbc:mysql://x\"")).path());
        assertEquals("twin.database.h2.cache-size-mb", assertThrows(ConfigException.class, () -> load("twin.database.h2.cache-size-mb = 0")).path());
        assertEquals("twin.simulation.tick-millis", assertThrows(ConfigException.class, () -> load("twin.simulation.tick-millis = many")).path());
    }

    @Test
    void studiesHaveBoundedDefaultsAndValidatedKeys() {
        TwinSettings.Studies d = load("").studies();
        assertEquals(new TwinSettings.Studies(200_000, 2, 2), d);
        TwinSettings.Studies o = load("twin.studies { max-packs = 5000, max-concurrent = 1, threads = 4 }").studies();
        assertEquals(new TwinSettings.Studies(5000, 1, 4), o);
        var packs = assertThrows(ConfigException.class, () -> load("twin.studies.max-packs = 0"));
        assertEquals("twin.studies.max-packs", packs.path());
        assertTrue(packs.getMessage().contains("was 0"), packs.getMessage());
        assertEquals("twin.studies.max-concurrent", assertThrows(ConfigException.class, () -> load("twin.studies.max-concurrent = 0")).path());
        assertEquals("twin.studies.threads", assertThrows(ConfigException.class, () -> load("twin.studies.threads = two")).path());
    }
}
