/**
 * Plant model: a production station of the line as the fold of its events (state, counters, time in each state,
 * process setpoints) and the line KPIs computed from the recorded facts.
 *
 * <p>Plain immutable Java on top of twin-core; no Pekko (the sharded shell is in {@code org.ssbtwin.plant.entity}).
 */
package org.ssbtwin.plant.station;
