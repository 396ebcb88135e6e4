package org.ssbtwin.config;
import org.ssbtwin.core.config.ConfigReader;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

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

    public static MqttSettings from(Config root) {
        ConfigReader c = ConfigReader.block(root, "twin.mqtt");
        Boolean enabled = c.onOff("enabled");
        String brokerUrl = c.string("broker-url", BROKER_URL, "tcp://host:port or ssl://host:port (or ws://, wss://)");
        String clientId = c.string("client-id", CLIENT_ID, "1 to 64 characters");
        String topic = c.string("topic");
        Integer qos = c.integer("qos", 1, 2);
        String deadLetterTopic = c.string("dead-letter-topic", TOPIC_NAME, "a topic name without the wildcards + and #");
        c.check(topic == null || deadLetterTopic == null || !matches(topic, deadLetterTopic), "dead-letter-topic",
                "must not match the subscription '" + topic + "', was '" + deadLetterTopic + "'");
        Integer parallelism = c.integer("parallelism", 1, 1024);
        Integer bufferSize = c.integer("buffer-size", 1, 10_000);
        Boolean cleanSession = c.onOff("clean-session");
        Duration minBackoff = c.duration("min-backoff");
        Duration maxBackoff = c.duration("max-backoff");
        c.check(minBackoff == null || maxBackoff == null || maxBackoff.compareTo(minBackoff) >= 0, "max-backoff",
                "must not be below min-backoff (" + minBackoff + "), was " + maxBackoff);
        Optional<String> username = Optional.of(c.string("username", "")).filter(s -> !s.isEmpty());
        Optional<String> password = Optional.of(c.string("password", "")).filter(s -> !s.isEmpty());
        c.check(password.isEmpty() || username.isPresent(), "password", "needs a username (twin.mqtt.username)");
        c.throwIfProblems();
        return new MqttSettings(enabled, brokerUrl, clientId, topic, qos, deadLetterTopic, parallelism, bufferSize,
                cleanSession, minBackoff, maxBackoff, username, password);
    }

    private static final Pattern BROKER_URL = Pattern.compile("(tcp|ssl|ws|wss)://.+");
    private static final Pattern CLIENT_ID = Pattern.compile(".{1,64}");
    private static final Pattern TOPIC_NAME = Pattern.compile("[^+#]+");

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

    /** Without the password. */
    @Override
    public String toString() {
        return "MqttSettings[enabled=" + enabled + ", brokerUrl=" + brokerUrl + ", clientId=" + clientId + ", topic=" + topic
                + ", qos=" + qos + ", deadLetterTopic=" + deadLetterTopic + ", parallelism=" + parallelism + ", bufferSize=" + bufferSize
                + ", cleanSession=" + cleanSession + ", minBackoff=" + minBackoff + ", maxBackoff=" + maxBackoff
                + ", username=" + username.orElse("(none)") + ", password=" + (password.isPresent() ? "****" : "(none)") + "]";
    }
}
