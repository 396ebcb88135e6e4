/**
 * Plant model: how a completed cell was made, as the line simulation records it: each inlay's rolls, lamination unit,
 * temperature and dew point, and every station pass.
 *
 * <p>Plain immutable Java; depends on twin-core and the plant's cell and layout packages. No Pekko.
 */
package org.ssbtwin.plant.genealogy;
