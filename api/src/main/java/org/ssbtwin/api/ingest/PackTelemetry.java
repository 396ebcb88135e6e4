package org.ssbtwin.api.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ssbtwin.api.ingest.IngestRoutes;
import org.ssbtwin.api.ingest.TelemetryParser;
import org.ssbtwin.api.readside.AssetDirectory;

/**
 * The checks every telemetry connector (MQTT, Kafka) makes on a message before it asks the pack entities, the same as
 * {@code POST /api/v1/telemetry}: UTF-8 text, the NDJSON record schema, and packs the read side knows as in service.
 */
public final class PackTelemetry {
    private PackTelemetry() {}

    /**
     * A message's verdict: {@code parsed} when it may be written, else {@code reason} (for the dead letter),
     * {@code errors} (field-level, as in the HTTP problem) and {@code metricReason} (a {@code TwinMetrics.REJECTION_REASONS} value).
     * {@code payload} is null when the bytes are not UTF-8.
     */
    public record Checked(String payload, TelemetryParser.Parsed parsed, String reason, List<TelemetryParser.LineError> errors,
                          String metricReason) {
        public boolean valid() {
            return reason == null;
        }
    }

    /** The payload's checks: parsed, then its packs looked up in the read side (asynchronously, never blocking). */
    public static java.util.concurrent.CompletionStage<Checked> check(byte[] bytes, AssetDirectory directory) {
        String payload;
        try {
            payload = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return java.util.concurrent.CompletableFuture.completedFuture(new Checked(null, null, "payload is not UTF-8 text", List.of(), "malformed"));
        }
        TelemetryParser.Parsed parsed = TelemetryParser.parseMessage(payload);
        return IngestRoutes.errors(parsed, directory).thenApply(errors -> errors.isEmpty()
                ? new Checked(payload, parsed, null, List.of(), null)
                : new Checked(payload, parsed, errors.size() + " bad telemetry line(s); nothing was recorded", errors, metricReason(errors)));
    }

    /** "unknown_pack" when every error is about a pack not in service, else "malformed". */
    public static String metricReason(List<TelemetryParser.LineError> errors) {
        boolean packs = !errors.isEmpty() && errors.stream().allMatch(e -> "packId".equals(e.field()) && e.line() == 0);
        return packs ? "unknown_pack" : "malformed";
    }
}
