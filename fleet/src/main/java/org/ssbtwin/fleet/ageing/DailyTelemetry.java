package org.ssbtwin.fleet.ageing;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A real vehicle's daily telemetry summary.
 *
 * @param date the day
 * @param km distance driven
 * @param dischargeKWh energy discharged (used when {@code efc} is NaN)
 * @param efc equivalent full cycles if the BMS reports them, else NaN
 * @param minSoc lowest SOC of the day (0..1)
 * @param maxSoc highest SOC of the day (0..1)
 * @param meanCellTempC mean cell temperature, degC
 * @param dcFastChargeKWh energy charged by DC fast charging
 * @param maxChargeC highest charge C-rate if known, else NaN (then 1.5 C assumed on DC days, AC charger power
 *        over rated energy otherwise)
 */
public record DailyTelemetry(LocalDate date, double km, double dischargeKWh, double efc, double minSoc,
                             double maxSoc, double meanCellTempC, double dcFastChargeKWh, double maxChargeC) {
    public DailyTelemetry {
        Objects.requireNonNull(date, "date");
        if (!(km >= 0) || !(dischargeKWh >= 0 || !Double.isNaN(efc)) || !(dcFastChargeKWh >= 0)) {
            throw new IllegalArgumentException("km, dischargeKWh, dcFastChargeKWh must be >= 0");
        }
        if (!(minSoc >= 0 && maxSoc <= 1 && minSoc <= maxSoc)) {
            throw new IllegalArgumentException("need 0 <= minSoc <= maxSoc <= 1, got " + minSoc + ".." + maxSoc);
        }
        if (!Double.isFinite(meanCellTempC)) {
            throw new IllegalArgumentException("meanCellTempC must be finite");
        }
    }
}
