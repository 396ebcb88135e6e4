/**
 * Plant model: the layout of the line (stations in flow order with units, cycle times, failures, shifts, process
 * windows), ramp-up phases and learning curve, scrap causes and the process-physics parameters, as immutable values;
 * the bundled layouts as Java values.
 *
 * <p>Plain Java, every constant sourced (docs/domain.md) or marked assumed (docs/plant-model.md); no Pekko.
 */
package org.ssbtwin.plant.layout;
