package org.ssbtwin.api.readside;

import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.eventsourced.javadsl.EventSourcedProvider;
import org.apache.pekko.projection.javadsl.SourceProvider;
import org.apache.pekko.stream.javadsl.Source;
import org.ssbtwin.core.TagSlice;

/**
 * The events of one slice of one asset kind: the journal's events by the slice tag ({@code pack-3}) only, so a
 * projection instance reads (and decodes) its own slice's events and no other's. Events tagged under another slice
 * count (before a change of {@code projection-instances}) may carry the same tag name for another slice: they are
 * dropped here, their own slice reads them by the tag {@link SliceTagBackfill} added.
 */
final class SliceTagSource<E> extends SourceProvider<Offset, EventEnvelope<E>> {
    private final SourceProvider<Offset, EventEnvelope<E>> tagged;
    private final int slice;
    private final int slices;

    SliceTagSource(ActorSystem<?> system, String prefix, int slice, int slices) {
        this.tagged = EventSourcedProvider.eventsByTag(system, JdbcReadJournal.Identifier(), TagSlice.tag(prefix, slice));
        this.slice = slice;
        this.slices = slices;
    }

    @Override
    public CompletionStage<Source<EventEnvelope<E>, NotUsed>> source(Supplier<CompletionStage<Optional<Offset>>> offset) {
        return tagged.source(offset).thenApply(s -> s.filter(env -> TagSlice.of(entityId(env.persistenceId()), slices) == slice));
    }

    @Override
    public Offset extractOffset(EventEnvelope<E> env) {
        return tagged.extractOffset(env);
    }

    @Override
    public long extractCreationTime(EventEnvelope<E> env) {
        return tagged.extractCreationTime(env);
    }

    /** The entity id of a persistence id ({@code Pack|P-...} -> {@code P-...}). */
    static String entityId(String persistenceId) {
        return persistenceId.substring(persistenceId.indexOf('|') + 1);
    }
}
