package org.ssbtwin.api;

import java.time.Instant;
import java.util.List;
import org.ssbtwin.api.readside.AssetDirectory;
import org.ssbtwin.config.TwinSettings;
import org.ssbtwin.core.feed.TwinFeed;

/** Builds the simulated plant and fleet feeds of the embedded default. */
final class SimulationFeeds {
    private SimulationFeeds() {}

    static List<TwinFeed> create(TwinSettings settings, Instant now, AssetDirectory directory) {
        return List.of();
    }
}
