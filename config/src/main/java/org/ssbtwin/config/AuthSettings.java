package org.ssbtwin.config;

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
        String base = "twin.auth";
        if (!root.hasPath(base)) return new AuthSettings(false, List.of());
        Config c = root.getConfig(base);
        boolean enabled;
        try {
            enabled = c.hasPath("enabled") && c.getBoolean("enabled");
        } catch (com.typesafe.config.ConfigException e) {
            throw new ConfigException(base + ".enabled", "must be true or false");
        }
        List<ApiKey> keys = new ArrayList<>();
        if (c.hasPath("keys")) {
            List<? extends Config> list;
            try {
                list = c.getConfigList("keys");
            } catch (com.typesafe.config.ConfigException e) {
                throw new ConfigException(base + ".keys", "must be a list of {name, role, key-sha256 | key-env | key}");
            }
            Set<String> names = new HashSet<>();
            Set<String> hashes = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                Config k = list.get(i);
                String at = base + ".keys." + i;
                for (String field : k.root().keySet()) {
                    if (!Set.of("name", "role", "key-sha256", "key-env", "key").contains(field)) {
                        throw new ConfigException(at + "." + field, "unknown field; expected name, role and one of key-sha256, key-env, key");
                    }
                }
                if (!k.hasPath("name") || k.getString("name").isBlank()) throw new ConfigException(at + ".name", "is required");
                String name = k.getString("name").strip();
                if (!names.add(name)) throw new ConfigException(at + ".name", "'" + name + "' is used twice");
                if (!k.hasPath("role")) throw new ConfigException(at + ".role", "is required (reader, operator, engineer, legitimate-interest or authority)");
                Role role;
                try {
                    role = Role.ofLabel(k.getString("role"));
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(at + ".role", "must be reader, operator, engineer, legitimate-interest or authority, was '"
                            + k.getString("role") + "'");
                }
                int given = (k.hasPath("key-sha256") ? 1 : 0) + (k.hasPath("key-env") ? 1 : 0) + (k.hasPath("key") ? 1 : 0);
                if (given != 1) {
                    throw new ConfigException(at, "give exactly one of key-sha256, key-env, key (" + given + " given)");
                }
                byte[] hash;
                if (k.hasPath("key-sha256")) {
                    String hex = k.getString("key-sha256").strip();
                    if (!hex.matches("[0-9a-fA-F]{64}")) throw new ConfigException(at + ".key-sha256", "must be 64 hex digits (SHA-256)");
                    hash = HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT));
                } else {
                    String raw;
                    String field;
                    if (k.hasPath("key-env")) {
                        field = at + ".key-env";
                        raw = env.apply(k.getString("key-env"));
                        if (raw == null) throw new ConfigException(field, "environment variable " + k.getString("key-env") + " is not set");
                    } else {
                        field = at + ".key";
                        raw = k.getString("key");
                    }
                    // the message never contains the key itself
                    if (raw.strip().length() < MIN_KEY_LENGTH) throw new ConfigException(field, "a key must have at least " + MIN_KEY_LENGTH + " characters");
                    hash = sha256(raw.strip());
                }
                if (!hashes.add(HexFormat.of().formatHex(hash))) throw new ConfigException(at, "the same key is configured twice");
                keys.add(new ApiKey(name, role, hash));
            }
        }
        if (enabled && keys.isEmpty()) throw new ConfigException(base + ".keys", "access control is enabled but no key is configured");
        return new AuthSettings(enabled, keys);
    }

    @Override
    public String toString() {
        return "AuthSettings[enabled=" + enabled + ", keys=" + keys + "]";
    }
}
