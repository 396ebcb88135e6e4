package org.ssbtwin.config.fleet;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ssbtwin.core.config.ConfigReader;
import org.ssbtwin.core.config.ConfigReader.Range;
import org.ssbtwin.fleet.ageing.SsbAgeingParameters;
import org.ssbtwin.fleet.ageing.WarrantyTerms;
import org.ssbtwin.fleet.usage.BatteryThermalManagement;
import org.ssbtwin.fleet.usage.CellQualitySource;
import org.ssbtwin.fleet.usage.ChargingHabit;
import org.ssbtwin.fleet.usage.Climate;
import org.ssbtwin.fleet.usage.DefaultCellQualitySource;
import org.ssbtwin.fleet.usage.DriverArchetype;
import org.ssbtwin.fleet.usage.FleetMix;
import org.ssbtwin.fleet.usage.FleetSpec;
import org.ssbtwin.fleet.usage.VehicleModel;
import java.util.function.Function;
import org.ssbtwin.fleet.ageing.Chemistry;
import org.ssbtwin.fleet.ageing.SsbAgeingParameters;
import org.ssbtwin.fleet.ageing.WarrantyTerms;
import org.ssbtwin.fleet.usage.BatteryThermalManagement;
import org.ssbtwin.fleet.usage.CellQualitySource;
import org.ssbtwin.fleet.usage.ChargingHabit;
import org.ssbtwin.fleet.usage.Climate;
import org.ssbtwin.fleet.usage.DefaultCellQualitySource;
import org.ssbtwin.fleet.usage.DriverArchetype;
import org.ssbtwin.fleet.usage.FleetMix;
import org.ssbtwin.fleet.usage.FleetSpec;
import org.ssbtwin.fleet.usage.VehicleModel;

/**
 * Loads a HOCON fleet spec (a {@code fleet { ... }} block) into a {@link FleetSpec}. Every field is validated and
 * every problem is reported with its path relative to the {@code fleet} block, e.g.
 * {@code mix.climates.HANOI must be within [0, 1], was 1.4}. Bundled specs: {@code fleet/vinfast-vn.conf},
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
        if (!root.hasPath("fleet")) {
            throw new FleetSpecValidationException(sourceName, List.of("fleet block is missing"));
        }
        if (root.getValue("fleet").valueType() != ConfigValueType.OBJECT) {
            throw new FleetSpecValidationException(sourceName, List.of("fleet must be an object"));
        }
        ConfigReader r = ConfigReader.of(root.getConfig("fleet"));
        r.unknownKeys(TOP);
        Integer packs = r.integer("packs", 1, 100_000_000);
        Integer years = r.integer("years", 1, 40);
        LocalDate start = r.date("start-date");
        LocalDate prodStart = start == null ? r.date("production.start") : r.date("production.start", start);
        LocalDate prodEnd = prodStart == null ? r.date("production.end")
                : r.date("production.end", prodStart.plusYears(1).minusDays(1));
        r.check(prodStart == null || prodEnd == null || !prodEnd.isBefore(prodStart), "production.end",
                "must not be before production.start, was " + prodEnd + " < " + prodStart);
        int lag = r.integer("production.delivery-lag-days", 60, 0, 3650);
        int sampled = r.integer("sampled-cells-per-pack", 0, 0, 1000);
        int wYears = r.integer("warranty.years", WarrantyTerms.STANDARD.years(), 0, 40);
        double wKm = r.number("warranty.km", WarrantyTerms.STANDARD.km(), Range.within(0, 10_000_000));
        double wSoh = r.number("warranty.soh-threshold", WarrantyTerms.STANDARD.sohThreshold(), Range.within(0.01, 0.99));

        Map<VehicleModel, Double> models = r.shares("mix.vehicle-models", VehicleModel.class);
        Map<Climate, Double> climates = r.shares("mix.climates", Climate.class);
        Map<DriverArchetype, Double> archetypes = r.shares("mix.archetypes", DriverArchetype.class);
        Map<ChargingHabit, Double> habits = r.shares("mix.charging-habits", ChargingHabit.class);

        CellQualitySource quality = cellQualityOverride;
        if (quality == null && prodStart != null) {
            quality = cellQuality(r, prodStart);
        }
        BatteryThermalManagement btms = thermal(r);
        Chemistry chemistry = Chemistry.parse(r.oneOf("chemistry", Chemistry.SSB.id(),
                java.util.Arrays.stream(Chemistry.values()).map(Chemistry::id).toList()));
        r.throwIfProblems(problems -> new FleetSpecValidationException(sourceName,
                problems.stream().map(ConfigReader.Problem::toString).toList()));
        try {
            return new FleetSpec(packs, years, start, new FleetMix(models, climates, archetypes, habits), prodStart,
                    prodEnd, lag, new WarrantyTerms(wYears, wKm, wSoh), quality, sampled, btms,
                    SsbAgeingParameters.of(chemistry));
        } catch (IllegalArgumentException e) {
            throw new FleetSpecValidationException(sourceName, List.of(e.getMessage()));
        }
    }

    private static final Set<String> CELL_QUALITY = Set.of("type", "lamination-lot-sigma-c", "dew-point-lot-sigma-c",
            "ramp-up-months", "ramp-up-factor");
    /** Fields of the fleet's own cell sampler before the plant's process physics became the one cell-quality model. */
    private static final Set<String> CELL_QUALITY_REMOVED = Set.of("lamination-cell-sigma-c", "irf-sigma", "irf-per-k2",
            "defect-probability");

    /** The {@code cell-quality} block: the assumed default source with the fields it overrides. */
    private static CellQualitySource cellQuality(ConfigReader r, LocalDate sop) {
        DefaultCellQualitySource d = DefaultCellQualitySource.assumed(sop);
        ConfigReader q = r.optionalObject("cell-quality");
        if (q != null) {
            // other sources (e.g. the plant's physics-based one) are injected in code
            q.oneOf("type", "default", Set.of("default"));
            for (String k : CELL_QUALITY_REMOVED) {
                q.check(!q.has(k), k, "was removed: cells are drawn through the plant's process physics (the one "
                        + "cell-quality model, docs/life-model.md); set the physics in the plant layout");
            }
            Set<String> accepted = new java.util.HashSet<>(CELL_QUALITY);
            accepted.addAll(CELL_QUALITY_REMOVED);
            q.unknownKeys(accepted);
        }
        double lotSigma = r.number("cell-quality.lamination-lot-sigma-c", d.laminationLotSigmaC(), Range.within(0, 50));
        double dewSigma = r.number("cell-quality.dew-point-lot-sigma-c", d.dewPointLotSigmaC(), Range.within(0, 50));
        int rampMonths = r.integer("cell-quality.ramp-up-months", d.rampUpMonths(), 0, 120);
        double rampFactor = r.number("cell-quality.ramp-up-factor", d.rampUpFactor(), Range.within(1, 100));
        if (r.hasProblems()) {
            return d;
        }
        return new DefaultCellQualitySource(sop, lotSigma, dewSigma, rampMonths, rampFactor);
    }

    /** The {@code thermal} block: the liquid-cooled default with the fields it overrides. */
    private static BatteryThermalManagement thermal(ConfigReader r) {
        BatteryThermalManagement d = BatteryThermalManagement.LIQUID_COOLED;
        double parked = r.number("thermal.parked-offset-k", d.parkedOffsetK(), Range.within(-20, 20));
        double min = r.number("thermal.active-min-c", d.activeMinC(), Range.within(-40, 60));
        double max = r.number("thermal.active-max-c", d.activeMaxC(), Range.within(-40, 60));
        double heat = r.number("thermal.heat-per-efc-k", d.heatPerEfcK(), Range.within(0, 40));
        double dc = r.number("thermal.dc-precondition-c", d.dcPreconditionC(), Range.within(-40, 60));
        double ac = r.number("thermal.ac-min-charge-c", d.acMinChargeC(), Range.within(-40, 60));
        if (min > max) {
            r.problem("thermal.active-min-c", "must be <= thermal.active-max-c, was " + ConfigReader.format(min) + " > "
                    + ConfigReader.format(max));
            return d;
        }
        return new BatteryThermalManagement(parked, min, max, heat, dc, ac);
    }
}
