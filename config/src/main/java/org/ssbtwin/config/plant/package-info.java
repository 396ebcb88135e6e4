/**
 * Loads a bundled or user plant layout (HOCON {@code plant { ... }}, e.g. {@code plant/dunkirk.conf}) into the plant's
 * immutable layout records, naming every invalid field path.
 *
 * <p>Depends on the plant model; no Pekko.
 */
package org.ssbtwin.config.plant;
