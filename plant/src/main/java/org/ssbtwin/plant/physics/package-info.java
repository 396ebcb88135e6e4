/**
 * Plant model: the process-physics model (pure functions) that turns process conditions (lamination temperature,
 * dry-room dew point, misalignment) into scrap, latent defects and each cell's manufacturing factors.
 *
 * <p>Every functional form and parameter is an assumption documented in docs/plant-model.md. Plain Java; no Pekko.
 */
package org.ssbtwin.plant.physics;
