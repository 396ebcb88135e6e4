/**
 * One twin node and its command line: {@link org.ssbtwin.api.TwinServer} wires persistence, cluster and sharding, the
 * read side, the built-in simulation and the HTTP API; {@link org.ssbtwin.api.TwinMain} is the {@code twin} CLI
 * ({@code serve} by default).
 *
 * <p>The runtime module: may use every other module except bench.
 */
package org.ssbtwin.api;
