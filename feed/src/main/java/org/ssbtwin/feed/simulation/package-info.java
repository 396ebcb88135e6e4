/**
 * The simulator that drives a live twin: the simulated Dunkirk line making cells with their genealogy, packs assembled
 * from them and the simulated fleet's daily usage, as asset batches in virtual time; id sequences continue after a
 * restart.
 *
 * <p>Plain Java over the plant and fleet models; the actor that ticks it is {@code org.ssbtwin.api.SimulatedSource}.
 */
package org.ssbtwin.feed.simulation;
