/**
 * Validated asset identifiers shared by the plant and the fleet (stations, rolls, inlays, cells, packs, vehicles),
 * each a record that parses its own text form.
 *
 * <p>Depends on nothing else in the twin; no Pekko.
 */
package org.ssbtwin.core.id;
