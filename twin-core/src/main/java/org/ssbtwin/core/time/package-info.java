/**
 * Virtual time: the {@link org.ssbtwin.core.time.TwinClock} that domain code is handed instead of the wall clock
 * (accelerated for a live twin, manual for tests and batch runs) and ISO-8601 instant text.
 *
 * <p>Plain Java; no Pekko.
 */
package org.ssbtwin.core.time;
