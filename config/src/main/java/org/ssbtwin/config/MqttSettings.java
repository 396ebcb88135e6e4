package org.ssbtwin.config;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.Optional;

/**
 * The MQTT telemetry connector (the {@code twin.mqtt} block): where the broker is, which topics carry vehicle
 * telemetry, where malformed messages go, and how hard to retry. Credentials come from the environment
 * ({@code TWIN_MQTT_USERNAME}, {@code TWIN_MQTT_PASSWORD}); {@link #toString()} never shows the password.
 *
 * @param enabled          start the connector with the node (off by default)
 * @param brokerUrl        e.g. {@code tcp://localhost:1883} or {@code ssl://broker:8883}
 * @param clientId         the MQTT client id; with {@code cleanSession = false} the broker keeps this client's
 *                         subscription and unacknowledged messages while the twin is down
 * @param topic            the subscription filter, e.g. {@code vehicles/+/telemetry}
 * @param qos              1 or 2: at-least-once needs the broker to keep unacknowledged messages
 * @param deadLetterTopic  malformed messages are published here with the reason
 * @param parallelism      messages in flight at once (messages of one topic always one after another)
 * @param bufferSize       messages the source buffers before back-pressuring the broker
 * @param cleanSession     false (default): a persistent session, so nothing published while the twin is down is lost
 * @param minBackoff       first delay before reconnecting after a failure
 * @param maxBackoff       largest delay between reconnects
 */
public record MqttSettings(boolean enabled, String brokerUrl, String clientId, String topic, int qos, String deadLetterTopic,
                           int parallelism, int bufferSize, boolean cleanSession, Duration minBackoff, Duration maxBackoff,
                           Optional<String> username, Optional<String> password) {

    public MqttSettings {
        require(brokerUrl != null && brokerUrl.matches("(tcp|ssl|ws|wss)://.+"), "broker-url", "must be tcp://host:port or ssl://host:port, was '" + brokerUrl + "'");
        require(clientId != null && !clientId.isBlank() && clientId.length() <= 64, "client-id", "must be 1..64 characters");
        require(topic != null && !topic.isBlank(), "topic", "is required (e.g. vehicles/+/telemetry)");
        require(qos == 1 || qos == 2, "qos", "must be 1 or 2 (at-least-once delivery), was " + qos);
        require(deadLetterTopic != null && !deadLetterTopic.isBlank() && !deadLetterTopic.contains("+") && !deadLetterTopic.contains("#"),
                "dead-letter-topic", "must be a topic name without wildcards");
        require(!matches(topic, deadLetterTopic), "dead-letter-topic", "must not match the subscription '" + topic + "'");
        require(parallelism >= 1 && parallelism <= 1024, "parallelism", "must be within [1, 1024], was " + parallelism);
        require(bufferSize >= 1 && bufferSize <= 10_000, "buffer-size", "must be within [1, 10000], was " + bufferSize);
        require(!minBackoff.isNegative() && !minBackoff.isZero(), "min-backoff", "must be positive");
        require(maxBackoff.compareTo(minBackoff) >= 0, "max-backoff", "must not be below min-backoff");
        require(password.isEmpty() || username.isPresent(), "password", "a password needs a username");
    }

    public static MqttSettings from(Config root) {
        Config c = root.getConfig("twin.mqtt");
        try {
            return new MqttSettings(c.getBoolean("enabled"), c.getString("broker-url"), c.getString("client-id"), c.getString("topic"),
                    c.getInt("qos"), c.getString("dead-letter-topic"), c.getInt("parallelism"), c.getInt("buffer-size"),
                    c.getBoolean("clean-session"), c.getDuration("min-backoff"), c.getDuration("max-backoff"),
                    optional(c, "username"), optional(c, "password"));
        } catch (com.typesafe.config.ConfigException.Missing e) {
            throw new ConfigException("twin.mqtt", "missing setting: " + e.getMessage());
        } catch (com.typesafe.config.ConfigException.WrongType | com.typesafe.config.ConfigException.BadValue e) {
            throw new ConfigException("twin.mqtt", e.getMessage());
        }
    }

    /** Whether an MQTT topic filter ({@code +} one level, {@code #} the rest) matches a topic name. */
    public static boolean matches(String filter, String topic) {
        String[] f = filter.split("/", -1);
        String[] t = topic.split("/", -1);
        for (int i = 0; i < f.length; i++) {
            if (f[i].equals("#")) return true;
            if (i >= t.length) return false;
            if (!f[i].equals("+") && !f[i].equals(t[i])) return false;
        }
        return f.length == t.length;
    }

    private static Optional<String> optional(Config c, String path) {
        if (!c.hasPath(path)) return Optional.empty();
        String v = c.getString(path);
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    private static void require(boolean ok, String key, String message) {
        if (!ok) throw new ConfigException("twin.mqtt." + key, message);
    }

    /** Without the password. */
    @Override
    public String toString() {
        return "MqttSettings[enabled=" + enabled + ", brokerUrl=" + brokerUrl + ", clientId=" + clientId + ", topic=" + topic
                + ", qos=" + qos + ", deadLetterTopic=" + deadLetterTopic + ", parallelism=" + parallelism + ", bufferSize=" + bufferSize
                + ", cleanSession=" + cleanSession + ", minBackoff=" + minBackoff + ", maxBackoff=" + maxBackoff
                + ", username=" + username.orElse("(none)") + ", password=" + (password.isPresent() ? "****" : "(none)") + "]";
    }
}
