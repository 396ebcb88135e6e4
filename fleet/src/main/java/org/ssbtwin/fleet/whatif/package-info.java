/**
 * Fleet model: what-if scenarios (plant and fleet changes, population, base) and the
 * {@link org.ssbtwin.fleet.whatif.ScenarioEngine} that runs baseline and scenario arms with common random numbers in a
 * sandbox of plain objects, and their comparison.
 *
 * <p>Uses the plant model (layout, physics, simulation) and the fleet model; no actors, no journal, no Pekko.
 */
package org.ssbtwin.fleet.whatif;
