package org.ssbtwin.config;
import org.ssbtwin.core.config.ConfigException;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * Metrics (the {@code twin.metrics} block): Prometheus exposition at {@code /metrics} on the API port and on the
 * Pekko Management port, and how often the sampled gauges (resident entities, shards, cluster members, jobs) are
 * refreshed.
 *
 * @param enabled        serve {@code /metrics} and record meters (on by default; off answers 404 and records nothing)
 * @param sampleInterval how often the sharding, cluster and job gauges are sampled (cheap local queries)
 */
public record MetricsSettings(boolean enabled, Duration sampleInterval) {

    public MetricsSettings {
        if (sampleInterval == null || sampleInterval.compareTo(Duration.ofMillis(100)) < 0 || sampleInterval.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new ConfigException("twin.metrics.sample-interval", "must be within [100ms, 10m], was " + sampleInterval);
        }
    }

    public static MetricsSettings from(Config root) {
        try {
            Config c = root.getConfig("twin.metrics");
            return new MetricsSettings(c.getBoolean("enabled"), c.getDuration("sample-interval"));
        } catch (com.typesafe.config.ConfigException.Missing e) {
            throw new ConfigException("twin.metrics", "missing setting: " + e.getMessage());
        } catch (com.typesafe.config.ConfigException.WrongType | com.typesafe.config.ConfigException.BadValue e) {
            throw new ConfigException("twin.metrics", e.getMessage());
        }
    }
}
