/**
 * The twin's typed, validated settings (the {@code twin} block of the configuration: HTTP, database, cluster, read
 * side, auth, MQTT, studies, scenarios); a wrong value is a {@link org.ssbtwin.core.config.ConfigException} naming its key.
 *
 * <p>Depends on Typesafe Config and the model modules' value types; no Pekko.
 */
package org.ssbtwin.config;
import org.ssbtwin.core.config.ConfigException;
