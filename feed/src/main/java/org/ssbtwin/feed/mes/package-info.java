/**
 * The MES batch format: records of a manufacturing execution system as received, and the validator that checks a whole
 * batch (every field, known stations and cells, order) before anything is recorded.
 *
 * <p>Plain Java over the plant model; no Pekko.
 */
package org.ssbtwin.feed.mes;
