package org.ssbtwin.fleet.whatif;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A what-if question: run the base (the live twin now, or a bundled fleet configuration) over {@code horizonYears}
 * for a population, once as it is (baseline) and once with the plant and fleet changes (scenario), with common
 * random numbers from {@code seed}.
 *
 * @param name short name (letters, digits, '-', '_', '.')
 * @param description what the scenario changes and why (may be empty)
 * @param base {@value #LIVE} or {@code bundled:<fleet>} (e.g. {@code bundled:vinfast-vn})
 */
public record Scenario(String name, String description, String base, int horizonYears, long seed,
                       Population population, PlantChanges plant, FleetChanges fleet) {
    public static final String LIVE = "live";
    public static final String BUNDLED_PREFIX = "bundled:";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public Scenario {
        description = description == null ? "" : description;
        plant = plant == null ? PlantChanges.NONE : plant;
        fleet = fleet == null ? FleetChanges.NONE : fleet;
    }

    @JsonIgnore
    public boolean isLive() {
        return LIVE.equals(base);
    }

    /** The fleet name of a bundled base ({@code vinfast-vn} for {@code bundled:vinfast-vn}), else null. */
    @JsonIgnore
    public String bundledFleet() {
        return base != null && base.startsWith(BUNDLED_PREFIX) ? base.substring(BUNDLED_PREFIX.length()) : null;
    }

    public Scenario withSeed(long s) {
        return new Scenario(name, description, base, horizonYears, s, population, plant, fleet);
    }

    public Scenario withHorizonYears(int y) {
        return new Scenario(name, description, base, y, seed, population, plant, fleet);
    }

    public Scenario withPopulation(Population p) {
        return new Scenario(name, description, base, horizonYears, seed, p, plant, fleet);
    }

    public Scenario withChanges(PlantChanges p, FleetChanges f) {
        return new Scenario(name, description, base, horizonYears, seed, population, p, f);
    }

    /** Every invalid field, named by its path; empty when the scenario can run within the limits. */
    public List<FieldProblem> problems(ScenarioLimits limits) {
        List<FieldProblem> p = new ArrayList<>();
        if (name == null || !NAME.matcher(name).matches()) {
            p.add(new FieldProblem("name", "name must be 1..64 letters, digits, '.', '-' or '_', was " + name));
        }
        if (base == null || !(isLive() || (bundledFleet() != null && !bundledFleet().isEmpty()))) {
            p.add(new FieldProblem("base", "base must be \"live\" or \"bundled:<fleet>\" (e.g. bundled:vinfast-vn), was " + base));
        }
        if (horizonYears < 1 || horizonYears > limits.maxHorizonYears()) {
            p.add(new FieldProblem("horizonYears", "horizonYears must be within [1, " + limits.maxHorizonYears()
                    + "] (twin.scenarios.max-horizon-years), was " + horizonYears));
        }
        if (population == null) {
            p.add(new FieldProblem("population", "population is required (at least sampleSize)"));
        } else {
            if (population.sampleSize() < 1 || population.sampleSize() > limits.maxPopulation()) {
                p.add(new FieldProblem("population.sampleSize", "population.sampleSize must be within [1, "
                        + limits.maxPopulation() + "] (twin.scenarios.max-population), was " + population.sampleSize()));
            }
            if (population.productionFrom() != null && population.productionTo() != null
                    && population.productionTo().isBefore(population.productionFrom())) {
                p.add(new FieldProblem("population.productionTo", "population.productionTo must not be before productionFrom"));
            }
        }
        p.addAll(plant.problems());
        p.addAll(fleet.problems());
        return p;
    }

    /** Throws {@link InvalidScenarioException} naming every bad field. */
    public Scenario validate(ScenarioLimits limits) {
        List<FieldProblem> p = problems(limits);
        if (!p.isEmpty()) {
            throw new InvalidScenarioException(p);
        }
        return this;
    }
}
