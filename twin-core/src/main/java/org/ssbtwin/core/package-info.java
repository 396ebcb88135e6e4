/**
 * Shared kernel of every slice: the event-sourced asset contract ({@link org.ssbtwin.core.AssetState}: check a fact,
 * then apply it), the {@link org.ssbtwin.core.Rejection} that says why a fact was refused, and the
 * {@link org.ssbtwin.core.TwinSerializable} marker of every persisted or cross-node message.
 *
 * <p>Plain Java and Jackson annotations only: no Pekko, and nothing from the plant, fleet or api modules.
 */
package org.ssbtwin.core;
