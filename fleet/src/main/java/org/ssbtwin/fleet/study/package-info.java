/**
 * Fleet model: the Monte-Carlo fleet ageing study (every pack's cells, daily steps, years of service) and its
 * per-cohort, per-year statistics; the same spec and seed give the same numbers for any thread count.
 *
 * <p>Plain Java on worker threads it is given; no Pekko.
 */
package org.ssbtwin.fleet.study;
