package org.ssbtwin.api.modelcard;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.ssbtwin.api.http.ApiModule;
import org.ssbtwin.api.http.Json;
import org.ssbtwin.fleet.modelcard.ModelCard;

/**
 * {@code GET /api/v1/model-card}: every calibration target of the life model beside the model's value with PASS /
 * FAIL / INFO, whether the card passes, and the constants table ({@link ModelCard}). The card is computed once per
 * node (it depends only on the build; a few seconds) off the HTTP dispatcher, on {@code executor}.
 */
public final class ModelCardRoutes extends AllDirectives implements ApiModule {
    private final Executor executor;
    private CompletableFuture<ModelCard.Card> card;

    public ModelCardRoutes(Executor executor) {
        this.executor = executor;
    }

    private synchronized CompletionStage<ModelCard.Card> card() {
        if (card == null || card.isCompletedExceptionally()) {
            card = CompletableFuture.supplyAsync(() -> ModelCards.run(1), executor);
        }
        return card;
    }

    @Override
    public Route routes() {
        return path("model-card", () -> get(() -> onSuccess(card(), c -> complete(Json.ok(c)))));
    }
}
