/**
 * The REST API under {@code /api/v1}: the core routes (assets, ingest of telemetry and MES batches, dashboard,
 * OpenAPI), the {@link org.ssbtwin.api.http.ApiModule} contract of feature routes, strict query parameters and RFC
 * 7807 problem bodies.
 *
 * <p>Pekko HTTP + Jackson; routes are thin and ask entities or the read side.
 */
package org.ssbtwin.api.http;
