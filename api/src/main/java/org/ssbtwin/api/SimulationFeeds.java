package org.ssbtwin.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.ssbtwin.api.readside.AssetDirectory;
import org.ssbtwin.config.TwinSettings;
import org.ssbtwin.config.fleet.FleetSpecLoader;
import org.ssbtwin.config.plant.PlantLayoutLoader;
import org.ssbtwin.feed.TwinFeed;
import org.ssbtwin.fleet.pack.PackStatus;
import org.ssbtwin.plant.layout.PlantLayout;
import org.ssbtwin.feed.simulation.IdShift;
import org.ssbtwin.feed.simulation.SimulatedLifecycleFeed;

/**
 * Builds the simulated plant and fleet of the embedded default from the bundled configuration, continuing from
 * what the journal already holds (commissioned stations, id sequences, vehicles in service, setpoints).
 */
final class SimulationFeeds {
    /** The fleet mix of the simulated vehicles (assumed: the VinFast Vietnam mix bundled in config). */
    static final String FLEET = FleetSpecLoader.VINFAST_VN;

    private SimulationFeeds() {}

    /** The configured plant layout: a bundled resource name (e.g. {@code plant/dunkirk-small.conf}) or a file path. */
    static PlantLayout layout(TwinSettings settings) {
        String name = settings.simulation().plantLayout();
        java.nio.file.Path file = java.nio.file.Path.of(name);
        return java.nio.file.Files.isRegularFile(file) ? PlantLayoutLoader.loadFile(file) : PlantLayoutLoader.loadResource(name);
    }

    /**
     * @param stations the stations the journal knows (read-side table {@code rs_station}): commissioned ones are not
     *                 commissioned again, their setpoints steer the simulated line
     * @param serials the highest serial in use per id prefix (read-side table {@code rs_serial})
     * @param packs the packs in service (read-side table {@code fleet_pack})
     * @param readingInterval how often the simulated stations sample their readings (virtual time)
     */
    static List<TwinFeed> create(TwinSettings settings, Instant now, AssetDirectory directory, List<org.ssbtwin.plant.station.Station> stations,
                                 Map<String, Long> serials,
                                 List<org.ssbtwin.fleet.pack.PackSummary> packs, java.time.Duration readingInterval) {
        PlantLayout layout = layout(settings);
        var inService = packs.stream()
                .filter(p -> p.status() == PackStatus.IN_SERVICE)
                .map(p -> new SimulatedLifecycleFeed.VehicleInService(p.id(), p.vehicleModel()))
                .toList();
        Set<org.ssbtwin.core.id.StationId> commissioned = stations.stream()
                .filter(s -> s.commissioned()).map(s -> s.id()).collect(Collectors.toSet());
        SimulatedLifecycleFeed feed = new SimulatedLifecycleFeed(layout, FleetSpecLoader.loadResource(FLEET).mix(),
                settings.simulation().seed(), now, new IdShift(serials), commissioned, inService, serials,
                settings.simulation().maxVehicles(), readingInterval);
        // setpoints recorded before the restart, then every new one, steer the simulated line
        stations.forEach(s -> s.setpoints().forEach((name, value) -> {
            if (layout.stations().stream().anyMatch(spec -> spec.id().equals(s.id()))) {
                feed.changeSetpoint(new SimulatedLifecycleFeed.SetpointChange(s.id(), name, value, now));
            }
        }));
        directory.onSetpointChanged(c -> feed.changeSetpoint(new SimulatedLifecycleFeed.SetpointChange(
                c.station(), c.change().name(), c.change().value(), c.change().at())));
        return List.of(feed);
    }
}
