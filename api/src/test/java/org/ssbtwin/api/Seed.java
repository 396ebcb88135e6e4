package org.ssbtwin.api;

import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.ssbtwin.plant.cell.CellEvent;
import org.ssbtwin.plant.cell.InlayRecord;
import org.ssbtwin.core.id.CellId;
import org.ssbtwin.core.id.InlayId;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.core.id.RollId;
import org.ssbtwin.core.id.StationId;
import org.ssbtwin.core.id.VehicleId;
import org.ssbtwin.fleet.pack.PackEvent;
import org.ssbtwin.core.quality.ManufacturingFactors;
import org.ssbtwin.plant.station.StationEvent;
import org.ssbtwin.fleet.entity.PackEntity;
import org.ssbtwin.plant.entity.CellEntity;
import org.ssbtwin.plant.entity.StationEntity;

/** Records facts straight into the entities of a test twin (through sharding), failing on any rejection. */
public final class Seed {
    public static final Duration T = Duration.ofSeconds(10);
    private final ClusterSharding sharding;

    public Seed(TwinServer twin) {
        this.sharding = ClusterSharding.get(twin.system());
    }

    public void station(String id, StationEvent e) {
        try {
            assertNull(sharding.entityRefFor(StationEntity.TYPE_KEY, StationId.of(id).value())
                    .<StationEntity.Reply>ask(r -> new StationEntity.Record(e, r), T).toCompletableFuture().get().rejection());
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    public void commission(String id, String kind, Instant at) {
        station(id, new StationEvent.Commissioned(StationId.of(id), kind, 2, Map.of(), at));
    }

    public void cell(String id, String station, Instant at) {
        CellId cell = CellId.of(id);
        var inlay = new InlayRecord(InlayId.of("I" + id.substring(1)), List.of(RollId.of("R-CAT-000001")), StationId.of(station), at, 120, -45, 10.6, 2.2);
        try {
            assertNull(sharding.entityRefFor(CellEntity.TYPE_KEY, cell.value()).<CellEntity.Reply>ask(r -> new CellEntity.Record(
                    new CellEvent.InlaysLaminated(cell, List.of(inlay), at), r), T).toCompletableFuture().get().rejection());
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    public void pack(String id, String model, String vehicle, String climate, Instant at) {
        PackId pack = PackId.of(id);
        List<CellId> cells = new ArrayList<>();
        for (int i = 0; i < 4; i++) cells.add(CellId.of(String.format("C-DK1-%08d", 90_000_000 + i)));
        packEvent(id, new PackEvent.Assembled(pack, model, cells, Collections.nCopies(4, ManufacturingFactors.NOMINAL), 87.7, at));
        packEvent(id, new PackEvent.Installed(VehicleId.of(vehicle), climate, "COMMUTER", at));
    }

    public void usage(String id, String recordId, Instant end, double soh) {
        packEvent(id, new PackEvent.UsageRecorded(recordId, "test", end.minus(Duration.ofDays(1)), end, 50, 12, 0.15, 25, 0,
                soh, 1.0 + (1 - soh), null, null, end));
    }

    public void packEvent(String id, PackEvent e) {
        try {
            assertNull(sharding.entityRefFor(PackEntity.TYPE_KEY, PackId.of(id).value())
                    .<PackEntity.Reply>ask(r -> new PackEntity.Record(e, r), T).toCompletableFuture().get().rejection());
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }
}
