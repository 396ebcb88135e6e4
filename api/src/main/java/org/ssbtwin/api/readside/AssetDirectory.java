package org.ssbtwin.api.readside;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.ssbtwin.core.id.CellId;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.core.id.StationId;
import org.ssbtwin.fleet.entity.PackEntity;
import org.ssbtwin.fleet.pack.PackEvent;
import org.ssbtwin.fleet.pack.PackSummary;
import org.ssbtwin.plant.cell.CellEvent;
import org.ssbtwin.plant.cell.CellSummary;
import org.ssbtwin.plant.entity.CellEntity;
import org.ssbtwin.plant.entity.StationEntity;
import org.ssbtwin.plant.station.Station;
import org.ssbtwin.plant.station.StationEvent;

/**
 * What a node keeps of the read side in memory, all of it bounded by the plant, never by the number of cells or packs:
 * the stations (folded from the station tag: a plant has tens of them) with their time in state, and a bounded cache
 * of the cell and pack summaries the live change feed last reported. Cells and packs themselves are in the
 * read-side tables ({@link AssetQueries}: lists, counts, lookups), written by the projections; nothing here folds
 * them from the journal at start.
 *
 * <p>On start it replays the station tag, reads the tail of the cell and pack tags (the latest virtual instant, from
 * which virtual time resumes) and then follows the three tags live from there: station events keep the stations
 * current, cell and pack events feed {@link #onAssetChanged} listeners (the change feed) with their summary, taken
 * from the cache or, for an asset not seen since start, from its table row folded with the event.
 */
public final class AssetDirectory implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AssetDirectory.class);
    /** Summaries of cells and packs kept for the change feed (assumed: a few MB of heap, ~200 B each). */
    static final int SUMMARY_CACHE = 20_000;
    /** Events read at the end of the cell and pack tags for the latest virtual instant (assumed: far more than in flight). */
    static final int TAIL_EVENTS = 2_000;

    private final ConcurrentSkipListMap<StationId, Station> stations = new ConcurrentSkipListMap<>();
    private final ConcurrentHashMap<StationId, org.ssbtwin.plant.station.StationTimeAccount> stationTime = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> latestEventAt = new AtomicReference<>();
    private final AtomicLong eventsSeen = new AtomicLong();
    private final List<UniqueKillSwitch> live = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<java.util.function.Consumer<StationSetpoint>> setpointListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<java.util.function.Consumer<AssetChange>> changeListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, Object> summaries = java.util.Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
            return size() > SUMMARY_CACHE;
        }
    });
    private volatile boolean caughtUp;
    private final boolean holdsCells;
    private volatile AssetQueries queries;

    /** A directory that follows stations, cells and packs. */
    public AssetDirectory() {
        this(true);
    }

    private AssetDirectory(boolean holdsCells) {
        this.holdsCells = holdsCells;
    }

    /** A directory that does not follow the cell tag (a node that serves no API, change feed or simulation). */
    public static AssetDirectory withoutCells() {
        return new AssetDirectory(false);
    }

    /** Whether this directory follows the cell tag (the change feed reports cells). */
    public boolean holdsCells() {
        return holdsCells;
    }

    /** The read-side tables' queries (null when the read side is disabled on this node); set before {@link #start}. */
    public AssetDirectory withQueries(AssetQueries queries) {
        this.queries = queries;
        return this;
    }

    /** The read-side tables' queries, or null when the read side is disabled on this node. */
    public AssetQueries queries() {
        return queries;
    }

    /**
     * One event of one asset seen in the journal after start, with the summary it resulted in ({@link Station},
     * {@link CellSummary} or {@link PackSummary}), its journal offset and sequence number.
     */
    public record AssetChange(String kind, String id, Object event, Object summary, long offset, long sequenceNr) {}

    /** A setpoint change seen in the journal. */
    public record StationSetpoint(StationId station, StationEvent.SetpointChanged change) {}

    /** Replays the station tag and the tail of the others, then follows them live. Completes when caught up. */
    public CompletionStage<Done> start(ActorSystem<?> system) {
        JdbcReadJournal journal = PersistenceQuery.get(system).getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
        CompletableFuture<Long> stationReplay = journal.currentEventsByTag(StationEntity.TAG, Offset.noOffset())
                .runWith(Sink.fold(0L, (last, env) -> {
                    handleStation(env);
                    return ((Sequence) env.offset()).value();
                }), system)
                .thenApply(lastOffset -> {
                    live.add(journal.eventsByTag(StationEntity.TAG, Offset.sequence(lastOffset))
                            .viaMat(KillSwitches.single(), Keep.right())
                            .toMat(Sink.foreach(this::handleStation), Keep.left())
                            .run(system));
                    return lastOffset;
                }).toCompletableFuture();
        List<CompletableFuture<?>> all = new ArrayList<>(List.of(stationReplay));
        List<String> tags = holdsCells ? List.of(CellEntity.TAG, PackEntity.TAG) : List.of(PackEntity.TAG);
        for (String tag : tags) all.add(followFromTail(system, journal, tag));
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenApply(v -> {
            caughtUp = true;
            log.info("asset directory ready: {} stations ({} station events replayed); cells and packs are read from the read-side tables",
                    stations.size(), eventsSeen.get());
            return Done.getInstance();
        });
    }

    /** Reads the last {@link #TAIL_EVENTS} events of a tag (their latest instant), then follows the tag live from its end. */
    private CompletableFuture<?> followFromTail(ActorSystem<?> system, JdbcReadJournal journal, String tag) {
        AssetQueries q = queries;
        if (q == null) return CompletableFuture.completedFuture(null); // no tables: nothing to seed the change feed from
        return q.lastTagOrdering(tag).thenCompose(end -> journal.currentEventsByTag(tag, Offset.sequence(Math.max(0, end - TAIL_EVENTS)))
                .takeWhile(env -> ((Sequence) env.offset()).value() <= end)
                .runWith(Sink.foreach(env -> advance(at(env.event()))), system)
                .thenApply(done -> {
                    live.add(journal.eventsByTag(tag, Offset.sequence(end))
                            .groupedWithin(500, java.time.Duration.ofMillis(100))
                            .mapAsync(1, this::changed)
                            .viaMat(KillSwitches.single(), Keep.right())
                            .toMat(Sink.ignore(), Keep.left())
                            .run(system));
                    return end;
                })).toCompletableFuture();
    }

    private static Instant at(Object e) {
        return e instanceof CellEvent ce ? ce.at() : e instanceof PackEvent pe ? pe.at() : e instanceof StationEvent se ? se.at() : null;
    }

    private void handleStation(EventEnvelope env) {
        if (!(env.event() instanceof StationEvent se)) return;
        String entityId = SliceTagSource.entityId(env.persistenceId());
        eventsSeen.incrementAndGet();
        StationId sid = StationId.of(entityId);
        Station next = stations.compute(sid, (id, s) -> (s == null ? Station.unknown(id) : s).apply(se));
        stationTime.compute(sid, (id, t) -> (t == null ? org.ssbtwin.plant.station.StationTimeAccount.start() : t).apply(se));
        advance(se.at());
        if (caughtUp && !changeListeners.isEmpty()) notify(new AssetChange("station", entityId, se, next, offset(env), env.sequenceNr()));
        if (se instanceof StationEvent.SetpointChanged sc && caughtUp) {
            setpointListeners.forEach(l -> l.accept(new StationSetpoint(sid, sc)));
        }
    }

    /** A group of live cell or pack events: their summaries (cache, else table rows), then the listeners. */
    private CompletionStage<Done> changed(List<EventEnvelope> group) {
        group.forEach(env -> advance(at(env.event())));
        if (changeListeners.isEmpty()) return CompletableFuture.completedFuture(Done.getInstance());
        List<String> missing = new ArrayList<>();
        for (EventEnvelope env : group) {
            String id = SliceTagSource.entityId(env.persistenceId());
            if (!summaries.containsKey(id) && !missing.contains(id)) missing.add(id);
        }
        CompletionStage<Map<String, AssetQueries.Versioned>> seeds = missing.isEmpty()
                ? CompletableFuture.completedFuture(Map.of()) : queries.summaries(missing);
        return seeds.handle((rows, error) -> {
            if (error != null) log.warn("change feed: no table rows for {} asset(s): {}", missing.size(), error.toString());
            for (EventEnvelope env : group) {
                String id = SliceTagSource.entityId(env.persistenceId());
                Object before = summaries.get(id);
                Object next;
                AssetQueries.Versioned row = rows == null ? null : rows.get(id);
                if (before == null && row != null && row.lastSeqNr() >= env.sequenceNr()) {
                    next = row.summary(); // the table already holds this event
                } else {
                    Object base = before != null ? before : row != null ? row.summary() : null;
                    next = apply(id, base, env.event());
                }
                if (next == null) continue;
                summaries.put(id, next);
                String kind = env.event() instanceof CellEvent ? "cell" : "pack";
                notify(new AssetChange(kind, id, env.event(), next, offset(env), env.sequenceNr()));
            }
            return Done.getInstance();
        });
    }

    private static Object apply(String id, Object base, Object event) {
        if (event instanceof CellEvent ce) return (base instanceof CellSummary s ? s : CellSummary.of(CellId.of(id))).apply(ce);
        if (event instanceof PackEvent pe) return (base instanceof PackSummary s ? s : PackSummary.of(PackId.of(id))).apply(pe);
        return null;
    }

    private static long offset(EventEnvelope env) {
        return env.offset() instanceof Sequence seq ? seq.value() : -1;
    }

    private void notify(AssetChange change) {
        changeListeners.forEach(l -> l.accept(change));
    }

    /** Called (on the read side's stream threads: must not block) for every asset event after start. */
    public void onAssetChanged(java.util.function.Consumer<AssetChange> listener) {
        changeListeners.add(listener);
    }

    private void advance(Instant at) {
        if (at == null) return;
        latestEventAt.accumulateAndGet(at, (a, b) -> a == null || b.isAfter(a) ? b : a);
    }

    /** Called for every setpoint change recorded after the journal has been replayed. */
    public void onSetpointChanged(java.util.function.Consumer<StationSetpoint> listener) {
        setpointListeners.add(listener);
    }

    public boolean caughtUp() {
        return caughtUp;
    }

    /** Station events replayed at start and seen since. */
    public long eventsSeen() {
        return eventsSeen.get();
    }

    /** The latest virtual instant of any event seen (stations, the tail of cells and packs, live events): virtual time resumes from here. */
    public Optional<Instant> latestEventAt() {
        return Optional.ofNullable(latestEventAt.get());
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

    public Map<StationId, Station> stationMap() {
        return stations;
    }

    /** Time in state per station, for utilisation, availability and blocked/starved shares. */
    public Map<StationId, org.ssbtwin.plant.station.StationTimeAccount> stationTime() {
        return stationTime;
    }

    /**
     * No cells are held in memory any more (they are in {@code rs_cell}, see {@link AssetQueries}): always empty.
     * Kept for {@code SearchRoutes} until search reads the tables.
     */
    @Deprecated
    public Map<CellId, CellSummary> cellMap() {
        return Map.of();
    }

    /**
     * No packs are held in memory any more (they are in {@code fleet_pack}, see {@link AssetQueries}): always empty.
     * Kept for {@code SearchRoutes} until search reads the tables.
     */
    @Deprecated
    public Map<PackId, PackSummary> packMap() {
        return Map.of();
    }

    @Override
    public void close() {
        live.forEach(UniqueKillSwitch::shutdown);
    }

    /** One page of a list, with the total number of matches. */
    public record Page<T>(List<T> items, int page, int size, long total) {}
}
