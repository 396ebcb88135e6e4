package org.ssbtwin.api.study;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigIncludeContext;
import com.typesafe.config.ConfigIncluder;
import com.typesafe.config.ConfigIncluderClasspath;
import com.typesafe.config.ConfigIncluderFile;
import com.typesafe.config.ConfigIncluderURL;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.ssbtwin.config.fleet.FleetSpecLoader;
import org.ssbtwin.config.fleet.FleetSpecValidationException;
import org.ssbtwin.fleet.usage.FleetSpec;

/**
 * Fleet specs for studies: a bundled fleet by name ({@code vinfast-vn}, {@code europe}), a HOCON file (command line
 * only) or an inline HOCON text (REST). Invalid specs raise {@link FleetSpecValidationException} whose problems
 * name each field path.
 */
public final class FleetSpecs {
    /** Bundled fleets by name. */
    public static final Map<String, String> BUNDLED = Map.of(
            "vinfast-vn", FleetSpecLoader.VINFAST_VN,
            "europe", FleetSpecLoader.EUROPE);

    private FleetSpecs() {
    }

    public static boolean isBundled(String name) {
        return BUNDLED.containsKey(name);
    }

    public static String bundledNames() {
        return String.join(", ", new TreeSet<>(BUNDLED.keySet()));
    }

    /** A bundled fleet by name. */
    public static FleetSpec bundled(String name) {
        String resource = BUNDLED.get(name);
        if (resource == null) {
            throw new IllegalArgumentException("unknown fleet '" + name + "'; bundled fleets: " + bundledNames());
        }
        return FleetSpecLoader.loadResource(resource);
    }

    /** A bundled fleet by name, or else a HOCON file path (for the command line). */
    public static FleetSpec byNameOrFile(String nameOrFile) {
        if (isBundled(nameOrFile)) {
            return bundled(nameOrFile);
        }
        return FleetSpecLoader.loadFile(Path.of(nameOrFile));
    }

    /**
     * Parses an untrusted inline spec (from a request body): {@code include} and substitutions ({@code ${...}}) are
     * refused and the text is bounded in size and nesting ({@link UntrustedHocon}), so a spec can neither read the
     * server's files or variables nor expand into more memory than its own text. {@code packs} and {@code years}, when
     * given, take precedence over the text's own values (and may be left out of the text).
     */
    public static FleetSpec inline(String hocon, Integer packs, Integer years) {
        // bounded before anything is parsed: a request must not make the parser recurse or the resolver expand
        List<String> limits = UntrustedHocon.limitsExceeded(hocon);
        if (!limits.isEmpty()) throw new FleetSpecValidationException(null, limits);
        ConfigParseOptions parse = ConfigParseOptions.defaults().setOriginDescription("fleetSpec")
                .setAllowMissing(false).setIncluder(NoIncludes.INSTANCE);
        Config parsed;
        try {
            parsed = ConfigFactory.parseString(hocon, parse);
        } catch (com.typesafe.config.ConfigException e) {
            throw new FleetSpecValidationException(null, List.of("not valid HOCON: " + e.getMessage()));
        }
        List<String> unsafe = UntrustedHocon.unsafeContent(parsed);
        if (!unsafe.isEmpty()) throw new FleetSpecValidationException(null, unsafe);
        Config overrides = ConfigFactory.empty();
        if (packs != null) {
            overrides = overrides.withValue("fleet.packs", ConfigFactory.parseMap(Map.of("v", packs)).getValue("v"));
        }
        if (years != null) {
            overrides = overrides.withValue("fleet.years", ConfigFactory.parseMap(Map.of("v", years)).getValue("v"));
        }
        Config resolved;
        try {
            resolved = overrides.withFallback(parsed)
                    .resolve(ConfigResolveOptions.defaults().setUseSystemEnvironment(false));
        } catch (com.typesafe.config.ConfigException e) {
            throw new FleetSpecValidationException(null, List.of("cannot resolve: " + e.getMessage()));
        }
        return FleetSpecLoader.load(resolved, null, null);
    }

    /** Refuses every form of {@code include} (plain, file(), url(), classpath()). */
    private enum NoIncludes implements ConfigIncluder, ConfigIncluderFile, ConfigIncluderURL, ConfigIncluderClasspath {
        INSTANCE;

        @Override
        public ConfigIncluder withFallback(ConfigIncluder fallback) {
            return this;
        }

        @Override
        public ConfigObject include(ConfigIncludeContext context, String what) {
            throw refused();
        }

        @Override
        public ConfigObject includeFile(ConfigIncludeContext context, java.io.File what) {
            throw refused();
        }

        @Override
        public ConfigObject includeURL(ConfigIncludeContext context, java.net.URL what) {
            throw refused();
        }

        @Override
        public ConfigObject includeResources(ConfigIncludeContext context, String what) {
            throw refused();
        }

        private static com.typesafe.config.ConfigException refused() {
            return new com.typesafe.config.ConfigException.BadValue("include", "include is not allowed in an inline fleet spec");
        }
    }
}
