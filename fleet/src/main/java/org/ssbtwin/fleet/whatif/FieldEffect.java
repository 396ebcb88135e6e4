package org.ssbtwin.fleet.whatif;

/**
 * The field effect of the plant change, through the cells' genealogy (manufacturing factors): yield now and SoH
 * years later of packs built from cells made under the baseline and the scenario plant settings.
 *
 * @param cohort {@code population} (a bundled base: the population is the new production) or {@code new-production}
 *        (live base: the live packs' cells are already made, so a cohort of new packs is simulated)
 * @param packs packs in the cohort per arm
 * @param year the year of {@code sohP50} / {@code meanSoh} (8, or the horizon if shorter)
 * @param meanInterfaceResistanceFactor the cells' mean interface-resistance factor (1 = nominal)
 * @param sohAtYear8 SoH p50 at year 8 (null when the horizon is shorter)
 */
public record FieldEffect(String cohort, int packs, int year, Compared firstPassYield,
                          Compared meanInterfaceResistanceFactor, Compared sohP50, Compared meanSoh,
                          Compared sohAtYear8) {
}
