package org.ssbtwin.core.time;

import java.time.Instant;

/**
 * The twin's notion of "now". Domain code never reads the wall clock: it is handed a {@code TwinClock}
 * (or the instant it returns), so a simulated plant-year and a unit test run on the same rules.
 */
public interface TwinClock {
    /** The current virtual instant. */
    Instant now();

    /** How many virtual seconds pass per wall-clock second (1 = real time). */
    double speedUp();
}
