package org.ssbtwin.config.scenario;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.ssbtwin.config.fleet.FleetSpecLoader;
import org.ssbtwin.fleet.usage.Climate;
import org.ssbtwin.fleet.usage.FleetSpec;
import org.ssbtwin.fleet.usage.VehicleModel;
import org.ssbtwin.fleet.whatif.FieldProblem;
import org.ssbtwin.fleet.whatif.FleetChanges;
import org.ssbtwin.fleet.whatif.InvalidScenarioException;
import org.ssbtwin.fleet.whatif.PlantChanges;
import org.ssbtwin.fleet.whatif.Population;
import org.ssbtwin.fleet.whatif.Scenario;
import org.ssbtwin.fleet.whatif.ScenarioLimits;

/**
 * Loads what-if scenarios from HOCON (a {@code scenario { ... }} block in a file) or from a JSON object with the same
 * camelCase fields (the REST body). Every field is checked; every problem names its path, e.g.
 * {@code plant.laminationTemperatureC}. Bundled scenarios live under {@code scenarios/<name>.conf}.
 */
public final class ScenarioLoader {
    /** The bundled scenarios, by name. */
    public static final List<String> BUNDLED = List.of("hot-climate-fast-charging", "dry-room-excursion",
            "lamination-window-shift");
    /** Fleets a {@code bundled:<fleet>} base may name. */
    public static final Map<String, String> FLEETS = Map.of("vinfast-vn", FleetSpecLoader.VINFAST_VN,
            "europe", FleetSpecLoader.EUROPE);
    public static final int DEFAULT_HORIZON_YEARS = 10;
    public static final int DEFAULT_SAMPLE_SIZE = 1000;
    public static final String DEFAULT_BASE = "bundled:vinfast-vn";

    static final Set<String> TOP = Set.of("name", "description", "base", "horizonYears", "seed", "population",
            "plant", "fleet");
    static final Set<String> POPULATION = Set.of("sampleSize", "vehicleModel", "climate", "productionFrom", "productionTo");
    static final Set<String> PLANT = Set.of("laminationTemperatureC", "dewPointC", "lineSpeedFactor", "stackingUnits",
            "mttrFactor", "shiftPattern");
    static final Set<String> FLEET = Set.of("climateShiftC", "dcFastChargeShare", "dailyDistanceFactor", "targetSoc",
            "taxiShare");

    private ScenarioLoader() {
    }

    /** A bundled scenario and its description. */
    public record Bundled(String name, String description) {}

    public static List<Bundled> bundled() {
        return BUNDLED.stream().map(n -> new Bundled(n, loadBundled(n).description())).toList();
    }

    public static boolean isBundled(String name) {
        return BUNDLED.contains(name);
    }

    /** Loads {@code scenarios/<name>.conf}. */
    public static Scenario loadBundled(String name) {
        if (!isBundled(name)) {
            throw new InvalidScenarioException("bundled", "bundled must be one of " + BUNDLED + ", was " + name);
        }
        String resource = "scenarios/" + name + ".conf";
        return fromRoot(ConfigFactory.parseResources(ScenarioLoader.class.getClassLoader(), resource).resolve(), resource);
    }

    public static Scenario loadFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidScenarioException("scenario", "scenario file not found: " + file);
        }
        return fromRoot(ConfigFactory.parseFile(file.toFile()).resolve(), file.toString());
    }

    /** Parses HOCON holding a {@code scenario { ... }} block. */
    public static Scenario parse(String hocon) {
        return fromRoot(ConfigFactory.parseString(hocon).resolve(), null);
    }

    private static Scenario fromRoot(Config root, String source) {
        if (!root.hasPath("scenario") || root.getValue("scenario").valueType() != ConfigValueType.OBJECT) {
            throw new InvalidScenarioException("scenario", (source == null ? "" : source + ": ")
                    + "a scenario { ... } block is required");
        }
        return fromObject(root.getConfig("scenario"), null);
    }

    /**
     * Reads the fields of a scenario object (HOCON or JSON). Missing fields take defaults: name {@code custom}, base
     * {@value #DEFAULT_BASE}, horizonYears {@value #DEFAULT_HORIZON_YEARS}, population.sampleSize
     * {@value #DEFAULT_SAMPLE_SIZE}; the seed is required unless {@code seedDefault} is given.
     *
     * @throws InvalidScenarioException naming every bad field (types, unknown fields, ranges, the base's fleet)
     */
    public static Scenario fromObject(Config c, Long seedDefault) {
        Reader r = new Reader();
        r.unknown(c, "", TOP);
        String name = r.string(c, "name", "custom");
        String description = r.string(c, "description", "");
        String base = r.string(c, "base", DEFAULT_BASE);
        Integer horizon = r.integer(c, "horizonYears", "", DEFAULT_HORIZON_YEARS);
        Long seed = r.longValue(c, "seed", seedDefault);
        Population population = Population.all(DEFAULT_SAMPLE_SIZE);
        if (r.object(c, "population")) {
            Config p = c.getConfig("population");
            r.unknown(p, "population.", POPULATION);
            Integer n = r.integer(p, "sampleSize", "population.", DEFAULT_SAMPLE_SIZE);
            VehicleModel vm = r.enumValue(p, "vehicleModel", "population.vehicleModel", VehicleModel.class);
            Climate cl = r.enumValue(p, "climate", "population.climate", Climate.class);
            LocalDate from = r.date(p, "productionFrom", "population.productionFrom");
            LocalDate to = r.date(p, "productionTo", "population.productionTo");
            population = new Population(n == null ? DEFAULT_SAMPLE_SIZE : n, vm, cl, from, to);
        }
        PlantChanges plant = PlantChanges.NONE;
        if (r.object(c, "plant")) {
            Config p = c.getConfig("plant");
            r.unknown(p, "plant.", PLANT);
            plant = new PlantChanges(r.number(p, "laminationTemperatureC", "plant."), r.number(p, "dewPointC", "plant."),
                    r.number(p, "lineSpeedFactor", "plant."), r.integerOrNull(p, "stackingUnits", "plant."),
                    r.number(p, "mttrFactor", "plant."), r.stringOrNull(p, "shiftPattern", "plant."));
        }
        FleetChanges fleet = FleetChanges.NONE;
        if (r.object(c, "fleet")) {
            Config f = c.getConfig("fleet");
            r.unknown(f, "fleet.", FLEET);
            fleet = new FleetChanges(r.number(f, "climateShiftC", "fleet."), r.number(f, "dcFastChargeShare", "fleet."),
                    r.number(f, "dailyDistanceFactor", "fleet."), r.number(f, "targetSoc", "fleet."),
                    r.number(f, "taxiShare", "fleet."));
        }
        if (base != null && base.startsWith(Scenario.BUNDLED_PREFIX)
                && !FLEETS.containsKey(base.substring(Scenario.BUNDLED_PREFIX.length()))) {
            r.problems.add(new FieldProblem("base", "base must be \"live\" or one of "
                    + FLEETS.keySet().stream().sorted().map(f -> Scenario.BUNDLED_PREFIX + f).toList() + ", was " + base));
        }
        if (!r.problems.isEmpty()) {
            throw new InvalidScenarioException(r.problems);
        }
        return new Scenario(name, description, base, horizon == null ? DEFAULT_HORIZON_YEARS : horizon,
                seed == null ? 0 : seed, population, plant, fleet);
    }

    /** Checks the scenario's fields and limits (see {@link Scenario#problems}). */
    public static Scenario validate(Scenario s, ScenarioLimits limits) {
        return s.validate(limits);
    }

    /** The fleet spec behind a scenario's base: its bundled fleet, or {@code vinfast-vn} for the live base (assumed). */
    public static FleetSpec fleetFor(Scenario s) {
        String f = s.isLive() ? "vinfast-vn" : s.bundledFleet();
        String resource = FLEETS.get(f);
        if (resource == null) {
            throw new InvalidScenarioException("base", "unknown fleet in base " + s.base() + "; known " + FLEETS.keySet());
        }
        return FleetSpecLoader.loadResource(resource);
    }

    /** Collects problems instead of failing on the first. */
    private static final class Reader {
        final List<FieldProblem> problems = new ArrayList<>();

        void unknown(Config c, String prefix, Set<String> known) {
            for (String k : c.root().keySet()) {
                if (!known.contains(k)) {
                    problems.add(new FieldProblem(prefix + k, "unknown field '" + prefix + k + "'; allowed: "
                            + new TreeSet<>(known)));
                }
            }
        }

        private static boolean has(Config c, String key) {
            return c.root().containsKey(key) && c.root().get(key).valueType() != ConfigValueType.NULL;
        }

        boolean object(Config c, String key) {
            if (!has(c, key)) {
                return false;
            }
            if (c.root().get(key).valueType() != ConfigValueType.OBJECT) {
                problems.add(new FieldProblem(key, key + " must be an object"));
                return false;
            }
            return true;
        }

        String string(Config c, String key, String dflt) {
            String s = stringOrNull(c, key, "");
            return s == null ? dflt : s;
        }

        String stringOrNull(Config c, String key, String prefix) {
            if (!has(c, key)) {
                return null;
            }
            ConfigValue v = c.root().get(key);
            if (v.valueType() != ConfigValueType.STRING) {
                problems.add(new FieldProblem(prefix + key, prefix + key + " must be a string, was " + v.render()));
                return null;
            }
            return (String) v.unwrapped();
        }

        Integer integer(Config c, String key, String prefix, Integer dflt) {
            Integer v = integerOrNull(c, key, prefix);
            return v == null ? dflt : v;
        }

        Integer integerOrNull(Config c, String key, String prefix) {
            if (!has(c, key)) {
                return null;
            }
            ConfigValue v = c.root().get(key);
            Object u = v.unwrapped();
            if (v.valueType() != ConfigValueType.NUMBER || !(u instanceof Integer)) {
                problems.add(new FieldProblem(prefix + key, prefix + key + " must be a whole number, was " + v.render()));
                return null;
            }
            return (Integer) u;
        }

        Long longValue(Config c, String key, Long dflt) {
            if (!has(c, key)) {
                if (dflt == null) {
                    problems.add(new FieldProblem(key, key + " is required (a whole number; the same scenario and seed"
                            + " give the same result)"));
                }
                return dflt;
            }
            ConfigValue v = c.root().get(key);
            Object u = v.unwrapped();
            if (v.valueType() != ConfigValueType.NUMBER || !(u instanceof Integer || u instanceof Long)) {
                problems.add(new FieldProblem(key, key + " must be a whole number within the 64-bit range, was " + v.render()));
                return null;
            }
            return ((Number) u).longValue();
        }

        Double number(Config c, String key, String prefix) {
            if (!has(c, key)) {
                return null;
            }
            ConfigValue v = c.root().get(key);
            if (v.valueType() != ConfigValueType.NUMBER) {
                problems.add(new FieldProblem(prefix + key, prefix + key + " must be a number, was " + v.render()));
                return null;
            }
            double d = ((Number) v.unwrapped()).doubleValue();
            if (!Double.isFinite(d)) {
                problems.add(new FieldProblem(prefix + key, prefix + key + " must be finite"));
                return null;
            }
            return d;
        }

        <E extends Enum<E>> E enumValue(Config c, String key, String path, Class<E> type) {
            String s = stringOrNull(c, key, "population.");
            if (s == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                List<String> names = new ArrayList<>();
                for (E v : type.getEnumConstants()) {
                    names.add(v.name());
                }
                problems.add(new FieldProblem(path, path + " must be one of " + names + ", was " + s));
                return null;
            }
        }

        LocalDate date(Config c, String key, String path) {
            String s = stringOrNull(c, key, "population.");
            if (s == null) {
                return null;
            }
            try {
                return LocalDate.parse(s.trim());
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem(path, path + " must be a date like 2028-06-01, was " + s));
                return null;
            }
        }
    }

    /** For messages: the scenario's fields as a flat map (used by the CLI's header). */
    public static Map<String, Object> summary(Scenario s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("base", s.base());
        m.put("horizonYears", s.horizonYears());
        m.put("seed", s.seed());
        m.put("sampleSize", s.population().sampleSize());
        return m;
    }
}
