package org.ssbtwin.fleet.design;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValueType;
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
 * pack twins need it and the config module depends on the fleet, not the other way round.
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
        Reader r = new Reader();
        DesignCatalogue d = r.catalogue(root);
        if (!r.problems.isEmpty()) throw new InvalidDesignsException(source, r.problems);
        return d;
    }

    private static final class Reader {
        final List<String> problems = new ArrayList<>();

        void problem(String path, String what) { problems.add(path + ": " + what); }

        DesignCatalogue catalogue(Config root) {
            if (!root.hasPath("designs") || root.getValue("designs").valueType() != ConfigValueType.OBJECT) {
                problem("designs", "is required (an object with cell and packs)");
                return null;
            }
            Config d = root.getConfig("designs");
            known(d, "", Set.of("cell", "packs"));
            CellDatasheet cell = cell(d);
            List<PackArchitecture> packs = new ArrayList<>();
            if (!d.hasPath("packs") || d.getValue("packs").valueType() != ConfigValueType.LIST) {
                problem("packs", "is required (a list of pack architectures)");
            } else {
                List<? extends Config> list;
                try {
                    list = d.getConfigList("packs");
                } catch (ConfigException.WrongType e) {
                    problem("packs", "must be a list of objects");
                    list = List.of();
                }
                if (list.isEmpty() && problems.isEmpty()) problem("packs", "must hold at least one pack architecture");
                Set<String> ids = new HashSet<>();
                for (int i = 0; i < list.size(); i++) {
                    PackArchitecture p = pack(list.get(i), "packs[" + i + "]", cell);
                    if (p != null && !ids.add(p.id())) problem("packs[" + i + "].id", "\"" + p.id() + "\" appears twice");
                    else if (p != null) packs.add(p);
                }
            }
            if (!problems.isEmpty() || cell == null) return null;
            return new DesignCatalogue(cell, packs);
        }

        CellDatasheet cell(Config d) {
            if (!d.hasPath("cell") || d.getValue("cell").valueType() != ConfigValueType.OBJECT) {
                problem("cell", "is required (an object)");
                return null;
            }
            Config c = d.getConfig("cell");
            String p = "cell";
            known(c, p, Set.of("name", "inlaysPerCell", "inlayCapacityAh", "inlayNominalVoltageV", "inlayMinVoltageV",
                    "inlayMaxVoltageV", "inlayResistanceMilliOhm", "massKg"));
            String name = str(c, p, "name");
            Integer inlays = integer(c, p, "inlaysPerCell", 1, 64);
            Double ah = positive(c, p, "inlayCapacityAh");
            Double nom = positive(c, p, "inlayNominalVoltageV");
            Double min = positive(c, p, "inlayMinVoltageV");
            Double max = positive(c, p, "inlayMaxVoltageV");
            Double r = positive(c, p, "inlayResistanceMilliOhm");
            Double mass = c.hasPath("massKg") ? positive(c, p, "massKg") : null;
            if (name == null || inlays == null || ah == null || nom == null || min == null || max == null || r == null
                    || (c.hasPath("massKg") && mass == null)) {
                return null;
            }
            if (!(min < nom && nom < max)) {
                problem(p + ".inlayNominalVoltageV", "must lie between inlayMinVoltageV " + min + " and inlayMaxVoltageV " + max + ", was " + nom);
                return null;
            }
            return new CellDatasheet(name, inlays, ah, nom, min, max, r, mass);
        }

        PackArchitecture pack(Config c, String p, CellDatasheet cell) {
            known(c, p, Set.of("id", "vehicle", "label", "format", "series", "parallel", "publishedKWh"));
            String id = str(c, p, "id");
            if (id != null && !id.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,31}")) {
                problem(p + ".id", "must match [A-Za-z0-9][A-Za-z0-9_-]{0,31}, was \"" + id + "\"");
                id = null;
            }
            String vehicle = str(c, p, "vehicle");
            String label = c.hasPath("label") ? str(c, p, "label") : id;
            PackFormat format = null;
            String f = str(c, p, "format");
            if (f != null) {
                try {
                    format = PackFormat.valueOf(f);
                } catch (IllegalArgumentException e) {
                    problem(p + ".format", "must be CIM or CIP, was \"" + f + "\"");
                }
            }
            Integer series = integer(c, p, "series", 1, 1000);
            Integer parallel = integer(c, p, "parallel", 1, 64);
            Double published = positive(c, p, "publishedKWh");
            if (id == null || vehicle == null || label == null || format == null || series == null || parallel == null
                    || published == null || cell == null) {
                return null;
            }
            return new PackArchitecture(id, vehicle, label, format, series, parallel, published, cell);
        }

        void known(Config c, String path, Set<String> keys) {
            for (String k : c.root().keySet()) {
                if (!keys.contains(k)) problem(path.isEmpty() ? k : path + "." + k, "is not a known field (known: " + new java.util.TreeSet<>(keys) + ")");
            }
        }

        String str(Config c, String path, String key) {
            String full = path + "." + key;
            if (!c.hasPath(key)) { problem(full, "is required"); return null; }
            if (c.getValue(key).valueType() != ConfigValueType.STRING) { problem(full, "must be a string"); return null; }
            String s = c.getString(key);
            if (s.isBlank()) { problem(full, "must not be blank"); return null; }
            return s;
        }

        Integer integer(Config c, String path, String key, int lo, int hi) {
            String full = path + "." + key;
            if (!c.hasPath(key)) { problem(full, "is required"); return null; }
            if (c.getValue(key).valueType() != ConfigValueType.NUMBER) { problem(full, "must be a number"); return null; }
            double v = c.getDouble(key);
            if (v != Math.rint(v) || v < lo || v > hi) { problem(full, "must be a whole number in " + lo + ".." + hi + ", was " + c.getValue(key).unwrapped()); return null; }
            return (int) v;
        }

        Double positive(Config c, String path, String key) {
            String full = path + "." + key;
            if (!c.hasPath(key)) { problem(full, "is required"); return null; }
            if (c.getValue(key).valueType() != ConfigValueType.NUMBER) { problem(full, "must be a number"); return null; }
            double v = c.getDouble(key);
            if (!(v > 0) || !Double.isFinite(v)) { problem(full, "must be > 0, was " + c.getValue(key).unwrapped()); return null; }
            return v;
        }
    }
}
