package org.ssbtwin.config;
import org.ssbtwin.core.config.ConfigException;

import static org.junit.jupiter.api.Assertions.*;

import com.typesafe.config.ConfigFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthSettingsTest {
    static final String KEY = "s3cret-operator-key-123";

    static AuthSettings parse(String hocon, Map<String, String> env) {
        return AuthSettings.from(ConfigFactory.parseString(hocon).withFallback(ConfigFactory.defaultReference()).resolve(), env::get);
    }

    @Test
    void offByDefaultWithoutKeys() {
        AuthSettings s = AuthSettings.from(ConfigFactory.defaultReference().resolve());
        assertFalse(s.enabled());
        assertTrue(s.keys().isEmpty());
    }

    @Test
    void keysFromHashEnvironmentOrValueIdentifyTheirHolder() {
        AuthSettings s = parse("""
                twin.auth { enabled = true, keys = [
                  { name = "a", role = reader, key-sha256 = "%s" }
                  { name = "b", role = OPERATOR, key-env = "MY_KEY" }
                  { name = "c", role = engineer, key = "engineer-key-abcdefgh" } ] }
                """.formatted(AuthSettings.sha256Hex("reader-key-abcdefgh")), Map.of("MY_KEY", KEY));
        assertTrue(s.enabled());
        assertEquals("a", s.identify("reader-key-abcdefgh").orElseThrow().name());
        assertEquals(AuthSettings.Role.OPERATOR, s.identify(KEY).orElseThrow().role());
        assertEquals(AuthSettings.Role.ENGINEER, s.identify("engineer-key-abcdefgh").orElseThrow().role());
        assertTrue(s.identify("engineer-key-abcdefg").isEmpty());
        assertTrue(s.identify("").isEmpty());
        assertTrue(s.identify(null).isEmpty());
    }

    @Test
    void passportRolesReadPassportsOnly() {
        AuthSettings s = parse("twin.auth { enabled = true, keys = [ { name = \"repair\", role = legitimate-interest, key-env = \"K\" } ] }", Map.of("K", KEY));
        AuthSettings.Role role = s.identify(KEY).orElseThrow().role();
        assertEquals(AuthSettings.Role.LEGITIMATE_INTEREST, role);
        assertEquals("repair(legitimate-interest)", s.keys().get(0).toString());
        assertFalse(role.includes(AuthSettings.Role.READER), "a passport reader reads nothing else of the twin");
        assertFalse(AuthSettings.Role.ENGINEER.includes(AuthSettings.Role.AUTHORITY));
    }

    @Test
    void toStringNeverShowsKeysOrHashes() {
        AuthSettings s = parse("twin.auth { enabled = true, keys = [ { name = \"ops\", role = operator, key-env = \"K\" } ] }", Map.of("K", KEY));
        String text = s.toString() + s.keys() + s.keys().get(0);
        assertTrue(text.contains("ops(operator)"), text);
        assertFalse(text.contains(KEY), text);
        assertFalse(text.contains(AuthSettings.sha256Hex(KEY)), text);
    }

    @Test
    void errorsNameTheKeyAndNeverContainTheSecret() {
        Map<String, String> env = Map.of("SHORT", "tiny");
        String[][] cases = {
                {"twin.auth { enabled = true }", "twin.auth.keys"},
                {"twin.auth.keys = [ { role = reader, key = \"abcdefghijklmnopq\" } ]", "twin.auth.keys[0].name"},
                {"twin.auth.keys = [ { name = x, role = admin, key = \"abcdefghijklmnopq\" } ]", "twin.auth.keys[0].role"},
                {"twin.auth.keys = [ { name = x, role = reader } ]", "twin.auth.keys[0]"},
                {"twin.auth.keys = [ { name = x, role = reader, key = \"abcdefghijklmnopq\", key-env = SHORT } ]", "twin.auth.keys[0]"},
                {"twin.auth.keys = [ { name = x, role = reader, key-env = SHORT } ]", "twin.auth.keys[0].key-env"},
                {"twin.auth.keys = [ { name = x, role = reader, key-env = MISSING } ]", "twin.auth.keys[0].key-env"},
                {"twin.auth.keys = [ { name = x, role = reader, key-sha256 = abc } ]", "twin.auth.keys[0].key-sha256"},
                {"twin.auth.keys = [ { name = x, role = reader, key = \"abcdefghijklmnopq\", colour = red } ]", "twin.auth.keys[0].colour"},
                {"twin.auth.keys = [ { name = x, role = reader, key = \"abcdefghijklmnopq\" }, { name = x, role = reader, key = \"abcdefghijklmnopz\" } ]", "twin.auth.keys[1].name"},
                {"twin.auth.keys = [ { name = x, role = reader, key = \"abcdefghijklmnopq\" }, { name = y, role = engineer, key = \"abcdefghijklmnopq\" } ]", "twin.auth.keys[1]"},
                {"twin.auth.enabled = maybe", "twin.auth.enabled"},
        };
        for (String[] c : cases) {
            ConfigException e = assertThrows(ConfigException.class, () -> parse(c[0], env), c[0]);
            assertEquals(c[1], e.path(), c[0] + " -> " + e.getMessage());
            assertFalse(e.getMessage().contains("abcdefghijklmnop") || e.getMessage().contains("tiny"), e.getMessage());
        }
    }
}
