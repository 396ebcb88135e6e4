package org.ssbtwin.api.design;

import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.ssbtwin.api.http.ApiModule;
import org.ssbtwin.api.http.Json;

/** {@code GET /api/v1/designs}: the cell design and every pack architecture (cells, series, parallel, V, Ah, kWh). */
public final class DesignRoutes extends AllDirectives implements ApiModule {
    private final DesignSheet sheet = DesignSheet.bundled();

    @Override
    public Route routes() {
        return pathPrefix("designs", () -> pathEndOrSingleSlash(() -> get(() -> complete(Json.ok(sheet)))));
    }
}
