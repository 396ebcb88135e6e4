package org.ssbtwin.config;
import org.ssbtwin.core.config.ConfigException;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Kafka telemetry connector (the {@code twin.kafka} block): a consumer group reading pack telemetry (the NDJSON
 * record of {@code POST /api/v1/telemetry}, one record per message, keyed by pack id), committing offsets only after
 * the pack entities persisted the records, and sending malformed or refused records to a dead-letter topic.
 *
 * @param enabled           start the connector with the node (off by default)
 * @param bootstrapServers  {@code host:port[,host:port...]}
 * @param groupId           the consumer group: every ingest node of the cluster joins it, Kafka spreads the partitions
 * @param topic             the telemetry topic
 * @param deadLetterTopic   malformed or refused records go here with the reason (headers and a JSON body)
 * @param parallelism       records in flight at once (records of one partition always one after another, in offset order)
 * @param maxBatch          offsets committed together at most ({@code CommitterSettings.maxBatch})
 * @param commitInterval    offsets committed at least this often ({@code CommitterSettings.maxInterval})
 * @param minBackoff        first delay before restarting the consumer after a failure
 * @param maxBackoff        largest delay between restarts
 * @param properties        further Kafka client properties ({@code twin.kafka.properties}, e.g. security settings)
 */
public record KafkaSettings(boolean enabled, String bootstrapServers, String groupId, String topic, String deadLetterTopic,
                            int parallelism, int maxBatch, Duration commitInterval, Duration minBackoff, Duration maxBackoff,
                            Map<String, String> properties) {

    public KafkaSettings {
        require(bootstrapServers != null && bootstrapServers.matches("[^,\\s]+:\\d+(,[^,\\s]+:\\d+)*"), "bootstrap-servers",
                "must be host:port[,host:port...], was '" + bootstrapServers + "'");
        require(groupId != null && !groupId.isBlank(), "group-id", "is required");
        require(validTopic(topic), "topic", "must be a Kafka topic name ([a-zA-Z0-9._-], 1..249 characters), was '" + topic + "'");
        require(validTopic(deadLetterTopic), "dead-letter-topic", "must be a Kafka topic name, was '" + deadLetterTopic + "'");
        require(!deadLetterTopic.equals(topic), "dead-letter-topic", "must differ from the telemetry topic");
        require(parallelism >= 1 && parallelism <= 1024, "parallelism", "must be within [1, 1024], was " + parallelism);
        require(maxBatch >= 1 && maxBatch <= 100_000, "max-batch", "must be within [1, 100000], was " + maxBatch);
        require(commitInterval != null && !commitInterval.isNegative() && !commitInterval.isZero(), "commit-interval", "must be positive");
        require(minBackoff != null && !minBackoff.isNegative() && !minBackoff.isZero(), "min-backoff", "must be positive");
        require(maxBackoff != null && maxBackoff.compareTo(minBackoff) >= 0, "max-backoff", "must not be below min-backoff");
        properties = Map.copyOf(properties);
        for (String k : properties.keySet()) {
            require(!k.equals("enable.auto.commit") && !k.equals("group.id") && !k.equals("bootstrap.servers"), "properties." + k,
                    "is set by the connector (offsets are committed only after the entities persisted)");
        }
    }

    private static boolean validTopic(String t) {
        return t != null && t.matches("[a-zA-Z0-9._-]{1,249}") && !t.equals(".") && !t.equals("..");
    }

    public static KafkaSettings from(Config root) {
        Config c = root.getConfig("twin.kafka");
        try {
            Map<String, String> props = new LinkedHashMap<>();
            if (c.hasPath("properties")) {
                c.getConfig("properties").entrySet().forEach(e -> props.put(e.getKey().replace("\"", ""), String.valueOf(e.getValue().unwrapped())));
            }
            return new KafkaSettings(c.getBoolean("enabled"), c.getString("bootstrap-servers"), c.getString("group-id"), c.getString("topic"),
                    c.getString("dead-letter-topic"), c.getInt("parallelism"), c.getInt("max-batch"), c.getDuration("commit-interval"),
                    c.getDuration("min-backoff"), c.getDuration("max-backoff"), props);
        } catch (com.typesafe.config.ConfigException.Missing e) {
            throw new ConfigException("twin.kafka", "missing setting: " + e.getMessage());
        } catch (com.typesafe.config.ConfigException.WrongType | com.typesafe.config.ConfigException.BadValue e) {
            throw new ConfigException("twin.kafka", e.getMessage());
        }
    }

    private static void require(boolean ok, String key, String message) {
        if (!ok) throw new ConfigException("twin.kafka." + key, message);
    }

    /** Without property values (they may hold credentials, e.g. sasl.jaas.config). */
    @Override
    public String toString() {
        return "KafkaSettings[enabled=" + enabled + ", bootstrapServers=" + bootstrapServers + ", groupId=" + groupId + ", topic=" + topic
                + ", deadLetterTopic=" + deadLetterTopic + ", parallelism=" + parallelism + ", maxBatch=" + maxBatch
                + ", commitInterval=" + commitInterval + ", minBackoff=" + minBackoff + ", maxBackoff=" + maxBackoff
                + ", properties=" + properties.keySet() + "]";
    }
}
