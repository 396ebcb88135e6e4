/**
 * Fleet entities: the sharded, event-sourced {@code PackEntity}, a thin Pekko shell around
 * {@link org.ssbtwin.fleet.pack.Pack}, its ageing with the pack's real cells, and the migrations of older pack
 * snapshots.
 *
 * <p>The only Pekko code of the fleet module; the rules live in the model packages.
 */
package org.ssbtwin.fleet.entity;
