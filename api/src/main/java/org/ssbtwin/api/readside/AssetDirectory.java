package org.ssbtwin.api.readside;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.query.Sequence;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ssbtwin.plant.cell.CellEvent;
import org.ssbtwin.plant.cell.CellSummary;
import org.ssbtwin.core.id.CellId;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.core.id.StationId;
import org.ssbtwin.core.id.VehicleId;
import org.ssbtwin.fleet.pack.PackEvent;
import org.ssbtwin.fleet.pack.PackSummary;
import org.ssbtwin.plant.station.Station;
import org.ssbtwin.plant.station.StationEvent;
import org.ssbtwin.fleet.entity.PackEntity;
import org.ssbtwin.plant.entity.CellEntity;
import org.ssbtwin.plant.entity.StationEntity;

/**
 * The read side behind lists and filters: station, cell and pack summaries folded from the event journal
 * (events by tag), never by asking every entity. On start it replays the journal to the end ("caught up"),
 * then follows new events live. Single-entity queries still go to the entity itself.
 *
 * <p>The cell summaries are most of it: ~200 bytes per cell, ~22 KB per pack with its 112 cells (docs/benchmarks.md, "What else a
 * node holds"). A node that serves no API, runs no simulation and no MQTT connector never reads them, so it can be
 * built {@linkplain #withoutCells() without them}: it does not follow the cell tag at all.
 */
public final class AssetDirectory implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AssetDirectory.class);

    private final ConcurrentSkipListMap<StationId, Station> stations = new ConcurrentSkipListMap<>();
    private final ConcurrentSkipListMap<CellId, CellSummary> cells = new ConcurrentSkipListMap<>();
    private final ConcurrentSkipListMap<PackId, PackSummary> packs = new ConcurrentSkipListMap<>();
    private final ConcurrentHashMap<VehicleId, PackId> packByVehicle = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> latestEventAt = new AtomicReference<>();
    private final AtomicLong eventsSeen = new AtomicLong();
    private final List<UniqueKillSwitch> live = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ConcurrentHashMap<StationId, org.ssbtwin.plant.station.StationTimeAccount> stationTime = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Long> maxSerialByPrefix = new ConcurrentHashMap<>();
    private final List<java.util.function.Consumer<StationSetpoint>> setpointListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean caughtUp;
    private final boolean holdsCells;

    /** A directory of stations, cells and packs. */
    public AssetDirectory() {
        this(true);
    }

    private AssetDirectory(boolean holdsCells) {
        this.holdsCells = holdsCells;
    }

    /** A directory of stations and packs only, for a node that never asks about cells (see the class comment). */
    public static AssetDirectory withoutCells() {
        return new AssetDirectory(false);
    }

    /** Whether this directory follows the cells ({@link #cellMap()} and {@link #cells} answer). */
    public boolean holdsCells() {
        return holdsCells;
    }

    private final List<java.util.function.Consumer<AssetChange>> changeListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * One event of one asset seen in the journal after the replay, with the summary it resulted in ({@link Station},
     * {@link CellSummary} or {@link PackSummary}), its journal offset and sequence number.
     */
    public record AssetChange(String kind, String id, Object event, Object summary, long offset, long sequenceNr) {}

    /** A setpoint change seen in the journal. */
    public record StationSetpoint(StationId station, StationEvent.SetpointChanged change) {}

    /** Replays its tags to the end of the journal, then follows them live. Completes when caught up. */
    public CompletionStage<Done> start(ActorSystem<?> system) {
        JdbcReadJournal journal = PersistenceQuery.get(system).getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
        List<String> tags = holdsCells ? List.of(StationEntity.TAG, CellEntity.TAG, PackEntity.TAG) : List.of(StationEntity.TAG, PackEntity.TAG);
        CompletableFuture<?>[] replays = tags.stream()
                .map(tag -> journal.currentEventsByTag(tag, Offset.noOffset())
                        .runWith(Sink.fold(0L, (last, env) -> {
                            handle(env);
                            return ((Sequence) env.offset()).value();
                        }), system)
                        .thenApply(lastOffset -> {
                            UniqueKillSwitch ks = journal.eventsByTag(tag, Offset.sequence(lastOffset))
                                    .viaMat(KillSwitches.single(), Keep.right())
                                    .toMat(Sink.foreach(this::handle), Keep.left())
                                    .run(system);
                            live.add(ks);
                            return lastOffset;
                        }).toCompletableFuture())
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(replays).thenApply(v -> {
            caughtUp = true;
            log.info("asset directory caught up: {} stations, {}, {} packs ({} events)", stations.size(),
                    holdsCells ? cells.size() + " cells" : "no cells (not held on this node)", packs.size(), eventsSeen.get());
            return Done.getInstance();
        });
    }

    private void handle(EventEnvelope env) {
        Object e = env.event();
        String entityId = env.persistenceId().substring(env.persistenceId().indexOf('|') + 1);
        eventsSeen.incrementAndGet();
        if (e instanceof StationEvent se) {
            StationId sid = StationId.of(entityId);
            Station next = stations.compute(sid, (id, s) -> (s == null ? Station.unknown(id) : s).apply(se));
            changed("station", env, next);
            stationTime.compute(sid, (id, t) -> (t == null ? org.ssbtwin.plant.station.StationTimeAccount.start() : t).apply(se));
            advance(se.at());
            if (se instanceof StationEvent.SetpointChanged sc && caughtUp) {
                setpointListeners.forEach(l -> l.accept(new StationSetpoint(sid, sc)));
            }
        } else if (e instanceof CellEvent ce) {
            CellId cid = CellId.of(entityId);
            CellSummary next = cells.compute(cid, (id, s) -> (s == null ? CellSummary.of(id) : s).apply(ce));
            changed("cell", env, next);
            noteSerial(cid.value());
            if (ce instanceof CellEvent.InlaysLaminated l) {
                l.inlays().forEach(i -> {
                    noteSerial(i.inlayId().value());
                    i.rolls().forEach(r -> noteSerial(r.value()));
                });
            }
            advance(ce.at());
        } else if (e instanceof PackEvent pe) {
            PackSummary next = packs.compute(PackId.of(entityId), (id, s) -> (s == null ? PackSummary.of(id) : s).apply(pe));
            changed("pack", env, next);
            noteSerial(entityId);
            if (pe instanceof PackEvent.Installed i) {
                packByVehicle.put(i.vehicleId(), next.id());
                noteSerial(i.vehicleId().value());
            }
            advance(pe.at());
        }
    }

    private void changed(String kind, EventEnvelope env, Object summary) {
        if (!caughtUp || changeListeners.isEmpty()) return;
        String id = env.persistenceId().substring(env.persistenceId().indexOf('|') + 1);
        long offset = env.offset() instanceof Sequence seq ? seq.value() : -1;
        AssetChange change = new AssetChange(kind, id, env.event(), summary, offset, env.sequenceNr());
        changeListeners.forEach(l -> l.accept(change));
    }

    /** Called (on the read side's stream threads: must not block) for every asset event after the replay. */
    public void onAssetChanged(java.util.function.Consumer<AssetChange> listener) {
        changeListeners.add(listener);
    }

    private void advance(Instant at) {
        latestEventAt.accumulateAndGet(at, (a, b) -> a == null || b.isAfter(a) ? b : a);
    }

    private void noteSerial(String id) {
        int dash = id.lastIndexOf('-');
        long serial = Long.parseLong(id.substring(dash + 1));
        maxSerialByPrefix.merge(id.substring(0, dash), serial, Math::max);
    }

    /** The highest serial in use per id prefix ({@code C-DK1}, {@code I-DK1}, {@code R-CAT}, {@code VF8}...). */
    public Map<String, Long> maxSerialByPrefix() {
        return Map.copyOf(maxSerialByPrefix);
    }

    /** Called for every setpoint change recorded after the journal has been replayed. */
    public void onSetpointChanged(java.util.function.Consumer<StationSetpoint> listener) {
        setpointListeners.add(listener);
    }

    public boolean caughtUp() {
        return caughtUp;
    }

    public long eventsSeen() {
        return eventsSeen.get();
    }

    /** The latest virtual instant of any event seen: virtual time resumes from here after a restart. */
    public Optional<Instant> latestEventAt() {
        return Optional.ofNullable(latestEventAt.get());
    }

    public Optional<PackId> packOfVehicle(VehicleId vehicle) {
        return Optional.ofNullable(packByVehicle.get(vehicle));
    }

    public <T> Page<T> page(Map<?, T> source, Predicate<T> filter, int page, int size) {
        List<T> matching = source.values().stream().filter(filter).toList();
        int from = (int) Math.min((long) page * size, matching.size());
        int to = Math.min(from + size, matching.size());
        return new Page<>(matching.subList(from, to), page, size, matching.size());
    }

    public Page<Station> stations(Predicate<Station> filter, int page, int size) {
        return page(stations, filter, page, size);
    }

    public Page<CellSummary> cells(Predicate<CellSummary> filter, int page, int size) {
        return page(cellMap(), filter, page, size);
    }

    public Page<PackSummary> packs(Predicate<PackSummary> filter, int page, int size) {
        return page(packs, filter, page, size);
    }

    public Map<StationId, Station> stationMap() {
        return stations;
    }

    /** Time in state per station, for utilisation, availability and blocked/starved shares. */
    public Map<StationId, org.ssbtwin.plant.station.StationTimeAccount> stationTime() {
        return stationTime;
    }

    /** The cells' summaries; a directory {@linkplain #withoutCells() without cells} refuses (a wiring error). */
    public Map<CellId, CellSummary> cellMap() {
        if (!holdsCells) throw new IllegalStateException("this node's asset directory does not hold the cells (no api role, simulation or MQTT)");
        return cells;
    }

    public Map<PackId, PackSummary> packMap() {
        return packs;
    }

    @Override
    public void close() {
        live.forEach(UniqueKillSwitch::shutdown);
    }

    /** One page of a list, with the total number of matches. */
    public record Page<T>(List<T> items, int page, int size, long total) {}

}
