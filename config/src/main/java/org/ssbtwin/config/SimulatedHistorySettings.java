package org.ssbtwin.config;

import com.typesafe.config.Config;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.ssbtwin.core.config.ConfigReader;

/**
 * How much history the embedded default's simulated plant and fleet bring along (keys under {@code twin.simulation}).
 * On a first start the plant has already run {@code history-days} since {@code twin.clock.start} (its start of
 * production): the twin's present is that much later, and the simulation catches the plant and its fleet up from
 * {@code clock.start} as fast as the journal records them, {@code catch-up-step-hours} of virtual time per step, then
 * runs live at {@code clock.speed-up}. After a restart it continues from the simulated line's latest recorded fact, so
 * an interrupted catch-up resumes where it stopped.
 *
 * @param days                   the simulated history on a first start (0: none, the plant starts at the clock's present)
 * @param catchUpStep            virtual time simulated and recorded per catch-up step (bounds one step's work)
 * @param readingInterval        how often the simulated stations sample their process readings (virtual time)
 */
public record SimulatedHistorySettings(int days, Duration catchUpStep, Duration readingInterval) {

    /** Absent keys keep the behaviour of builds before the catch-up: no history, readings every 30 min. */
    public static final SimulatedHistorySettings NONE = new SimulatedHistorySettings(0, Duration.ofDays(1), Duration.ofMinutes(30));

    public static SimulatedHistorySettings from(Config root) {
        ConfigReader c = ConfigReader.block(root, "twin");
        int days = c.integer("simulation.history-days", 0, 0, 36_500);
        int stepHours = c.integer("simulation.catch-up-step-hours", 24, 1, 24 * 31);
        int readingMinutes = c.integer("simulation.reading-interval-minutes", 30, 1, 24 * 60);
        c.throwIfProblems();
        return new SimulatedHistorySettings(days, Duration.ofHours(stepHours), Duration.ofMinutes(readingMinutes));
    }

    /** The twin's present on a first start: the plant's start plus the history. */
    public Instant present(Instant plantStart) {
        return plantStart.plus(Duration.ofDays(days));
    }

    /**
     * Where the simulated plant and fleet start: with a history, at the latest recorded fact (the plant's start on an
     * empty journal), never after the clock's present; without one, at the present.
     */
    public Instant simulationStart(Instant plantStart, Optional<Instant> latestRecorded, Instant present) {
        if (days == 0) return present;
        Instant from = latestRecorded.filter(t -> t.isAfter(plantStart)).orElse(plantStart);
        return from.isBefore(present) ? from : present;
    }
}
