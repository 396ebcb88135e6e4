package org.ssbtwin.api.readside;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.query.Sequence;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
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
import org.ssbtwin.plant.station.StationRow;

/**
 * What a node keeps of the read side in memory: a bounded cache of the station, cell and pack summaries the live
 * change feed last reported, never anything that grows with the journal. Stations, cells and packs themselves are in
 * the read-side tables ({@link AssetQueries}: lists, counts, lookups, time in state), written by the projections;
 * nothing here folds them from the journal at start, so the time to ready does not grow with the history.
 *
 * <p>On start it reads the tail of the station, cell and pack tags (the latest virtual instant, from which virtual
 * time resumes) and then follows the tags live from their end: every event feeds {@link #onAssetChanged} listeners
 * (the change feed) with its summary, taken from the cache or, for an asset not seen since start, from its table row
 * folded with the event; setpoint changes also feed {@link #onSetpointChanged} listeners. With the read side disabled
 * (no {@link #queries()}) it follows nothing.
 */
public final class AssetDirectory implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AssetDirectory.class);
    /** Summaries of stations, cells and packs kept for the change feed (assumed: a few MB of heap, ~200 B each). */
    static final int SUMMARY_CACHE = 20_000;
    /** Events read at the end of the station, cell and pack tags for the latest virtual instant (assumed: far more than in flight). */
    static final int TAIL_EVENTS = 2_000;

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

    /** Reads the tail of the station, cell and pack tags, then follows them live from their end. Completes when caught up. */
    public CompletionStage<Done> start(ActorSystem<?> system) {
        JdbcReadJournal journal = PersistenceQuery.get(system).getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
        List<CompletableFuture<?>> all = new ArrayList<>();
        List<String> tags = holdsCells ? List.of(StationEntity.TAG, CellEntity.TAG, PackEntity.TAG) : List.of(StationEntity.TAG, PackEntity.TAG);
        for (String tag : tags) all.add(followFromTail(system, journal, tag));
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenApply(v -> {
            caughtUp = true;
            log.info("asset directory ready: following the {} tags from their end; stations, cells and packs are read from the read-side tables",
                    tags);
            return Done.getInstance();
        });
    }

    /**
     * Reads the last {@link #TAIL_EVENTS} events of a tag (their latest instant) straight from the tables, then follows
     * the tag live from its end. Not through the read journal's current query: every events-by-tag query of
     * pekko-persistence-jdbc delivers only up to the ordering its sequence actor has checked for gaps, a scan from 0 at
     * every start (seconds per million events, or its 10 s assumption), and the node's readiness would wait for it
     * (docs/read-side.md "Start"). The live stream does wait for that scan; readiness does not.
     */
    private CompletableFuture<?> followFromTail(ActorSystem<?> system, JdbcReadJournal journal, String tag) {
        AssetQueries q = queries;
        if (q == null) return CompletableFuture.completedFuture(null); // no tables: nothing to seed the change feed from
        Serialization serialization = SerializationExtension.get(Adapter.toClassic(system));
        return q.lastTagOrdering(tag).thenCompose(end -> q.taggedEvents(tag, Math.max(0, end - TAIL_EVENTS), end)
                .thenApply(rows -> {
                    for (AssetQueries.StoredEvent row : rows) {
                        advance(at(serialization.deserialize(row.payload(), row.serializerId(), row.manifest()).get()));
                    }
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

    /** A group of live station, cell or pack events: setpoint listeners, their summaries (cache, else table rows), then the change listeners. */
    private CompletionStage<Done> changed(List<EventEnvelope> group) {
        for (EventEnvelope env : group) {
            advance(at(env.event()));
            if (!(env.event() instanceof StationEvent se)) continue;
            eventsSeen.incrementAndGet();
            if (se instanceof StationEvent.SetpointChanged sc) {
                StationSetpoint change = new StationSetpoint(StationId.of(SliceTagSource.entityId(env.persistenceId())), sc);
                setpointListeners.forEach(l -> l.accept(change));
            }
        }
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
                String kind = env.event() instanceof StationEvent ? "station" : env.event() instanceof CellEvent ? "cell" : "pack";
                notify(new AssetChange(kind, id, env.event(), next, offset(env), env.sequenceNr()));
            }
            return Done.getInstance();
        });
    }

    private static Object apply(String id, Object base, Object event) {
        if (event instanceof StationEvent se) {
            // as the station list answers it (StationRow): without the recent record ids
            return StationRow.withoutRecordIds((base instanceof Station s ? s : Station.unknown(StationId.of(id))).apply(se));
        }
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

    /** Called (on the read side's stream threads: must not block) for every setpoint change recorded after start. */
    public void onSetpointChanged(java.util.function.Consumer<StationSetpoint> listener) {
        setpointListeners.add(listener);
    }

    public boolean caughtUp() {
        return caughtUp;
    }

    /** Station events seen since start (none are replayed at start any more: stations are in the read-side tables). */
    public long eventsSeen() {
        return eventsSeen.get();
    }

    /** The latest virtual instant of any event seen (the tail of the station, cell and pack tags, live events): virtual time resumes from here. */
    public Optional<Instant> latestEventAt() {
        return Optional.ofNullable(latestEventAt.get());
    }

    /**
     * No stations are held in memory any more (they are in {@code rs_station}, see {@link AssetQueries#stations}):
     * always empty. Kept for {@code SearchRoutes}' fallback without read-side tables.
     */
    @Deprecated
    public Map<StationId, Station> stationMap() {
        return Map.of();
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
