package org.ssbtwin.fleet.ageing.reference;

/**
 * A constant operating condition at which a model's rates can be evaluated (the form of BLAST-Lite's
 * Appendix-B unit checks): cell temperature, SOC, depth of discharge, time-averaged C-rate and discharge C-rate.
 *
 * @param temperatureC cell temperature, degC
 * @param soc state of charge, fraction 0..1 (constant over the condition)
 * @param dod depth of discharge, fraction 0..1 (a chunk scalar in BLAST)
 * @param crate time-averaged C-rate, 1/h (used by the LFP model)
 * @param dischargeCrate discharge C-rate, 1/h (used by the LG M50 model)
 */
public record RateCondition(double temperatureC, double soc, double dod, double crate, double dischargeCrate) {
}
