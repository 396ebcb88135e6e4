package org.ssbtwin.api.http;

import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The dashboard, outside {@code /api/v1}: {@code /} and {@code /dashboard/} serve {@code dashboard/index.html},
 * {@code /dashboard/...} its static files and {@code /webjars/...} the WebJars' files (Chart.js) from
 * {@code META-INF/resources/webjars} on the classpath, so nothing comes from a CDN.
 */
public final class DashboardRoutes extends AllDirectives {
    private static final String INDEX = "dashboard/index.html";

    public Route routes() {
        return get(() -> concat(
                pathSingleSlash(() -> getFromResource(INDEX, ContentTypes.TEXT_HTML_UTF8)),
                pathPrefix("dashboard", () -> concat(
                        pathEndOrSingleSlash(() -> getFromResource(INDEX, ContentTypes.TEXT_HTML_UTF8)),
                        getFromResourceDirectory("dashboard"))),
                pathPrefix("webjars", () -> getFromResourceDirectory("META-INF/resources/webjars"))));
    }
}
