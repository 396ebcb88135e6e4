/**
 * Fleet model: how vehicles are used: vehicle models, climates, driver archetypes, charging habits, thermal
 * management, the fleet mix and spec, and the seeded daily usage generator that turns them into ageing stressors.
 *
 * <p>Plain Java; depends on twin-core and {@code org.ssbtwin.fleet.ageing}. No Pekko.
 */
package org.ssbtwin.fleet.usage;
