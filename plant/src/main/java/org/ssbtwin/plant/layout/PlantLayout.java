package org.ssbtwin.plant.layout;

import org.ssbtwin.plant.cell.CellDesign;

import java.util.List;
import org.ssbtwin.core.id.StationId;

/**
 * The whole line: one station per {@link StationKind}, listed in flow order, plus cell design, physics and ramp-up.
 *
 * @param site     site code used in asset ids (e.g. {@code DK1})
 * @param name     human-readable name
 * @param stations one station per kind, in {@link StationKind} order
 */
public record PlantLayout(String site, String name, List<StationSpec> stations, CellDesign cellDesign,
                          PhysicsParameters physics, RampUp rampUp) {

    public PlantLayout {
        if (site == null || !site.matches("[A-Z0-9]{2,8}")) throw new IllegalArgumentException("site must match [A-Z0-9]{2,8}, was " + site);
        if (name == null) name = site;
        stations = List.copyOf(stations);
        StationKind[] kinds = StationKind.values();
        if (stations.size() != kinds.length) {
            throw new IllegalArgumentException("stations must list exactly one station per kind (" + kinds.length + "), was " + stations.size());
        }
        for (int i = 0; i < kinds.length; i++) {
            if (stations.get(i).kind() != kinds[i]) {
                throw new IllegalArgumentException("stations[" + i + "].kind must be " + kinds[i] + " (flow order), was " + stations.get(i).kind());
            }
        }
        if (stations.stream().map(StationSpec::id).distinct().count() != stations.size()) {
            throw new IllegalArgumentException("station ids must be unique");
        }
        if (cellDesign == null || physics == null || rampUp == null) throw new IllegalArgumentException("cellDesign, physics, rampUp are required");
    }

    public StationSpec station(StationKind kind) { return stations.get(kind.ordinal()); }

    public StationSpec station(StationId id) {
        for (StationSpec s : stations) if (s.id().equals(id)) return s;
        throw new IllegalArgumentException("unknown station " + id);
    }

    public PlantLayout withStation(StationSpec replacement) {
        var list = new java.util.ArrayList<>(stations);
        list.set(replacement.kind().ordinal(), replacement);
        return new PlantLayout(site, name, list, cellDesign, physics, rampUp);
    }

    public PlantLayout withRampUp(RampUp r) {
        return new PlantLayout(site, name, stations, cellDesign, physics, r);
    }
}
