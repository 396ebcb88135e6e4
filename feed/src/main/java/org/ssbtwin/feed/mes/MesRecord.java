package org.ssbtwin.feed.mes;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * One record from a manufacturing execution system, as received (fields may be missing or wrong; the
 * {@link MesBatchValidator} says which). Every record has {@code recordId}, {@code type} and {@code at} (ISO-8601
 * instant). Types (docs/api.md, "Feeding the twin"):
 * <ul>
 *   <li>{@code station-commissioned}: {@code station}, {@code kind}, {@code units}, {@code setpoints}</li>
 *   <li>{@code reading}: live readings of a station ({@code station}, {@code readings})</li>
 *   <li>{@code station-state}: a station changed state ({@code station}, {@code state}, {@code reason})</li>
 *   <li>{@code throughput}: units counted at a station over a period ({@code station}, {@code in}, {@code out},
 *       {@code scrapByCause})</li>
 *   <li>{@code cell-laminated}: a cell's first genealogy page ({@code cell}, {@code inlays}: inlay, rolls,
 *       laminationUnit, laminatedAt, laminationTemperatureC, dewPointC, capacityAh, resistanceMilliOhm)</li>
 *   <li>{@code cell-passed}: a cell passed a station ({@code cell}, {@code station}, {@code step}, {@code result}
 *       pass|fail, optional {@code resultText}: the station's own wording, kept in the genealogy instead of the bare
 *       pass/fail, {@code measurements})</li>
 *   <li>{@code cell-graded}: end-of-line grading ({@code cell}, {@code grade}, {@code capacityAh},
 *       {@code resistanceMilliOhm}, {@code selfDischargeMvPerWeek}, optional {@code factors})</li>
 *   <li>{@code cell-scrapped}: ({@code cell}, {@code station}, {@code cause})</li>
 *   <li>{@code cells-shipped}: a shipping lot left ({@code lot}, {@code origin}, {@code destination}, {@code cells})</li>
 *   <li>{@code pack-assembled}: ({@code pack}, {@code vehicleModel}, {@code cells} in series order, optional
 *       {@code nominalCapacityKwh})</li>
 *   <li>{@code pack-installed}: ({@code pack}, {@code vehicle}, {@code climate}, {@code archetype})</li>
 * </ul>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
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
        Map<String, Double> measurements,
        String kind,
        Integer units,
        Map<String, Double> setpoints,
        Long in,
        Long out,
        Map<String, Long> scrapByCause,
        List<Inlay> inlays,
        String grade,
        Double capacityAh,
        Double resistanceMilliOhm,
        Double selfDischargeMvPerWeek,
        Map<String, Double> factors,
        String cause,
        String lot,
        String origin,
        String destination,
        List<String> cells,
        String pack,
        String vehicleModel,
        Double nominalCapacityKwh,
        String vehicle,
        String climate,
        String archetype,
        String resultText) {

    /** The record types of the first MES format (reading, station-state, cell-passed): the other fields are null. */
    public MesRecord(String recordId, String type, String station, String cell, String at, Map<String, Double> readings,
                     String state, String reason, String step, String result, Map<String, Double> measurements) {
        this(recordId, type, station, cell, at, readings, state, reason, step, result, measurements, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }

    /** One laminated inlay of a {@code cell-laminated} record. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Inlay(String inlay, List<String> rolls, String laminationUnit, String laminatedAt,
                        Double laminationTemperatureC, Double dewPointC, Double capacityAh, Double resistanceMilliOhm) {}
}
