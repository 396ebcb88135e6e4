/**
 * Loads what-if scenarios from HOCON files ({@code scenarios/*.conf}) or JSON objects of the same shape into a
 * validated {@link org.ssbtwin.fleet.whatif.Scenario}.
 *
 * <p>Depends on the fleet model and the fleet spec loader; no Pekko.
 */
package org.ssbtwin.config.scenario;
