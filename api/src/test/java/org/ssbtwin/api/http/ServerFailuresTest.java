package org.ssbtwin.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.pattern.AskTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Issue 19.6: a telemetry batch whose packs do not answer in time fails the route with the ask's timeout wrapped by the
 * futures that join the packs' replies; it is answered 503 {@code entity-timeout} (as documented), not 500.
 */
class ServerFailuresTest {
    @Test
    void aWrappedAskTimeoutIs503EntityTimeout() {
        // the shape IngestRoutes' askAll produces: allOf(...).thenApply(join) over an ask that timed out
        CompletableFuture<Object> ask = CompletableFuture.failedFuture(new AskTimeoutException("Ask timed out on [pack] after [5000 ms]"));
        CompletableFuture<List<Object>> all = CompletableFuture.allOf(ask).thenApply(v -> List.of(ask.join()));
        Throwable failure = all.handle((v, t) -> t).join();
        assertTrue(failure instanceof CompletionException, failure.toString());
        var answer = ServerFailures.answer(failure, Duration.ofSeconds(5));
        assertEquals(503, answer.status().intValue());
        String body = ((HttpEntity.Strict) answer.entity()).getData().utf8String();
        assertTrue(body.contains("\"type\":\"/problems/entity-timeout\""), body);
        assertTrue(answer.entity().getContentType().toString().startsWith("application/problem+json"));
    }

    @Test
    void otherFailuresAreLeftToTheGenericHandler() {
        assertNull(ServerFailures.answer(new IllegalStateException("boom"), Duration.ofSeconds(5)));
        assertNull(ServerFailures.answer(new CompletionException(new NullPointerException()), Duration.ofSeconds(5)));
    }
}
