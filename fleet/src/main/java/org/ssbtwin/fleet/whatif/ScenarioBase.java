package org.ssbtwin.fleet.whatif;

import java.util.List;
import java.util.Objects;
import org.ssbtwin.fleet.usage.FleetSpec;
import org.ssbtwin.plant.layout.PlantLayout;

/**
 * The resolved starting point of a scenario, copied into the sandbox: the plant layout, the fleet spec (its mix,
 * production window, warranty, thermal and ageing parameters) and, for the live base, the live packs.
 *
 * @param live true for the live twin's packs
 * @param livePacks the live population (already filtered and sampled); empty for a bundled base
 */
public record ScenarioBase(String label, boolean live, PlantLayout plant, FleetSpec fleet, List<LivePack> livePacks) {
    public ScenarioBase {
        Objects.requireNonNull(plant, "plant");
        Objects.requireNonNull(fleet, "fleet");
        livePacks = livePacks == null ? List.of() : List.copyOf(livePacks);
    }

    public static ScenarioBase bundled(String label, PlantLayout plant, FleetSpec fleet) {
        return new ScenarioBase(label, false, plant, fleet, List.of());
    }

    /** The live base: {@code fleet} supplies the warranty, thermal and ageing parameters and the mix of the
     * new-production cohort used for the field effect of plant changes. */
    public static ScenarioBase live(PlantLayout plant, FleetSpec fleet, List<LivePack> packs) {
        return new ScenarioBase(Scenario.LIVE, true, plant, fleet, packs);
    }
}
