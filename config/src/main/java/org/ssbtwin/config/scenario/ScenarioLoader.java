package org.ssbtwin.config.scenario;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ssbtwin.core.config.ConfigReader;
import org.ssbtwin.core.config.ConfigReader.Range;
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
        ConfigReader r = ConfigReader.of(c);
        r.unknownKeys(TOP);
        String name = r.string("name", "custom");
        String description = r.string("description", "");
        String base = r.string("base", DEFAULT_BASE);
        int horizon = r.integer("horizonYears", DEFAULT_HORIZON_YEARS, Integer.MIN_VALUE, Integer.MAX_VALUE);
        Long seed = seedDefault == null ? r.longValue("seed", Long.MIN_VALUE, Long.MAX_VALUE)
                : Long.valueOf(r.longValue("seed", seedDefault, Long.MIN_VALUE, Long.MAX_VALUE));
        Population population = Population.all(DEFAULT_SAMPLE_SIZE);
        ConfigReader p = r.optionalObject("population");
        if (p != null) {
            p.unknownKeys(POPULATION);
            population = new Population(p.integer("sampleSize", DEFAULT_SAMPLE_SIZE, Integer.MIN_VALUE, Integer.MAX_VALUE),
                    p.optionalEnum("vehicleModel", VehicleModel.class), p.optionalEnum("climate", Climate.class),
                    p.optionalDate("productionFrom"), p.optionalDate("productionTo"));
        }
        PlantChanges plant = PlantChanges.NONE;
        ConfigReader pl = r.optionalObject("plant");
        if (pl != null) {
            pl.unknownKeys(PLANT);
            plant = new PlantChanges(pl.optionalNumber("laminationTemperatureC", Range.ANY),
                    pl.optionalNumber("dewPointC", Range.ANY), pl.optionalNumber("lineSpeedFactor", Range.ANY),
                    pl.optionalInteger("stackingUnits", Integer.MIN_VALUE, Integer.MAX_VALUE),
                    pl.optionalNumber("mttrFactor", Range.ANY), pl.optionalString("shiftPattern"));
        }
        FleetChanges fleet = FleetChanges.NONE;
        ConfigReader f = r.optionalObject("fleet");
        if (f != null) {
            f.unknownKeys(FLEET);
            fleet = new FleetChanges(f.optionalNumber("climateShiftC", Range.ANY),
                    f.optionalNumber("dcFastChargeShare", Range.ANY), f.optionalNumber("dailyDistanceFactor", Range.ANY),
                    f.optionalNumber("targetSoc", Range.ANY), f.optionalNumber("taxiShare", Range.ANY));
        }
        r.check(base == null || !base.startsWith(Scenario.BUNDLED_PREFIX)
                || FLEETS.containsKey(base.substring(Scenario.BUNDLED_PREFIX.length())), "base",
                "must be \"live\" or one of " + FLEETS.keySet().stream().sorted().map(b -> Scenario.BUNDLED_PREFIX + b).toList()
                        + ", was \"" + base + "\"");
        r.throwIfProblems(problems -> new InvalidScenarioException(
                problems.stream().map(pr -> new FieldProblem(pr.path(), pr.toString())).toList()));
        return new Scenario(name, description, base, horizon, seed, population, plant, fleet);
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
