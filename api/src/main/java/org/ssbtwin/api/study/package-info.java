/**
 * Fleet studies as background jobs: request validation, bundled and user fleet specs, study jobs and their views, the
 * SoH chart and summary table, and the {@code /api/v1/studies} routes.
 *
 * <p>The study itself is the plain-Java {@code org.ssbtwin.fleet.study}.
 */
package org.ssbtwin.api.study;
