package org.ssbtwin.fleet.pack;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ssbtwin.fleet.ageing.DailyTelemetry;

/**
 * A pack's negative events of use (Regulation (EU) 2023/1542 Annex XIII (4)(d), the passport's
 * {@code performance.dynamic.negativeEvents}): how many days of telemetry were a deep discharge or overheating, and
 * the end of the last such day. Part of the pack's state ({@link Pack#negativeEvents}), folded from
 * {@link PackEvent.NegativeEventRecorded} events, each of which carries the value and the threshold it crossed, so a
 * later change of a threshold never rewrites the past.
 *
 * <p>Only telemetry is assessed (a {@link DailyTelemetry} day has the day's lowest SoC and its mean cell temperature,
 * no maximum): a pack's use before the twin recorded these events (snapshots before version 4) counts as none.
 */
public record NegativeEvents(int deepDischarges, Instant lastDeepDischargeAt, int overheatings, Instant lastOverheatingAt) {
    public static final NegativeEvents NONE = new NegativeEvents(0, null, 0, null);

    /**
     * A day whose lowest state of charge is below 5 % is a deep discharge (assumed: EV packs keep a hidden reserve
     * and display 0 % around 3-5 % true SoC; below it the cells approach their lower voltage limit).
     */
    public static final double DEEP_DISCHARGE_BELOW_SOC = 0.05;
    /**
     * A day whose mean cell temperature is above 60 degC is overheating (assumed: the upper operating temperature
     * of the Catena-X sample passport's rated range, -18..60 degC, the example declarations' value).
     */
    public static final double OVERHEATING_ABOVE_C = 60.0;

    /** The kinds of negative event the twin recognises. */
    public enum Kind { DEEP_DISCHARGE, OVERHEATING }

    public NegativeEvents {
        if (deepDischarges < 0 || overheatings < 0) throw new IllegalArgumentException("negative event counts must be >= 0");
    }

    /** The tally after one more negative event. */
    public NegativeEvents with(PackEvent.NegativeEventRecorded e) {
        return switch (e.kind()) {
            case DEEP_DISCHARGE -> new NegativeEvents(deepDischarges + 1, e.periodEnd(), overheatings, lastOverheatingAt);
            case OVERHEATING -> new NegativeEvents(deepDischarges, lastDeepDischargeAt, overheatings + 1, e.periodEnd());
        };
    }

    /** The negative events of one telemetry day (empty for a normal day), in kind order. */
    public static List<PackEvent.NegativeEventRecorded> observed(TelemetryRecord r, Instant periodStart, Instant periodEnd, Instant at) {
        List<PackEvent.NegativeEventRecorded> out = new ArrayList<>(0);
        DailyTelemetry d = r.day();
        if (d.minSoc() < DEEP_DISCHARGE_BELOW_SOC) {
            out.add(new PackEvent.NegativeEventRecorded(Kind.DEEP_DISCHARGE, r.recordId(), periodStart, periodEnd, d.minSoc(),
                    DEEP_DISCHARGE_BELOW_SOC, at));
        }
        if (d.meanCellTempC() > OVERHEATING_ABOVE_C) {
            out.add(new PackEvent.NegativeEventRecorded(Kind.OVERHEATING, r.recordId(), periodStart, periodEnd, d.meanCellTempC(),
                    OVERHEATING_ABOVE_C, at));
        }
        return out;
    }
}
