/**
 * The core REST routes under {@code /api/v1}: health and readiness, the clock, stations (with setpoints), cells (with
 * genealogy), packs (with health) and vehicles. Thin: each route parses its input, asks one entity through sharding or
 * the read side, and renders the answer.
 *
 * <p>Pekko HTTP over the plant and fleet entities and {@code org.ssbtwin.api.readside}.
 */
package org.ssbtwin.api.rest;
