package org.ssbtwin.fleet.whatif;

/**
 * Bounds on one scenario run.
 *
 * @param maxPopulation largest population (packs per arm)
 * @param maxHorizonYears longest fleet horizon
 */
public record ScenarioLimits(int maxPopulation, int maxHorizonYears) {
    public static final ScenarioLimits DEFAULT = new ScenarioLimits(20_000, 20);

    public ScenarioLimits {
        if (maxPopulation < 1 || maxHorizonYears < 1 || maxHorizonYears > 40) {
            throw new IllegalArgumentException("maxPopulation must be >= 1 and maxHorizonYears in [1,40]");
        }
    }
}
