package org.ssbtwin.fleet.readmodel;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The bucket of the SoH distribution over virtual time: calendar month ({@code 2031-01}) or year ({@code 2031}), UTC. */
public enum Period {
    MONTH("month"),
    YEAR("year");

    private final String parameter;

    Period(String parameter) {
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    /** The month key ({@code yyyy-MM}, UTC) of an instant; the read model stores one SoH per pack and month. */
    public static String monthOf(Instant at) {
        return YearMonth.from(at.atOffset(ZoneOffset.UTC)).toString();
    }

    /** The bucket of a month key ({@code yyyy-MM}): itself for MONTH, its year for YEAR. */
    public String bucketOfMonth(String month) {
        return this == MONTH ? month : month.substring(0, 4);
    }

    public static Optional<Period> fromParameter(String value) {
        return Arrays.stream(values()).filter(p -> p.parameter.equals(value)).findFirst();
    }

    public static List<String> parameters() {
        return Arrays.stream(values()).map(Period::parameter).toList();
    }
}
