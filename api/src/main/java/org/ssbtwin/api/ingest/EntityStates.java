package org.ssbtwin.api.ingest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.ssbtwin.core.id.CellId;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.core.id.StationId;
import org.ssbtwin.feed.mes.MesBatchValidator;
import org.ssbtwin.fleet.entity.PackEntity;
import org.ssbtwin.fleet.pack.Pack;
import org.ssbtwin.plant.cell.Cell;
import org.ssbtwin.plant.entity.CellEntity;
import org.ssbtwin.plant.entity.StationEntity;
import org.ssbtwin.plant.station.Station;

/**
 * Reads the current state of the stations, cells and packs an MES batch names from their entities (not the read
 * side, which may lag behind a write the client just made), so the batch is validated against what is recorded.
 */
final class EntityStates implements MesBatchValidator.AssetStates {
    private static final int PARALLELISM = 32;

    private final Map<StationId, Station> stations = new ConcurrentHashMap<>();
    private final Map<CellId, Cell> cells = new ConcurrentHashMap<>();
    private final Map<PackId, Pack> packs = new ConcurrentHashMap<>();

    private final java.util.function.Function<org.ssbtwin.core.id.VehicleId, Optional<PackId>> packOfVehicle;

    private EntityStates(java.util.function.Function<org.ssbtwin.core.id.VehicleId, Optional<PackId>> packOfVehicle) {
        this.packOfVehicle = packOfVehicle;
    }

    static CompletionStage<EntityStates> read(ActorSystem<?> system, ClusterSharding sharding, Duration timeout, MesBatchValidator.Named named,
                                              java.util.function.Function<org.ssbtwin.core.id.VehicleId, Optional<PackId>> packOfVehicle) {
        EntityStates s = new EntityStates(packOfVehicle);
        List<Object> ids = new java.util.ArrayList<>();
        ids.addAll(named.stations());
        ids.addAll(named.cells());
        ids.addAll(named.packs());
        return Source.from(ids).mapAsyncUnordered(PARALLELISM, id -> {
            if (id instanceof StationId st) {
                return sharding.entityRefFor(StationEntity.TYPE_KEY, st.value())
                        .<StationEntity.Reply>ask(StationEntity.Get::new, timeout).thenApply(r -> s.stations.put(st, r.station()));
            } else if (id instanceof CellId c) {
                return sharding.entityRefFor(CellEntity.TYPE_KEY, c.value())
                        .<CellEntity.Reply>ask(CellEntity.Get::new, timeout).thenApply(r -> s.cells.put(c, r.cell()));
            }
            PackId p = (PackId) id;
            return sharding.entityRefFor(PackEntity.TYPE_KEY, p.value())
                    .<PackEntity.Reply>ask(PackEntity.Get::new, timeout).thenApply(r -> s.packs.put(p, r.pack()));
        }).runWith(Sink.ignore(), system).thenApply(done -> s);
    }

    @Override
    public Optional<Station> station(StationId id) {
        return Optional.ofNullable(stations.get(id)).filter(Station::commissioned);
    }

    @Override
    public Cell cell(CellId id) {
        return cells.getOrDefault(id, Cell.unknown(id));
    }

    @Override
    public Pack pack(PackId id) {
        return packs.getOrDefault(id, Pack.unknown(id));
    }

    @Override
    public Optional<PackId> packOfVehicle(org.ssbtwin.core.id.VehicleId vehicle) {
        return packOfVehicle.apply(vehicle);
    }
}
