/**
 * The manufacturing-to-field link: {@link org.ssbtwin.core.quality.ManufacturingFactors} (how a cell was made, reduced
 * to what scales its ageing) and the compact per-pack views of its cells' factors.
 *
 * <p>Plain immutable Java; depends only on {@code org.ssbtwin.core.id}. No Pekko.
 */
package org.ssbtwin.core.quality;
