package org.ssbtwin.plant.station;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ssbtwin.core.id.StationId;

class LineKpisTest {
    static final Instant T0 = Instant.parse("2028-01-03T00:00:00Z");

    static LineKpis.StationInput station(String id, String kind, double runningH, double downH, double blockedH,
                                         long in, long out, Map<String, Long> scrap, double idealCycle) {
        StationId sid = StationId.of(id);
        Station s = Station.unknown(sid).apply(new StationEvent.Commissioned(sid, kind, 1, Map.of(), T0));
        StationTimeAccount t = StationTimeAccount.start().apply(new StationEvent.Commissioned(sid, kind, 1, Map.of(), T0));
        Instant at = T0;
        for (var phase : List.of(Map.entry(StationState.RUNNING, runningH), Map.entry(StationState.DOWN, downH),
                Map.entry(StationState.BLOCKED, blockedH))) {
            StationEvent e = new StationEvent.StateChanged(phase.getKey(), "test", at);
            s = s.apply(e);
            t = t.apply(e);
            at = at.plusSeconds((long) (phase.getValue() * 3600));
        }
        StationEvent idle = new StationEvent.StateChanged(StationState.IDLE, "end", at);
        s = s.apply(idle).apply(new StationEvent.ThroughputRecorded(in, out, scrap, at));
        t = t.apply(idle);
        return new LineKpis.StationInput(s, t, idealCycle);
    }

    @Test
    void oeeBottleneckYieldAndPareto() {
        var lam = station("DK1-LAM-01", "LAMINATION", 8, 1, 1, 1000, 900, Map.of("delamination", 80L, "moisture", 20L), 25);
        var stk = station("DK1-MAB-01", "BIPOLAR_STACKING", 9.5, 0.5, 0, 900, 880, Map.of("misalignment", 20L), 36);
        var eol = station("DK1-EOL-01", "EOL_TEST", 4, 0, 6, 880, 870, Map.of("capacity", 10L), 10);
        LineKpis k = LineKpis.compute(List.of(lam, stk, eol), T0.plusSeconds(10 * 3600), "EOL_TEST", 0.39);

        var l = k.stations().get(0);
        assertEquals(0.9, l.availability(), 1e-9);
        assertEquals(0.9, l.quality(), 1e-9);
        assertEquals(Math.min(1, 1000 * 25.0 / (8 * 3600)), l.performance(), 1e-9);
        assertEquals(l.availability() * l.performance() * l.quality(), l.oee(), 1e-12);
        assertEquals(StationId.of("DK1-MAB-01"), k.bottleneck(), "stacking is active 100 % of the time and never blocked");
        assertEquals(0.6, k.stations().get(2).blockedShare(), 1e-9);
        assertEquals(870 / (10 / 24.0), k.cellsPerDay(), 1e-6);
        assertEquals(k.cellsPerDay() * 365 * 0.39 / 1e6, k.gwhPerYear(), 1e-12);
        assertEquals(0.9 * (880.0 / 900) * (870.0 / 880), k.firstPassYield(), 1e-9);
        assertEquals("delamination", k.scrapPareto().get(0).cause());
        assertEquals(80.0 / 130, k.scrapPareto().get(0).share(), 1e-9);
        assertEquals(0, k.workInProgress());
    }
}
