package org.ssbtwin.api.ingest;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ssbtwin.core.id.PackId;

/** Line handling of the NDJSON telemetry parser: LF and CRLF, blank lines, 1-based line numbers in errors. */
class TelemetryParserTest {
    static String line(String pack, String date, double km) {
        return "{\"recordId\":\"r-" + pack + "-" + date + "\",\"packId\":\"" + pack + "\",\"date\":\"" + date + "\",\"km\":" + km
                + ",\"dischargeKWh\":" + (km * 0.24) + ",\"minSoc\":0.3,\"maxSoc\":0.8,\"meanCellTempC\":25.5}";
    }

    @Test
    void crlfLfBlankLinesAndATrailingNewlineParseAlike() {
        String a = line("P-DK1-000001", "2028-02-01", 42.5);
        String b = line("P-DK1-000002", "2028-02-01", 17.25);
        String c = line("P-DK1-000001", "2028-02-02", 0.1);
        for (String body : List.of(a + "\n" + b + "\n" + c, a + "\r\n" + b + "\r\n" + c + "\r\n", "\n" + a + "\n\n  \n" + b + "\r\n" + c + "\n\n")) {
            TelemetryParser.Parsed p = TelemetryParser.parse(body);
            assertEquals(List.of(), p.errors(), body);
            assertEquals(3, p.lines());
            assertEquals(2, p.byPack().size());
            var first = p.byPack().get(PackId.of("P-DK1-000001"));
            assertEquals(2, first.size());
            assertEquals(42.5, first.get(0).day().km());
            assertEquals(0.1, first.get(1).day().km());
            assertEquals(17.25 * 0.24, p.byPack().get(PackId.of("P-DK1-000002")).get(0).day().dischargeKWh());
        }
    }

    @Test
    void errorsNameTheLineCountingBlankOnes() {
        String body = line("P-DK1-000001", "2028-02-01", 10) + "\r\n\r\n{not json}\r\n" + line("P-DK1-000001", "2028-02-31", 10) + "\n";
        TelemetryParser.Parsed p = TelemetryParser.parse(body);
        assertEquals(List.of(new TelemetryParser.LineError(3, "line", "not valid JSON"),
                new TelemetryParser.LineError(4, "date", "date must be YYYY-MM-DD, was '2028-02-31'")), p.errors());
        assertEquals(List.of(new TelemetryParser.LineError(0, "body", "no telemetry lines")), TelemetryParser.parse("").errors());
        assertEquals(List.of(new TelemetryParser.LineError(0, "body", "no telemetry lines")), TelemetryParser.parse("\r\n \n").errors());
    }
}
