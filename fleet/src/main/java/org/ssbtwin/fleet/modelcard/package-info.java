/**
 * The self-checking model card: every calibration target (BLAST-Lite parity, Geotab field bands, the seed's claims,
 * warranty statistics per fleet, the constants table) beside the model's value with PASS/FAIL. Plain Java, no Pekko;
 * it runs studies, so nothing in the model depends on it (the CLI and the API do).
 */
package org.ssbtwin.fleet.modelcard;
