/**
 * What-if scenarios over HTTP: request parsing, the live base copied from the read side, scenario jobs on the shared
 * job runner, their views and charts, and the {@code /api/v1/scenarios} routes.
 *
 * <p>The engine itself is the plain-Java {@code org.ssbtwin.fleet.whatif}.
 */
package org.ssbtwin.api.scenario;
