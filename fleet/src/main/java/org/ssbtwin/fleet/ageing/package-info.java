/**
 * Fleet model: the semi-empirical solid-state cell ageing model applied to a pack's series cells (each scaled by its
 * manufacturing factors), the live pack's ageing state and its persisted form, SoH projection and warranty terms.
 *
 * <p>Equations and parameter sources in docs/ssb-ageing-model.md. Plain Java; depends on twin-core only. No Pekko.
 */
package org.ssbtwin.fleet.ageing;
