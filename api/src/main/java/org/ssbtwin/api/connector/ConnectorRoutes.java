package org.ssbtwin.api.connector;

import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.ssbtwin.api.http.ApiModule;
import org.ssbtwin.api.http.Json;

/** {@code GET /api/v1/connectors/mqtt}: whether the MQTT telemetry connector runs, is connected, and its counters. */
public final class ConnectorRoutes extends AllDirectives implements ApiModule {
    private final MqttTelemetryConnector mqtt;

    public ConnectorRoutes(MqttTelemetryConnector mqtt) {
        this.mqtt = mqtt;
    }

    @Override
    public Route routes() {
        return pathPrefix("connectors", () -> path("mqtt", () -> get(() -> complete(Json.ok(mqtt.status())))));
    }
}
