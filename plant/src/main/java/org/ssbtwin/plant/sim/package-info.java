/**
 * Plant model: the deterministic discrete-event simulation of the line (event calendar, station units, buffers,
 * failures, shifts, ramp-up) that reports {@link org.ssbtwin.plant.sim.PlantEvent}s and line KPIs; same layout and
 * seed, same events.
 *
 * <p>Single-threaded plain Java; no Pekko.
 */
package org.ssbtwin.plant.sim;
