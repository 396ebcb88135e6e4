package org.ssbtwin.fleet.design;

import com.typesafe.config.Config;
import org.ssbtwin.core.config.ConfigReader;
import org.ssbtwin.core.config.ConfigReader.Range;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The battery design of the twin: the cell and every pack architecture, from one HOCON file (the bundled
 * {@code designs.conf}). Every problem of a file is reported at once, each with its path relative to {@code designs}
 * (e.g. {@code packs[2].series: must be in 1..1000, was 0}), in the style of the plant layout loader.
 *
 * <p>The file lives in the fleet module (not in the config module) because the fleet's vehicle models and the
 * pack twins need it and the config module depends on the fleet, not the other way round. It is read with the
 * kernel's one validating reader ({@link ConfigReader}).
 */
public record DesignCatalogue(CellDatasheet cell, List<PackArchitecture> packs) {
    /** The classpath resource of the bundled designs. */
    public static final String RESOURCE = "designs.conf";

    /** A designs file that cannot be used; {@link #problems()} name each bad field. */
    public static final class InvalidDesignsException extends IllegalArgumentException {
        private final List<String> problems;

        public InvalidDesignsException(String source, List<String> problems) {
            super("invalid designs " + source + ": " + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() { return problems; }
    }

    public DesignCatalogue {
        packs = List.copyOf(packs);
        if (cell == null || packs.isEmpty()) throw new IllegalArgumentException("a catalogue needs a cell and at least one pack");
        Set<String> ids = new HashSet<>();
        for (PackArchitecture p : packs) {
            if (!ids.add(p.id())) throw new IllegalArgumentException("pack id " + p.id() + " appears twice");
            if (!p.cell().equals(cell)) throw new IllegalArgumentException("pack " + p.id() + " is not built from the catalogue's cell");
        }
    }

    private static final class Bundled {
        static final DesignCatalogue CATALOGUE = parse(ConfigFactory.parseResources(DesignCatalogue.class.getClassLoader(), RESOURCE,
                ConfigParseOptions.defaults().setAllowMissing(false)).resolve(), "classpath:" + RESOURCE);
    }

    /** The bundled designs (parsed once). */
    public static DesignCatalogue bundled() {
        return Bundled.CATALOGUE;
    }

    /** The architecture with this id, if any. */
    public Optional<PackArchitecture> architecture(String id) {
        for (PackArchitecture p : packs) {
            if (p.id().equals(id)) return Optional.of(p);
        }
        return Optional.empty();
    }

    /** Parses HOCON text (a whole file with a {@code designs} block). */
    public static DesignCatalogue parse(String hocon, String source) {
        Config c;
        try {
            c = ConfigFactory.parseString(hocon).resolve();
        } catch (ConfigException e) {
            throw new InvalidDesignsException(source, List.of("not valid HOCON: " + e.getMessage()));
        }
        return parse(c, source);
    }

    static DesignCatalogue parse(Config root, String source) {
        ConfigReader r = ConfigReader.of(root);
        DesignCatalogue d = catalogue(r);
        if (r.hasProblems()) {
            throw new InvalidDesignsException(source, r.problems().stream().map(ConfigReader.Problem::toString).toList());
        }
        return d;
    }

    private static DesignCatalogue catalogue(ConfigReader root) {
        ConfigReader d = root.object("designs");
        if (d == null) return null;
        d.unknownKeys(Set.of("cell", "packs"));
        CellDatasheet cell = cell(d);
        List<PackArchitecture> packs = new ArrayList<>();
        List<ConfigReader> list = d.objects("packs");
        if (list != null) {
            d.check(!list.isEmpty(), "packs", "must hold at least one pack architecture");
            Set<String> ids = new HashSet<>();
            for (ConfigReader p : list) {
                PackArchitecture a = pack(p, cell);
                if (a == null) continue;
                if (ids.add(a.id())) packs.add(a);
                else p.problem("id", "must be unique, was \"" + a.id() + "\" twice");
            }
        }
        if (root.hasProblems() || cell == null) return null;
        return new DesignCatalogue(cell, packs);
    }

    private static CellDatasheet cell(ConfigReader d) {
        ConfigReader c = d.object("cell");
        if (c == null) return null;
        c.unknownKeys(Set.of("name", "inlaysPerCell", "inlayCapacityAh", "inlayNominalVoltageV", "inlayMinVoltageV",
                "inlayMaxVoltageV", "inlayResistanceMilliOhm", "massKg"));
        String name = c.string("name");
        Integer inlays = c.integer("inlaysPerCell", 1, 64);
        Double ah = c.number("inlayCapacityAh", Range.above(0));
        Double nom = c.number("inlayNominalVoltageV", Range.above(0));
        Double min = c.number("inlayMinVoltageV", Range.above(0));
        Double max = c.number("inlayMaxVoltageV", Range.above(0));
        Double r = c.number("inlayResistanceMilliOhm", Range.above(0));
        Double mass = c.optionalNumber("massKg", Range.above(0));
        if (name == null || inlays == null || ah == null || nom == null || min == null || max == null || r == null
                || (c.has("massKg") && mass == null)) {
            return null;
        }
        if (!(min < nom && nom < max)) {
            c.problem("inlayNominalVoltageV", "must lie between inlayMinVoltageV " + ConfigReader.format(min)
                    + " and inlayMaxVoltageV " + ConfigReader.format(max) + ", was " + ConfigReader.format(nom));
            return null;
        }
        return new CellDatasheet(name, inlays, ah, nom, min, max, r, mass);
    }

    private static PackArchitecture pack(ConfigReader c, CellDatasheet cell) {
        c.unknownKeys(Set.of("id", "vehicle", "label", "format", "series", "parallel", "publishedKWh"));
        String id = c.string("id", ID, "[A-Za-z0-9][A-Za-z0-9_-]{0,31}");
        String vehicle = c.string("vehicle");
        String label = c.has("label") ? c.string("label") : id;
        PackFormat format = c.enumValue("format", PackFormat.class);
        Integer series = c.integer("series", 1, 1000);
        Integer parallel = c.integer("parallel", 1, 64);
        Double published = c.number("publishedKWh", Range.above(0));
        if (id == null || vehicle == null || label == null || format == null || series == null || parallel == null
                || published == null || cell == null) {
            return null;
        }
        return new PackArchitecture(id, vehicle, label, format, series, parallel, published, cell);
    }

    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");
}
