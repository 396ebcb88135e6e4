package org.ssbtwin.api.ingest;

import org.ssbtwin.api.http.Json;

import org.ssbtwin.fleet.pack.TelemetryRecord;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ssbtwin.fleet.ageing.DailyTelemetry;
import org.ssbtwin.core.id.InvalidIdException;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.fleet.entity.PackAgeing;

/**
 * Parses vehicle telemetry sent as NDJSON, one daily summary per line. Every line is checked field by field; the
 * result is either the records grouped by pack, in order, or the list of bad lines.
 */
public final class TelemetryParser {
    public static final int MAX_LINES = 50_000;
    static final Set<String> FIELDS = Set.of("recordId", "packId", "date", "km", "dischargeKWh", "efc", "minSoc", "maxSoc",
            "meanCellTempC", "dcFastChargeKWh", "maxChargeC");

    /** One reader for every line; fast double parsing (same values, the numbers are parsed exactly either way). */
    private static final com.fasterxml.jackson.databind.ObjectReader LINE_READER =
            Json.MAPPER.reader().with(com.fasterxml.jackson.core.JsonParser.Feature.USE_FAST_DOUBLE_PARSER);

    /** A bad line: 1-based line number, field and message. */
    public record LineError(int line, String field, String message) {}

    public record Parsed(Map<PackId, List<TelemetryRecord>> byPack, int lines, List<LineError> errors) {}

    /**
     * One message from a connector (MQTT): a single JSON record, which may be pretty-printed over several lines, or
     * NDJSON. Same schema and checks as {@link #parse}.
     */
    public static Parsed parseMessage(String payload) {
        String s = payload.strip();
        if (s.startsWith("{") && s.indexOf('\n') >= 0) {
            try {
                JsonNode n = Json.MAPPER.reader().with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(s);
                if (n != null && n.isObject()) return parse(Json.MAPPER.writeValueAsString(n));
            } catch (Exception notOneObject) {
                // several lines, several objects: NDJSON
            }
        }
        return parse(payload);
    }

    public static Parsed parse(String body) {
        return parse(body, null);
    }

    /**
     * {@link #parse(String)}, refusing dates after {@code latest} (the twin's today plus {@link PackAgeing#MAX_DAYS_AHEAD};
     * null: no bound here, the pack entity still bounds them).
     */
    public static Parsed parse(String body, LocalDate latest) {
        Map<PackId, List<TelemetryRecord>> byPack = new LinkedHashMap<>();
        List<LineError> errors = new ArrayList<>();
        int count = 0;
        // lines split by hand (String.split with the pattern "\r?\n" compiles a regex per request); a "\r" before the
        // "\n" is stripped with the other surrounding whitespace
        int next = 0;
        for (int i = 0; next <= body.length(); i++) {
            int end = body.indexOf('\n', next);
            if (end < 0) end = body.length();
            String line = body.substring(next, end).strip();
            next = end + 1;
            if (line.isEmpty()) continue;
            count++;
            if (count > MAX_LINES) {
                errors.add(new LineError(i + 1, "body", "at most " + MAX_LINES + " records per request"));
                break;
            }
            int lineNo = i + 1;
            JsonNode n;
            try {
                n = LINE_READER.readTree(line);
            } catch (Exception e) {
                errors.add(new LineError(lineNo, "line", "not valid JSON"));
                continue;
            }
            if (n == null || !n.isObject()) {
                errors.add(new LineError(lineNo, "line", "each line must be a JSON object"));
                continue;
            }
            int before = errors.size();
            n.fieldNames().forEachRemaining(f -> {
                if (!FIELDS.contains(f)) errors.add(new LineError(lineNo, f, "unknown field '" + f + "'"));
            });
            String recordId = text(n, "recordId", lineNo, errors);
            PackId pack = null;
            String rawPack = text(n, "packId", lineNo, errors);
            if (rawPack != null) {
                try {
                    pack = PackId.of(rawPack);
                } catch (InvalidIdException e) {
                    errors.add(new LineError(lineNo, "packId", e.getMessage()));
                }
            }
            LocalDate date = null;
            String rawDate = text(n, "date", lineNo, errors);
            if (rawDate != null) {
                try {
                    date = LocalDate.parse(rawDate);
                    if (latest != null && date.isAfter(latest)) {
                        errors.add(new LineError(lineNo, "date", "date must not be after " + latest + " (the twin's today plus "
                                + PackAgeing.MAX_DAYS_AHEAD + " days), was " + rawDate));
                        date = null;
                    }
                } catch (DateTimeParseException e) {
                    errors.add(new LineError(lineNo, "date", "date must be YYYY-MM-DD, was '" + rawDate + "'"));
                }
            }
            double km = number(n, "km", 0, 3000, true, lineNo, errors);
            double efc = number(n, "efc", 0, 20, false, lineNo, errors);
            double kwh = number(n, "dischargeKWh", 0, 2000, Double.isNaN(efc) && !n.has("efc"), lineNo, errors);
            double minSoc = number(n, "minSoc", 0, 1, true, lineNo, errors);
            double maxSoc = number(n, "maxSoc", 0, 1, true, lineNo, errors);
            double temp = number(n, "meanCellTempC", -50, 90, true, lineNo, errors);
            double dc = number(n, "dcFastChargeKWh", 0, 2000, false, lineNo, errors);
            double maxC = number(n, "maxChargeC", 0, 10, false, lineNo, errors);
            if (!Double.isNaN(minSoc) && !Double.isNaN(maxSoc) && minSoc > maxSoc) {
                errors.add(new LineError(lineNo, "minSoc", "minSoc " + minSoc + " is above maxSoc " + maxSoc));
            }
            if (errors.size() > before) continue;
            DailyTelemetry day = new DailyTelemetry(date, km, Double.isNaN(kwh) ? 0 : kwh, efc, minSoc, maxSoc, temp,
                    Double.isNaN(dc) ? 0 : dc, maxC);
            byPack.computeIfAbsent(pack, k -> new ArrayList<>()).add(new TelemetryRecord(recordId, day));
        }
        if (count == 0) errors.add(new LineError(0, "body", "no telemetry lines"));
        return new Parsed(byPack, count, errors);
    }

    private static String text(JsonNode n, String field, int line, List<LineError> errors) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || !v.isTextual() || v.asText().isBlank()) {
            errors.add(new LineError(line, field, field + " is required (a string)"));
            return null;
        }
        return v.asText();
    }

    private static double number(JsonNode n, String field, double min, double max, boolean required, int line, List<LineError> errors) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) errors.add(new LineError(line, field, field + " is required (a number)"));
            return Double.NaN;
        }
        if (!v.isNumber()) {
            errors.add(new LineError(line, field, field + " must be a number, was " + v));
            return Double.NaN;
        }
        double d = v.asDouble();
        if (!(d >= min && d <= max)) {
            errors.add(new LineError(line, field, field + " must be within [" + min + ", " + max + "], was " + d));
            return Double.NaN;
        }
        return d;
    }
}
