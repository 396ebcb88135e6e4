package org.ssbtwin.config;
import org.ssbtwin.core.config.ConfigReader;

import com.typesafe.config.Config;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Access control of the HTTP API (the {@code twin.auth} block): whether it is enforced and the API keys with their
 * roles. A key is given as {@code key-sha256} (hex SHA-256 of the key: the key itself never sits in a file), as
 * {@code key-env} (the name of an environment variable holding it) or as {@code key} (e.g. {@code key = ${?MY_KEY}}).
 * Only the SHA-256 of each key is kept in memory; {@link #toString()} prints names and roles, never keys or hashes.
 */
public final class AuthSettings {
    /**
     * Roles. The twin's own: reader &lt; operator &lt; engineer, each including the rights of the ones before it.
     * The battery passport's outside readers (Regulation (EU) 2023/1542 Annex XIII, issue 18): legitimate-interest
     * (repairers, second-life operators, recyclers) and authority (notified bodies, market surveillance, the
     * Commission) read passports at their access tier and nothing else of the API (they include no twin role).
     */
    public enum Role {
        READER, OPERATOR, ENGINEER, LEGITIMATE_INTEREST, AUTHORITY;

        public boolean includes(Role required) {
            if (passportOnly() || required.passportOnly()) return this == required;
            return compareTo(required) >= 0;
        }

        /** A passport reader's role outside the twin: it includes none of the twin's roles. */
        public boolean passportOnly() {
            return this == LEGITIMATE_INTEREST || this == AUTHORITY;
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The role named {@code label} (reader, operator, engineer, legitimate-interest, authority). */
        public static Role ofLabel(String label) {
            return valueOf(label.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    /** A configured key: its name (for logs and audit), role and the SHA-256 of the key. */
    public static final class ApiKey {
        private final String name;
        private final Role role;
        private final byte[] sha256;

        ApiKey(String name, Role role, byte[] sha256) {
            this.name = name;
            this.role = role;
            this.sha256 = sha256.clone();
        }

        public String name() {
            return name;
        }

        public Role role() {
            return role;
        }

        @Override
        public String toString() {
            return name + "(" + role.label() + ")";
        }
    }

    public static final int MIN_KEY_LENGTH = 16;

    private final boolean enabled;
    private final List<ApiKey> keys;

    public AuthSettings(boolean enabled, List<ApiKey> keys) {
        this.enabled = enabled;
        this.keys = List.copyOf(keys);
    }

    public boolean enabled() {
        return enabled;
    }

    public List<ApiKey> keys() {
        return keys;
    }

    /**
     * The key whose SHA-256 equals that of {@code presented}. Every configured key is compared, each in constant
     * time ({@link MessageDigest#isEqual}), so the answer time does not depend on which key or how much of it matched.
     */
    public Optional<ApiKey> identify(String presented) {
        if (presented == null || presented.isEmpty()) return Optional.empty();
        byte[] h = sha256(presented);
        ApiKey found = null;
        for (ApiKey k : keys) {
            if (MessageDigest.isEqual(k.sha256, h) && found == null) found = k;
        }
        return Optional.ofNullable(found);
    }

    public static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Hex SHA-256 of a key, as written to {@code key-sha256}. */
    public static String sha256Hex(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    public static AuthSettings from(Config root) {
        return from(root, System::getenv);
    }

    /** Reads {@code twin.auth}; {@code env} resolves {@code key-env} names (the environment, or a map in tests). */
    public static AuthSettings from(Config root, Function<String, String> env) {
        if (!root.hasPath("twin.auth")) return new AuthSettings(false, List.of());
        ConfigReader c = ConfigReader.block(root, "twin.auth");
        boolean enabled = c.onOff("enabled", false);
        List<ConfigReader> entries = c.optionalObjects("keys");
        List<ApiKey> keys = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> hashes = new HashSet<>();
        for (ConfigReader k : entries == null ? List.<ConfigReader>of() : entries) {
            k.unknownKeys(KEY_FIELDS);
            String name = k.string("name");
            k.check(name == null || names.add(name.strip()), "name", "must be unique, was '" + name + "' twice");
            Role role = k.enumValue("role", Role.class);
            int given = (k.has("key-sha256") ? 1 : 0) + (k.has("key-env") ? 1 : 0) + (k.has("key") ? 1 : 0);
            k.check(given == 1, "", "must give exactly one of key-sha256, key-env, key, gave " + given);
            byte[] hash = null;
            if (given != 1) {
                continue;
            } else if (k.has("key-sha256")) {
                String hex = k.string("key-sha256", SHA256_HEX, "64 hex digits (SHA-256)");
                hash = hex == null ? null : HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT));
            } else {
                String field = k.has("key-env") ? "key-env" : "key";
                String raw = field.equals("key") ? k.secret("key") : null;
                if (field.equals("key-env")) {
                    String variable = k.string("key-env");
                    raw = variable == null ? null : env.apply(variable);
                    k.check(variable == null || raw != null, field, "must name a set environment variable, was " + variable);
                }
                // the message never contains the key itself
                k.check(raw == null || raw.strip().length() >= MIN_KEY_LENGTH, field,
                        "must give a key of at least " + MIN_KEY_LENGTH + " characters");
                hash = raw == null || raw.strip().length() < MIN_KEY_LENGTH ? null : sha256(raw.strip());
            }
            k.check(hash == null || hashes.add(HexFormat.of().formatHex(hash)), "", "must not repeat another entry's key");
            if (name != null && role != null && hash != null) keys.add(new ApiKey(name.strip(), role, hash));
        }
        c.check(!enabled || entries == null || !keys.isEmpty() || c.hasProblems(), "keys",
                "must configure at least one key when access control is enabled");
        c.throwIfProblems();
        return new AuthSettings(enabled, keys);
    }

    private static final Set<String> KEY_FIELDS = Set.of("name", "role", "key-sha256", "key-env", "key");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    @Override
    public String toString() {
        return "AuthSettings[enabled=" + enabled + ", keys=" + keys + "]";
    }
}
