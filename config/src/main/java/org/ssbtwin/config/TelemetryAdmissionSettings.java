package org.ssbtwin.config;

import com.typesafe.config.Config;
import org.ssbtwin.core.config.ConfigReader;

/**
 * How many pack writes of HTTP telemetry a node keeps in flight ({@code twin.ingest.max-pack-writes-in-flight};
 * docs/operations.md "Configuration"). Each pack of a batch is one journal write; batches beyond the bound wait their
 * turn, up to the ask timeout, then get 503 {@code telemetry-overloaded} with Retry-After.
 *
 * @param maxPackWritesInFlight the bound, default 1000 (assumed: a few of the journal's write batches of 400 rows,
 *        {@code jdbc-journal.batchSize}, and above the 800 in flight of the ingest bench's 8 clients x batches of 100
 *        packs, which ran at ~10 000 records/s on PostgreSQL with no bound; without any bound, 8 x 250 packs queued
 *        more journal writes than the journal finishes within its circuit breaker's 10 s call timeout)
 */
public record TelemetryAdmissionSettings(int maxPackWritesInFlight) {
    public static final TelemetryAdmissionSettings DEFAULT = new TelemetryAdmissionSettings(1000);

    public static TelemetryAdmissionSettings from(Config root) {
        ConfigReader c = ConfigReader.block(root, "twin.ingest");
        Integer max = c.integer("max-pack-writes-in-flight", 1, 1_000_000);
        c.throwIfProblems();
        return new TelemetryAdmissionSettings(max);
    }
}
