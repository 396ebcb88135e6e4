package org.ssbtwin.fleet.whatif;

import java.util.List;

/**
 * Fleet baseline vs scenario.
 *
 * @param packs packs per arm
 * @param years one row per horizon year
 * @param warrantyClaims expected warranty claims within the horizon (packs of the population)
 * @param warrantyClaimShare the same as a share of the population
 */
public record FleetComparison(int packs, List<FleetYear> years, Compared warrantyClaims, Compared warrantyClaimShare) {
    public FleetComparison {
        years = List.copyOf(years);
    }
}
