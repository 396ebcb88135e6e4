/**
 * Change notifications: the live stream of asset changes the read side folds, served as Server-Sent Events and
 * WebSocket frames on {@code /api/v1/events}, filtered with the search language, with replay by last event id.
 *
 * <p>Pekko HTTP and Streams over {@code org.ssbtwin.api.readside}.
 */
package org.ssbtwin.api.events;
