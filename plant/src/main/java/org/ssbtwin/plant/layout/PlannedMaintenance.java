package org.ssbtwin.plant.layout;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneOffset;

/**
 * Scheduled (planned) downtime of a station: preventive maintenance (PM) of each unit in a fixed rotation, and an
 * annual shutdown of the whole station. All figures are assumed (DOMAIN gives none); see docs/plant-model.md.
 *
 * <p>PM: unit {@code u} of {@code n} is maintained for {@code pmHours} every {@code pmIntervalHours}, its windows
 * staggered by {@code pmIntervalHours / n} so that one unit at a time is down (a rotation, as lines are maintained
 * lane by lane). The rotation is anchored at Monday 1970-01-05 06:00 UTC, so it does not depend on when a simulation
 * starts. PM is scheduled downtime: it counts against availability (SEMI E10 "scheduled downtime").
 *
 * <p>Annual shutdown: from {@code shutdownStart} 06:00 UTC for {@code shutdownDays} days every year the station is
 * not scheduled (SEMI E10 "non-scheduled time", like an off-shift hour): left out of the OEE time base.
 *
 * @param pmIntervalHours time from one PM window of a unit to its next (168 = weekly); 0 = no PM
 * @param pmHours         length of one PM window (8 = one shift)
 * @param shutdownStart   first day of the annual shutdown; null = none
 * @param shutdownDays    length of the annual shutdown, days (0 = none)
 */
public record PlannedMaintenance(double pmIntervalHours, double pmHours, MonthDay shutdownStart, int shutdownDays) {

    /** No planned maintenance (only random breakdowns). */
    public static final PlannedMaintenance NONE = new PlannedMaintenance(0, 0, null, 0);

    /** Monday 1970-01-05 06:00 UTC, the anchor of every PM rotation. */
    static final long PM_ANCHOR_EPOCH_MS = (4 * 24 + 6) * 3_600_000L;
    private static final long HOUR_MS = 3_600_000L;
    private static final long DAY_MS = 86_400_000L;

    public PlannedMaintenance {
        if (!(pmIntervalHours >= 0)) throw new IllegalArgumentException("pmIntervalHours must be >= 0, was " + pmIntervalHours);
        if (!(pmHours >= 0)) throw new IllegalArgumentException("pmHours must be >= 0, was " + pmHours);
        if (pmIntervalHours > 0 && !(pmHours > 0 && pmHours < pmIntervalHours)) {
            throw new IllegalArgumentException("pmHours must be in (0, pmIntervalHours " + pmIntervalHours + "), was " + pmHours);
        }
        if (pmIntervalHours == 0 && pmHours != 0) throw new IllegalArgumentException("pmHours needs pmIntervalHours > 0");
        if (shutdownDays < 0 || shutdownDays > 60) throw new IllegalArgumentException("shutdownDays must be in 0..60, was " + shutdownDays);
        if (shutdownDays > 0 && shutdownStart == null) throw new IllegalArgumentException("shutdownStart is required when shutdownDays > 0");
        if (shutdownDays == 0) shutdownStart = null;
    }

    public boolean hasPm() { return pmIntervalHours > 0; }

    public boolean hasShutdown() { return shutdownDays > 0; }

    /** Share of a unit's calendar time in PM (pmHours / pmIntervalHours). */
    public double pmShare() { return hasPm() ? pmHours / pmIntervalHours : 0; }

    public long pmIntervalMs() { return Math.round(pmIntervalHours * HOUR_MS); }

    public long pmMs() { return Math.round(pmHours * HOUR_MS); }

    /** The first PM window start of unit {@code unit} of {@code units} at or after {@code epochMs}; MAX_VALUE without PM. */
    public long nextPmStart(int unit, int units, long epochMs) {
        if (!hasPm()) return Long.MAX_VALUE;
        long interval = pmIntervalMs();
        long first = PM_ANCHOR_EPOCH_MS + interval * unit / units;
        if (epochMs <= first) return first;
        long k = Math.floorDiv(epochMs - first + interval - 1, interval);
        return first + k * interval;
    }

    /** Whether {@code epochMs} falls in an annual shutdown. */
    public boolean inShutdown(long epochMs) {
        if (!hasShutdown()) return false;
        int year = LocalDate.ofEpochDay(Math.floorDiv(epochMs, DAY_MS)).getYear();
        for (int y = year - 1; y <= year; y++) {
            long start = shutdownStartMs(y);
            if (epochMs >= start && epochMs < start + shutdownDays * DAY_MS) return true;
        }
        return false;
    }

    /** The next epoch millisecond strictly after {@code epochMs} at which a shutdown starts or ends; MAX_VALUE without one. */
    public long nextShutdownChange(long epochMs) {
        if (!hasShutdown()) return Long.MAX_VALUE;
        int year = LocalDate.ofEpochDay(Math.floorDiv(epochMs, DAY_MS)).getYear();
        for (int y = year - 1; y <= year + 1; y++) {
            long start = shutdownStartMs(y);
            if (start > epochMs) return start;
            long end = start + shutdownDays * DAY_MS;
            if (end > epochMs) return end;
        }
        throw new IllegalStateException("no shutdown change after " + epochMs);
    }

    private long shutdownStartMs(int year) {
        return shutdownStart.atYear(year).atTime(6, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}
