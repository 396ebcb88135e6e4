/**
 * Pure-Java port of the NREL BLAST-Lite 1.1.0 reference ageing models (semi-empirical Li-ion life models) and of
 * the BLAST-Lite simulation driver ({@code simulate_battery_life}): rainflow turning points, breakpoints, chunks
 * with BLAST's one-sample gap, SOC rescaling with capacity, per-chunk stressors, trapezoid time averaging of
 * rates and the equivalent-time state-update rules.
 *
 * <p>The port follows {@code docs/reference-ageing-models.md} and
 * {@code reference-duty-profiles.md}, which restate BLAST-Lite 1.1.0 (git {@code bae8c719}) as mathematics.
 * It deliberately keeps BLAST's NaN behaviour: when a sigmoid state passes its asymptote (Kokam LAM knee, LFP
 * calendar asymptote) the state, and from then on q and r, become NaN exactly as in BLAST. Nothing is clamped.
 *
 * <p>Entry points: {@link org.ssbtwin.fleet.ageing.reference.ReferenceModel#byName(String)},
 * {@link org.ssbtwin.fleet.ageing.reference.DutyProfile#byName(String)},
 * {@link org.ssbtwin.fleet.ageing.reference.ReferenceSimulator},
 * {@link org.ssbtwin.fleet.ageing.reference.ReferenceProfileRun#run(String, String, double)}.
 */
package org.ssbtwin.fleet.ageing.reference;
