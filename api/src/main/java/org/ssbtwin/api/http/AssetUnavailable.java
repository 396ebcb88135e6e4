package org.ssbtwin.api.http;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;

/**
 * The answer when a sharded asset gives none: its ask timed out or failed, which happens while the cluster moves the
 * asset's shard (a node crashed and is being downed, a rebalance or hand-off). That is transient, never the
 * client's fault and never an internal error: 503 with {@code Retry-After}, the same for reads and writes (an
 * unanswered write may or may not have been recorded; records carry ids, so a retry is idempotent).
 */
public final class AssetUnavailable {
    /** Seconds a client should wait before retrying: about a third of a crashed node's failover (docs/operations.md). */
    public static final int RETRY_AFTER_SECONDS = 5;

    private AssetUnavailable() {}

    /** True when the failure is an unanswered or failed entity ask (possibly wrapped by a future): a timeout, or a
     *  failure of Pekko's cluster, ask pattern or persistence (never an HTTP parsing or size error). */
    public static boolean isUnanswered(Throwable t) {
        Throwable c = unwrap(t);
        String name = c.getClass().getName();
        return c instanceof TimeoutException || name.startsWith("org.apache.pekko.cluster.") || name.startsWith("org.apache.pekko.pattern.")
                || name.startsWith("org.apache.pekko.persistence.");
    }

    public static HttpResponse problem(Throwable failure, Duration askTimeout, String instance) {
        Throwable c = unwrap(failure);
        HttpResponse r = c instanceof TimeoutException
                ? Json.problem(StatusCodes.SERVICE_UNAVAILABLE, "entity-timeout", "The asset did not answer in time",
                        "no answer within " + askTimeout.toMillis() + " ms; the cluster may be moving the asset (failover or rebalance), retry",
                        instance, null)
                : Json.problem(StatusCodes.SERVICE_UNAVAILABLE, "asset-unavailable", "The asset is unavailable",
                        "the asset could not be reached (" + c.getClass().getSimpleName() + "); the cluster may be moving it, retry",
                        instance, null);
        return r.addHeader(RawHeader.create("Retry-After", Integer.toString(RETRY_AFTER_SECONDS)));
    }

    private static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) c = c.getCause();
        return c;
    }
}
