package org.ssbtwin.plant.sim;

import java.util.List;
import org.ssbtwin.core.id.CellId;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.plant.layout.PhysicsParameters;
import org.ssbtwin.plant.layout.StationKind;

/**
 * CIM/CIP pack assembly: a job takes {@code cellsPerPack} graded cells (their serials are kept per slot, the cells
 * leave the store) and makes one pack, or scraps it at the base rate.
 */
final class PackAssemblyStep extends ProcessStep {
    private final int cellsPerPack;
    /** Serials of the cells on each slot: {@code packCells[srv * cellsPerPack + k]}. */
    private final long[] packCells;
    private final KpiAccounting kpis;

    PackAssemblyStep(StationRuntime station, StationRuntime upstream, EventCalendar calendar, LineItems items,
                     PhysicsParameters phys, boolean genealogy, int cellsPerPack, KpiAccounting kpis) {
        super(station, upstream, calendar, items, phys, genealogy, cellsPerPack);
        this.cellsPerPack = cellsPerPack;
        this.packCells = new long[station.servers * cellsPerPack];
        this.kpis = kpis;
    }

    @Override
    int takeInputs(int srv) {
        CellStore cells = items.cells;
        long[] pc = packCells;
        int base = srv * cellsPerPack;
        for (int k = 0; k < cellsPerPack; k++) {
            int c = station.in.poll();
            pc[base + k] = cells.serial(c);
            cells.release(c);
        }
        upstream.releaseBlockedInto(station.in, station.inCap);
        return srv;
    }

    @Override
    int complete(int srv, int u, int item, boolean baseScrap) {
        StationRuntime s = station;
        if (baseScrap) return items.scrap(s, u, s.baseCause, StationKind.ItemKind.PACK, ++items.packSerial);
        PackId pack = items.packId(++items.packSerial);
        List<CellId> ids;
        if (genealogy) {
            CellId[] arr = new CellId[cellsPerPack];
            int b = srv * cellsPerPack;
            for (int k = 0; k < cellsPerPack; k++) arr[k] = items.cellId(packCells[b + k]);
            ids = List.of(arr);
        } else {
            ids = List.of();
        }
        kpis.packAssembled();
        calendar.emit(new PlantEvent.PackAssembled(calendar.at(), pack, cellsPerPack, ids));
        return PASSED;
    }
}
