/**
 * The battery design, one source of truth: the cell the plant makes ({@link org.ssbtwin.fleet.design.CellDatasheet})
 * and, per vehicle model, the pack built from those cells ({@link org.ssbtwin.fleet.design.PackArchitecture}: cells in
 * series x parallel, CIM or CIP), read from the bundled {@code designs.conf} by
 * {@link org.ssbtwin.fleet.design.DesignCatalogue}. Pack energy is the sum of its cells' energy; pack capacity is that
 * of its weakest series element, each series element being its parallel cells (whose capacities add).
 *
 * <p>Plain Java, no Pekko; depends on twin-core (manufacturing factors) and the plant's cell design.
 * See docs/cells-and-packs.md.
 */
package org.ssbtwin.fleet.design;
