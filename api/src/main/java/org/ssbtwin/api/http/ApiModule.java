package org.ssbtwin.api.http;

import org.apache.pekko.http.javadsl.server.Route;

/**
 * A part of the REST API under {@code /api/v1} contributed by one feature (scenarios, search, events, dashboard...).
 * {@link TwinRoutes} mounts every module inside its error handling, so a module only parses, delegates and renders.
 */
public interface ApiModule {
    /** The module's routes, relative to {@code /api/v1} (e.g. {@code pathPrefix("scenarios", ...)}). */
    Route routes();
}
