package org.ssbtwin.plant.cell;

import java.util.List;
import org.ssbtwin.core.id.CellId;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.core.id.VehicleId;
import org.ssbtwin.core.quality.ManufacturingFactors;

/**
 * Where and when a cell was laminated (its inlays, rolls, temperatures, dew points), stacked, formed, tested,
 * packed and installed, in order, with the manufacturing factors that its field ageing uses.
 */
public record CellGenealogy(
        CellId cellId,
        CellStatus status,
        List<InlayRecord> inlays,
        List<GenealogyStep> steps,
        ManufacturingFactors manufacturingFactors,
        PackId packId,
        VehicleId vehicleId) {
    public CellGenealogy {
        inlays = List.copyOf(inlays);
        steps = List.copyOf(steps);
    }
}
