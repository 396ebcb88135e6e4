package org.ssbtwin.feed.mes;

import java.util.Map;

/**
 * One record from a manufacturing execution system, as received (fields may be missing or wrong; the
 * {@link MesBatchValidator} says which). Types:
 * <ul>
 *   <li>{@code reading}: live readings of a station ({@code station}, {@code at}, {@code readings})</li>
 *   <li>{@code station-state}: a station changed state ({@code station}, {@code at}, {@code state}, {@code reason})</li>
 *   <li>{@code cell-passed}: a cell passed a station ({@code cell}, {@code station}, {@code at}, {@code step},
 *       {@code result} pass|fail, {@code measurements})</li>
 * </ul>
 */
public record MesRecord(
        String recordId,
        String type,
        String station,
        String cell,
        String at,
        Map<String, Double> readings,
        String state,
        String reason,
        String step,
        String result,
        Map<String, Double> measurements) {}
