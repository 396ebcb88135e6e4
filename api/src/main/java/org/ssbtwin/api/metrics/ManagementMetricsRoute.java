package org.ssbtwin.api.metrics;

import org.apache.pekko.actor.AbstractExtensionId;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.Extension;
import org.apache.pekko.actor.ExtensionIdProvider;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.management.javadsl.ManagementRouteProvider;
import org.apache.pekko.management.javadsl.ManagementRouteProviderSettings;

/**
 * {@code GET /metrics} on the Pekko Management port too ({@code pekko.management.http.routes.twin-metrics}), so that
 * nodes without the HTTP API (entities, read side) are scraped like the others, beside {@code /ready} and {@code /alive}.
 */
public final class ManagementMetricsRoute extends AbstractExtensionId<ManagementMetricsRoute.Provider> implements ExtensionIdProvider {
    public static final ManagementMetricsRoute INSTANCE = new ManagementMetricsRoute();

    @Override
    public Provider createExtension(ExtendedActorSystem system) {
        return new Provider(TwinMetrics.get(system));
    }

    @Override
    public ManagementMetricsRoute lookup() {
        return INSTANCE;
    }

    /** The management route of one node. */
    public static final class Provider extends AllDirectives implements Extension, ManagementRouteProvider {
        private final TwinMetrics metrics;

        Provider(TwinMetrics metrics) {
            this.metrics = metrics;
        }

        @Override
        public Route routes(ManagementRouteProviderSettings settings) {
            return path("metrics", () -> get(() -> complete(MetricsRoutes.scrapeResponse(metrics))));
        }
    }
}
