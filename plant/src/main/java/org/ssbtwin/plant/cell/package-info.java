/**
 * Plant model: a finished cell as the fold of its events, from the lamination of its inlays through stacking,
 * formation and end-of-line test to its pack, with its genealogy, grade and the summary lists need; also the cell and
 * inlay design.
 *
 * <p>Plain immutable Java on top of twin-core; no Pekko.
 */
package org.ssbtwin.plant.cell;
