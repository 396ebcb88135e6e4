package org.ssbtwin.api.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.Cancellable;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.OverflowStrategy;
import org.apache.pekko.stream.QueueOfferResult;
import org.apache.pekko.stream.javadsl.BroadcastHub;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ssbtwin.api.readside.AssetDirectory;
import org.ssbtwin.api.search.SearchRoutes.Asset;
import org.ssbtwin.plant.cell.CellSummary;
import org.ssbtwin.fleet.pack.PackSummary;
import org.ssbtwin.core.query.AttributeView;
import org.ssbtwin.plant.station.Station;

/**
 * The live stream of asset changes behind {@code /api/v1/events}: every event the read side folds after its replay
 * (kind, id, event type, the resulting summary, journal offset) is numbered in arrival order and fanned out to all
 * subscribers through one {@link BroadcastHub}. Each subscriber has its own dropping buffer, so a slow client loses
 * its oldest changes instead of slowing the others down.
 *
 * <p>Resuming: the newest {@link #RING} changes are kept in a ring. A subscriber with a {@code Last-Event-ID} of this
 * node's feed gets the missed changes from the ring, gap-free: the ring is read when the first hub element reaches the
 * subscriber (elements are numbered and put into ring and hub under one lock, and the feed publishes a tick every
 * {@code tick}, so every change before that element is in the ring and every later one arrives through the hub).
 */
public final class AssetChangeFeed implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AssetChangeFeed.class);
    public static final int RING = 10_000;
    static final int SUBSCRIBER_BUFFER = 1_000;

    /** What flows through the hub: changes and ticks, both numbered. */
    sealed interface Item permits Change, Tick {
        long seq();
    }

    /** One change of one asset. */
    public record Change(@JsonIgnore long seq, String kind, String id, String eventType, Instant at, long offset,
                         long sequenceNr, Object summary, @JsonIgnore AttributeView view) implements Item {}

    record Tick(long seq) implements Item {}

    /** What a subscriber receives: a change, a notice that it is attached (and how many changes it got replayed), or a gap. */
    public sealed interface Delivery permits Delivered, Subscribed, Gap {}

    public record Delivered(String eventId, Change change) implements Delivery {}

    public record Subscribed(int replayed) implements Delivery {}

    public record Gap(String reason) implements Delivery {}

    private final String epoch = Long.toString(System.currentTimeMillis(), 36);
    private final ArrayDeque<Change> ring = new ArrayDeque<>();
    private final BoundedSourceQueue<Item> queue;
    private final Source<Item, NotUsed> hub;
    private volatile Cancellable ticks;
    private final AtomicLong dropped = new AtomicLong();
    private long seq;

    public AssetChangeFeed(ActorSystem<?> system, AssetDirectory directory, Duration tick) {
        Pair<BoundedSourceQueue<Item>, Source<Item, NotUsed>> p = Source.<Item>queue(4096)
                .toMat(BroadcastHub.of(Item.class, 256), Keep.both())
                .run(system);
        this.queue = p.first();
        this.hub = p.second();
        hub.runWith(Sink.ignore(), system); // drains the hub while nobody listens
        directory.onAssetChanged(this::publish);
        this.ticks = system.scheduler().scheduleAtFixedRate(tick, tick, this::tick, system.executionContext());
    }

    private synchronized void publish(AssetDirectory.AssetChange c) {
        Asset a = c.summary() instanceof Station s ? Asset.of(s)
                : c.summary() instanceof CellSummary cs ? Asset.of(cs) : Asset.of((PackSummary) c.summary());
        Instant at = org.ssbtwin.api.history.HistoryRoutes.at(c.event());
        Change change = new Change(++seq, c.kind(), c.id(), org.ssbtwin.api.history.HistoryRoutes.typeName(c.event()), at, c.offset(), c.sequenceNr(), a.summary(), a.view());
        ring.addLast(change);
        if (ring.size() > RING) ring.removeFirst();
        offer(change);
    }

    private synchronized void tick() {
        offer(new Tick(++seq));
    }

    private void offer(Item item) {
        QueueOfferResult r = queue.offer(item);
        if (r == QueueOfferResult.dropped()) {
            if (dropped.incrementAndGet() % 1000 == 1) log.warn("change feed is overloaded: {} changes dropped so far", dropped.get());
        } else if (r != QueueOfferResult.enqueued()) {
            if (ticks != null) ticks.cancel(); // the system is shutting down
        }
    }

    /** The SSE id of a change: this feed's epoch and the change's number. */
    String eventId(long n) {
        return epoch + "-" + n;
    }

    private synchronized List<Change> ringBetween(long afterExclusive, long beforeExclusive) {
        List<Change> out = new ArrayList<>();
        for (Change c : ring) if (c.seq() > afterExclusive && c.seq() < beforeExclusive) out.add(c);
        return out;
    }

    private synchronized long oldestInRing() {
        return ring.isEmpty() ? seq + 1 : ring.peekFirst().seq();
    }

    /**
     * A subscription: first {@link Subscribed} (once attached; after any replayed changes), then every matching
     * change. With {@code lastEventId} of this feed, the changes after it still in the ring are replayed first; an id
     * from another node or run, or one too old, yields a {@link Gap} first.
     */
    public Source<Delivery, NotUsed> subscribe(Predicate<Change> filter, Optional<String> lastEventId) {
        return hub.buffer(SUBSCRIBER_BUFFER, OverflowStrategy.dropHead()).statefulMapConcat(() -> {
            boolean[] attached = {false};
            return item -> {
                List<Delivery> out = new ArrayList<>();
                if (!attached[0]) {
                    attached[0] = true;
                    int replayed = 0;
                    if (lastEventId.isPresent()) {
                        long after = resumePoint(lastEventId.get());
                        if (after < 0) {
                            out.add(new Gap("Last-Event-ID " + lastEventId.get() + " is not from this node's current feed; changes may have been missed"));
                        } else {
                            if (after + 1 < oldestInRing()) out.add(new Gap("changes after " + lastEventId.get() + " are no longer kept; some were missed"));
                            for (Change c : ringBetween(after, item.seq())) {
                                if (filter.test(c)) {
                                    out.add(new Delivered(eventId(c.seq()), c));
                                    replayed++;
                                }
                            }
                        }
                    }
                    out.add(new Subscribed(replayed));
                }
                if (item instanceof Change c && filter.test(c)) out.add(new Delivered(eventId(c.seq()), c));
                return out;
            };
        });
    }

    /** The change number after which to resume, or -1 when the id is not one of this feed's. */
    private long resumePoint(String id) {
        int dash = id.lastIndexOf('-');
        if (dash <= 0 || !id.substring(0, dash).equals(epoch)) return -1;
        try {
            return Long.parseLong(id.substring(dash + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        ticks.cancel();
        queue.complete();
    }
}
