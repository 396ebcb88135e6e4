package org.ssbtwin.api.modelcard;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.ssbtwin.api.study.FleetSpecs;
import org.ssbtwin.fleet.modelcard.ModelCard;

/** The model card of this build over the bundled fleets: what {@code twin model-card} and the API both run. */
public final class ModelCards {
    private ModelCards() {
    }

    /** Every bundled fleet, by name (sorted), for the card's warranty statistics. */
    public static List<ModelCard.NamedFleet> bundledFleets() {
        List<ModelCard.NamedFleet> fleets = new ArrayList<>();
        for (String name : new TreeSet<>(FleetSpecs.BUNDLED.keySet())) {
            fleets.add(new ModelCard.NamedFleet(name, FleetSpecs.bundled(name)));
        }
        return fleets;
    }

    public static ModelCard.Card run(int threads) {
        return ModelCard.run(bundledFleets(), threads);
    }
}
