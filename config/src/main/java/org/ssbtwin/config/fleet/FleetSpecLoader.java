package org.ssbtwin.config.fleet;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.ssbtwin.core.ageing.life.Chemistry;
import org.ssbtwin.core.ageing.ssb.SsbAgeingParameters;
import org.ssbtwin.core.ageing.ssb.WarrantyTerms;
import org.ssbtwin.core.fleet.BatteryThermalManagement;
import org.ssbtwin.core.fleet.CellQualitySource;
import org.ssbtwin.core.fleet.ChargingHabit;
import org.ssbtwin.core.fleet.Climate;
import org.ssbtwin.core.fleet.DefaultCellQualitySource;
import org.ssbtwin.core.fleet.DriverArchetype;
import org.ssbtwin.core.fleet.FleetMix;
import org.ssbtwin.core.fleet.FleetSpec;
import org.ssbtwin.core.fleet.VehicleModel;

/**
 * Loads a HOCON fleet spec (a {@code fleet { ... }} block) into a {@link FleetSpec}. Every field is validated and
 * every problem is reported with its path relative to the {@code fleet} block, e.g.
 * {@code mix.climates.HANOI share must be in [0,1], was 1.4}. Bundled specs: {@code fleet/vinfast-vn.conf},
 * {@code fleet/europe.conf}.
 */
public final class FleetSpecLoader {
    public static final String VINFAST_VN = "fleet/vinfast-vn.conf";
    public static final String EUROPE = "fleet/europe.conf";

    private static final Set<String> TOP = Set.of("name", "packs", "years", "start-date", "production",
            "sampled-cells-per-pack", "warranty", "mix", "cell-quality", "thermal", "chemistry");

    private FleetSpecLoader() {
    }

    /** Loads a bundled classpath resource, e.g. {@link #VINFAST_VN}. */
    public static FleetSpec loadResource(String resource) {
        if (FleetSpecLoader.class.getClassLoader().getResource(resource) == null) {
            throw new IllegalArgumentException("fleet spec resource not found: " + resource);
        }
        return load(ConfigFactory.parseResources(FleetSpecLoader.class.getClassLoader(), resource).resolve(),
                resource, null);
    }

    public static FleetSpec loadFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("fleet spec file not found: " + file);
        }
        return load(ConfigFactory.parseFile(file.toFile()).resolve(), file.toString(), null);
    }

    public static FleetSpec parse(String hocon) {
        return load(ConfigFactory.parseString(hocon).resolve(), null, null);
    }

    /**
     * Loads from a parsed config holding a {@code fleet} block.
     *
     * @param cellQualityOverride if non-null, replaces the config's {@code cell-quality} (e.g. the plant's
     *        physics-based source)
     */
    public static FleetSpec load(Config root, String sourceName, CellQualitySource cellQualityOverride) {
        Reader r = new Reader();
        if (!root.hasPath("fleet")) {
            throw new FleetSpecValidationException(sourceName, List.of("fleet block is missing"));
        }
        Config c;
        try {
            c = root.getConfig("fleet");
        } catch (ConfigException e) {
            throw new FleetSpecValidationException(sourceName, List.of("fleet must be an object"));
        }
        for (String key : c.root().keySet()) {
            if (!TOP.contains(key)) {
                r.problems.add(key + " is not a known field (known: " + new java.util.TreeSet<>(TOP) + ")");
            }
        }
        int packs = r.integer(c, "packs", null, 1, 100_000_000);
        int years = r.integer(c, "years", null, 1, 40);
        LocalDate start = r.date(c, "start-date", null);
        LocalDate prodStart = r.date(c, "production.start", start);
        LocalDate prodEnd = r.date(c, "production.end",
                prodStart == null ? null : prodStart.plusYears(1).minusDays(1));
        if (prodStart != null && prodEnd != null && prodEnd.isBefore(prodStart)) {
            r.problems.add("production.end must not be before production.start, was " + prodEnd + " < " + prodStart);
        }
        int lag = r.integer(c, "production.delivery-lag-days", 60, 0, 3650);
        int sampled = r.integer(c, "sampled-cells-per-pack", 0, 0, 1000);
        int wYears = r.integer(c, "warranty.years", WarrantyTerms.STANDARD.years(), 0, 40);
        double wKm = r.number(c, "warranty.km", WarrantyTerms.STANDARD.km(), 0, 10_000_000);
        double wSoh = r.number(c, "warranty.soh-threshold", WarrantyTerms.STANDARD.sohThreshold(), 0.01, 0.99);

        Map<VehicleModel, Double> models = r.shares(c, "mix.vehicle-models", VehicleModel.class, VehicleModel::valueOf);
        Map<Climate, Double> climates = r.shares(c, "mix.climates", Climate.class, Climate::valueOf);
        Map<DriverArchetype, Double> archetypes = r.shares(c, "mix.archetypes", DriverArchetype.class,
                DriverArchetype::valueOf);
        Map<ChargingHabit, Double> habits = r.shares(c, "mix.charging-habits", ChargingHabit.class,
                ChargingHabit::valueOf);

        CellQualitySource quality = cellQualityOverride;
        if (quality == null && prodStart != null) {
            quality = r.cellQuality(c, prodStart);
        }
        BatteryThermalManagement btms = r.thermal(c);
        Chemistry chemistry = Chemistry.SSB;
        if (c.hasPath("chemistry")) {
            try {
                chemistry = Chemistry.parse(c.getString("chemistry"));
            } catch (IllegalArgumentException | ConfigException e) {
                r.problems.add("chemistry must be one of " + Chemistry.ids() + ", was " + c.getValue("chemistry").render());
            }
        }
        if (!r.problems.isEmpty()) {
            throw new FleetSpecValidationException(sourceName, r.problems);
        }
        try {
            return new FleetSpec(packs, years, start, new FleetMix(models, climates, archetypes, habits), prodStart,
                    prodEnd, lag, new WarrantyTerms(wYears, wKm, wSoh), quality, sampled, btms,
                    SsbAgeingParameters.of(chemistry));
        } catch (IllegalArgumentException e) {
            throw new FleetSpecValidationException(sourceName, List.of(e.getMessage()));
        }
    }

    /** Collects problems instead of failing on the first. */
    private static final class Reader {
        final List<String> problems = new ArrayList<>();

        private boolean present(Config c, String path, Object dflt) {
            if (!c.hasPathOrNull(path) || c.getIsNull(path)) {
                if (dflt == null) {
                    problems.add(path + " is required");
                }
                return false;
            }
            return true;
        }

        int integer(Config c, String path, Integer dflt, int min, int max) {
            if (!present(c, path, dflt)) {
                return dflt == null ? 0 : dflt;
            }
            ConfigValue v = c.getValue(path);
            if (v.valueType() != ConfigValueType.NUMBER) {
                problems.add(path + " must be an integer, was " + v.render());
                return 0;
            }
            double d = ((Number) v.unwrapped()).doubleValue();
            if (d != Math.rint(d)) {
                problems.add(path + " must be an integer, was " + v.render());
                return 0;
            }
            if (d < min || d > max) {
                problems.add(path + " must be in [" + min + "," + max + "], was " + v.render());
                return 0;
            }
            return (int) d;
        }

        double number(Config c, String path, Double dflt, double min, double max) {
            if (!present(c, path, dflt)) {
                return dflt == null ? 0 : dflt;
            }
            ConfigValue v = c.getValue(path);
            if (v.valueType() != ConfigValueType.NUMBER) {
                problems.add(path + " must be a number, was " + v.render());
                return Double.NaN;
            }
            double d = ((Number) v.unwrapped()).doubleValue();
            if (!(d >= min && d <= max)) {
                problems.add(path + " must be in [" + fmt(min) + "," + fmt(max) + "], was " + v.render());
            }
            return d;
        }

        LocalDate date(Config c, String path, LocalDate dflt) {
            if (!present(c, path, dflt == null ? null : (Object) dflt)) {
                return dflt;
            }
            ConfigValue v = c.getValue(path);
            if (v.valueType() != ConfigValueType.STRING) {
                problems.add(path + " must be an ISO date string (yyyy-MM-dd), was " + v.render());
                return null;
            }
            try {
                return LocalDate.parse((String) v.unwrapped());
            } catch (DateTimeParseException e) {
                problems.add(path + " must be an ISO date (yyyy-MM-dd), was " + v.render());
                return null;
            }
        }

        <E extends Enum<E>> Map<E, Double> shares(Config c, String path, Class<E> type, Function<String, E> parse) {
            EnumMap<E, Double> out = new EnumMap<>(type);
            if (!present(c, path, null)) {
                return out;
            }
            if (c.getValue(path).valueType() != ConfigValueType.OBJECT) {
                problems.add(path + " must be an object of NAME = share");
                return out;
            }
            Config m = c.getConfig(path);
            double sum = 0;
            boolean ok = true;
            for (String key : m.root().keySet()) {
                E e;
                try {
                    e = parse.apply(key);
                } catch (IllegalArgumentException ex) {
                    problems.add(path + "." + key + " is not a known " + type.getSimpleName() + " (known: "
                            + Arrays.toString(type.getEnumConstants()) + ")");
                    ok = false;
                    continue;
                }
                ConfigValue v = m.root().get(key);
                if (v.valueType() != ConfigValueType.NUMBER) {
                    problems.add(path + "." + key + " share must be a number, was " + v.render());
                    ok = false;
                    continue;
                }
                double d = ((Number) v.unwrapped()).doubleValue();
                if (!(d >= 0 && d <= 1)) {
                    problems.add(path + "." + key + " share must be in [0,1], was " + v.render());
                    ok = false;
                    continue;
                }
                sum += d;
                out.put(e, d);
            }
            if (out.isEmpty() && ok) {
                problems.add(path + " must name at least one entry");
            } else if (ok && Math.abs(sum - 1.0) > 1e-6) {
                problems.add(path + " shares must sum to 1, was " + fmt(sum));
            }
            return out;
        }

        CellQualitySource cellQuality(Config c, LocalDate sop) {
            DefaultCellQualitySource d = DefaultCellQualitySource.assumed(sop);
            if (c.hasPath("cell-quality")) {
                String type = c.hasPath("cell-quality.type") ? c.getString("cell-quality.type") : "default";
                if (!type.equals("default")) {
                    problems.add("cell-quality.type must be \"default\" (other sources are injected in code), was "
                            + type);
                }
                Set<String> known = Set.of("type", "lamination-lot-sigma-c", "dew-point-lot-sigma-c",
                        "ramp-up-months", "ramp-up-factor");
                Set<String> removed = Set.of("lamination-cell-sigma-c", "irf-sigma", "irf-per-k2",
                        "defect-probability");
                for (String k : c.getConfig("cell-quality").root().keySet()) {
                    if (removed.contains(k)) {
                        problems.add("cell-quality." + k + " was removed: cells are drawn through the plant's process "
                                + "physics (the one cell-quality model, docs/life-model.md); set the physics in the "
                                + "plant layout");
                    } else if (!known.contains(k)) {
                        problems.add("cell-quality." + k + " is not a known field");
                    }
                }
            }
            double lotSigma = number(c, "cell-quality.lamination-lot-sigma-c", d.laminationLotSigmaC(), 0, 50);
            double dewSigma = number(c, "cell-quality.dew-point-lot-sigma-c", d.dewPointLotSigmaC(), 0, 50);
            int rampMonths = integer(c, "cell-quality.ramp-up-months", d.rampUpMonths(), 0, 120);
            double rampFactor = number(c, "cell-quality.ramp-up-factor", d.rampUpFactor(), 1, 100);
            if (problems.isEmpty()) {
                return new DefaultCellQualitySource(sop, lotSigma, dewSigma, rampMonths, rampFactor);
            }
            return d;
        }

        BatteryThermalManagement thermal(Config c) {
            BatteryThermalManagement d = BatteryThermalManagement.LIQUID_COOLED;
            double parked = number(c, "thermal.parked-offset-k", d.parkedOffsetK(), -20, 20);
            double min = number(c, "thermal.active-min-c", d.activeMinC(), -40, 60);
            double max = number(c, "thermal.active-max-c", d.activeMaxC(), -40, 60);
            double heat = number(c, "thermal.heat-per-efc-k", d.heatPerEfcK(), 0, 40);
            double dc = number(c, "thermal.dc-precondition-c", d.dcPreconditionC(), -40, 60);
            double ac = number(c, "thermal.ac-min-charge-c", d.acMinChargeC(), -40, 60);
            if (min > max) {
                problems.add("thermal.active-min-c must be <= thermal.active-max-c, was " + fmt(min) + " > "
                        + fmt(max));
                return d;
            }
            return new BatteryThermalManagement(parked, min, max, heat, dc, ac);
        }

        private static String fmt(double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
        }
    }
}
