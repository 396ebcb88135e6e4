/**
 * {@code GET /api/v1/search}: the filter language of docs/SEARCH.md over the read side's summaries, and the searchable
 * attributes of stations, cells and packs.
 *
 * <p>Parsing and evaluation are in {@code org.ssbtwin.core.query}; this package adds the attribute views and the
 * route.
 */
package org.ssbtwin.api.search;
