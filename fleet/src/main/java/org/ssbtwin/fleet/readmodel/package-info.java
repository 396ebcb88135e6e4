/**
 * Fleet model of the durable read side: one pack as a row of {@code fleet_pack} folded from its events, cohort
 * dimensions, SoH periods and the nearest-rank SoH statistics the fleet queries answer with.
 *
 * <p>Plain Java (no JDBC, no Pekko); the projection and its tables are in {@code org.ssbtwin.api.readside}.
 */
package org.ssbtwin.fleet.readmodel;
