/**
 * An asset's past from its journal: its events page by page, its state at a revision or a virtual time (a short-lived
 * read-only recovery) and a pack's SoH history.
 *
 * <p>Pekko Persistence Query and typed persistence; read-only.
 */
package org.ssbtwin.api.history;
