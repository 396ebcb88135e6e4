package org.ssbtwin.api.connector;

import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.ssbtwin.api.http.ApiModule;
import org.ssbtwin.api.http.Json;

/**
 * {@code GET /api/v1/connectors/mqtt} and {@code GET /api/v1/connectors/kafka}: whether each telemetry connector runs
 * (connected, partitions assigned) and its counters.
 */
public final class ConnectorRoutes extends AllDirectives implements ApiModule {
    private final MqttTelemetryConnector mqtt;
    private final KafkaTelemetryConnector kafka;

    public ConnectorRoutes(MqttTelemetryConnector mqtt) {
        this(mqtt, null);
    }

    /** @param kafka the Kafka connector, or null where the node has none */
    public ConnectorRoutes(MqttTelemetryConnector mqtt, KafkaTelemetryConnector kafka) {
        this.mqtt = mqtt;
        this.kafka = kafka;
    }

    @Override
    public Route routes() {
        return pathPrefix("connectors", () -> concat(
                path("mqtt", () -> get(() -> complete(Json.ok(mqtt.status())))),
                path("kafka", () -> get(() -> kafka == null
                        ? complete(Json.notFound("this node has no Kafka connector", "/api/v1/connectors/kafka"))
                        : complete(Json.ok(kafka.status()))))));
    }
}
