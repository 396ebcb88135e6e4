/**
 * HTTP plumbing shared by every route under {@code /api/v1}: the {@link org.ssbtwin.api.http.ApiModule} contract of a
 * feature's routes, the dashboard and the assembled OpenAPI document, strict query parameters, JSON bodies and RFC
 * 7807 problem details.
 *
 * <p>Pekko HTTP + Jackson; no domain rules.
 */
package org.ssbtwin.api.http;
