package org.ssbtwin.feed.simulation;

import java.time.Instant;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.plant.cell.CellEvent;

/**
 * Where the plant's cells go: Dunkirk makes and ships cells, the VinFast-ProLogium joint venture assembles CIM/CIP
 * packs (MAB) in Vietnam (DOMAIN 1.3, InsideEVs 2021-03; docs/cells-and-packs.md). One lot holds the cells of one
 * pack. Transit time is not modelled (assumed 0: the lot's departure and the pack's assembly share an instant).
 *
 * @param origin where the lots leave from
 * @param destination where the lots are assembled into packs
 */
public record ShippingRoute(String origin, String destination) {
    /** The seed's split (DOMAIN 1.3 / 7.1). */
    public static final ShippingRoute DUNKIRK_TO_VINFAST_JV = new ShippingRoute("ProLogium Dunkirk (DK1), France",
            "VinFast-ProLogium joint venture pack assembly (MAB), Vietnam");

    /** The lot that carries the cells of {@code pack}: {@code L-} and the pack's serial (one lot per pack). */
    public static String lotOf(PackId pack) {
        String v = pack.value();
        return "L-" + (v.startsWith("P-") ? v.substring(2) : v);
    }

    /** The shipment event of one cell of the lot. */
    public CellEvent.Shipped shipped(PackId pack, int cellsInLot, Instant at) {
        return new CellEvent.Shipped(lotOf(pack), cellsInLot, origin, destination, at);
    }
}
