package org.ssbtwin.fleet.usage;

import java.time.LocalDate;

/**
 * The production lot a pack's cells come from: cells of one pack share lot-level setpoints (lamination
 * temperature, dry-room dew point), cell-to-cell scatter is added by {@link CellQualitySource#nextCell}.
 */
public record PackLot(LocalDate productionDate, double laminationTemperatureC, double dewPointC) {
}
