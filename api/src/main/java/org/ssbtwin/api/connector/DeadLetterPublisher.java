package org.ssbtwin.api.connector;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ssbtwin.config.MqttSettings;

/**
 * Publishes dead letters with the connector's QoS and completes once the broker confirmed them, so that a
 * malformed message is acknowledged only after its dead letter is safe. Connects on first use and again after a
 * lost connection.
 */
final class DeadLetterPublisher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DeadLetterPublisher.class);

    private final MqttSettings settings;
    private final MqttAsyncClient client;
    private final MqttConnectOptions options = new MqttConnectOptions();
    private CompletableFuture<Void> connecting;

    DeadLetterPublisher(MqttSettings settings) {
        this.settings = settings;
        try {
            String id = settings.clientId().length() > 51 ? settings.clientId().substring(0, 51) : settings.clientId();
            this.client = new MqttAsyncClient(settings.brokerUrl(), id + "-dead-letters", new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalArgumentException("twin.mqtt.broker-url: " + e.getMessage(), e);
        }
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(10);
        settings.username().ifPresent(options::setUserName);
        settings.password().ifPresent(p -> options.setPassword(p.toCharArray()));
    }

    CompletionStage<Void> publish(byte[] json) {
        return connection().thenCompose(v -> {
            CompletableFuture<Void> sent = new CompletableFuture<>();
            try {
                client.publish(settings.deadLetterTopic(), json, settings.qos(), false, null, listener(sent));
            } catch (MqttException | RuntimeException e) {
                sent.completeExceptionally(e);
            }
            return sent;
        });
    }

    private synchronized CompletableFuture<Void> connection() {
        if (client.isConnected()) return CompletableFuture.completedFuture(null);
        if (connecting != null && !connecting.isDone()) return connecting;
        CompletableFuture<Void> attempt = new CompletableFuture<>();
        connecting = attempt;
        try {
            client.connect(options, null, listener(attempt));
        } catch (MqttException | RuntimeException e) {
            attempt.completeExceptionally(e);
        }
        return attempt;
    }

    private static IMqttActionListener listener(CompletableFuture<Void> result) {
        return new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                result.complete(null);
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
                result.completeExceptionally(e != null ? e : new IllegalStateException("MQTT action failed"));
            }
        };
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) client.disconnect(2000).waitForCompletion(3000);
        } catch (MqttException e) {
            log.debug("dead-letter client disconnect: {}", e.toString());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            log.debug("dead-letter client close: {}", e.toString());
        }
    }
}
