/**
 * The MQTT telemetry connector (pekko-connectors-mqtt): vehicle telemetry at least once into the pack entities, dead
 * letters to a topic, and its status route.
 *
 * <p>Pekko Streams; checks messages exactly as the HTTP ingest does.
 */
package org.ssbtwin.api.connector;
