/**
 * The battery design over the API and the CLI: {@code GET /api/v1/designs} and {@code twin designs} list the cell
 * and every pack architecture of {@code designs.conf} (see {@link org.ssbtwin.fleet.design.DesignCatalogue}).
 */
package org.ssbtwin.api.design;
