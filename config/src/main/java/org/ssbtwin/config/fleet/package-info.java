/**
 * Loads a bundled or user fleet spec (HOCON {@code fleet { ... }}, e.g. {@code fleet/vinfast-vn.conf}) into a
 * {@link org.ssbtwin.fleet.usage.FleetSpec}, naming every invalid field path.
 *
 * <p>Depends on the fleet model; no Pekko.
 */
package org.ssbtwin.config.fleet;
