package org.ssbtwin.api.http;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.scaladsl.model.EntityStreamSizeException;

/**
 * Failures that reach the route's exception handler but are not the twin's fault, answered as what they are rather
 * than 500 (and the answer to a request that hit the server's request timeout): an entity that did not answer in time (503 {@code entity-timeout}, as the routes that ask one entity
 * answer, retryable) and a body over the configured size (413). They are found anywhere in the cause chain, since
 * futures wrap them ({@code CompletionException}).
 */
public final class ServerFailures {
    private ServerFailures() {
    }

    /**
     * The answer when no answer was produced within {@code pekko.http.server.request-timeout} (Pekko's own is plain
     * text): 503 {@code request-timeout}, retryable.
     */
    public static HttpResponse requestTimeout(org.apache.pekko.http.javadsl.model.HttpRequest request) {
        return Json.problem(StatusCodes.SERVICE_UNAVAILABLE, "request-timeout", "The request took too long",
                "no answer within the server's request timeout; retry", null, null);
    }

    /** The problem for a known failure, or null. */
    public static HttpResponse answer(Throwable failure, Duration askTimeout) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TimeoutException) {
                return Json.problem(StatusCodes.SERVICE_UNAVAILABLE, "entity-timeout", "The asset did not answer in time",
                        "no answer within " + askTimeout.toMillis() + " ms; the cluster may be rebalancing, retry", null, null);
            }
            if (t instanceof EntityStreamSizeException size) {
                return Json.problem(StatusCodes.PAYLOAD_TOO_LARGE, "payload-too-large", "The request body is too large",
                        "the body is larger than the limit of " + size.limit() + " bytes", null, null);
            }
        }
        return null;
    }
}
