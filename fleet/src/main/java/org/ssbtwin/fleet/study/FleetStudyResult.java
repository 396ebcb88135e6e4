package org.ssbtwin.fleet.study;

import java.util.List;
import java.util.Optional;

/**
 * Result of a fleet study (plain record, serialisable with Jackson).
 *
 * @param packs packs simulated
 * @param years service years per pack
 * @param seed study seed
 * @param startDate study start date (ISO)
 * @param cellQuality label of the cell quality source
 * @param packDays pack-days simulated
 * @param rows per (cohort, year) statistics, ordered by cohort then year
 */
public record FleetStudyResult(int packs, int years, long seed, String startDate, String cellQuality,
                               long packDays, List<CohortYearStats> rows) {
    public FleetStudyResult {
        rows = List.copyOf(rows);
    }

    /** The row of a cohort in a year, if the cohort has packs. */
    public Optional<CohortYearStats> find(String dimension, String cohort, int year) {
        for (CohortYearStats r : rows) {
            if (r.year() == year && r.dimension().equals(dimension) && r.cohort().equals(cohort)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** Whole-fleet row for a year. */
    public CohortYearStats fleet(int year) {
        return find(FleetStudy.DIM_ALL, FleetStudy.DIM_ALL, year).orElseThrow();
    }

    /** CSV with header, Locale.ROOT number formatting. */
    public String toCsv() {
        StringBuilder sb = new StringBuilder(CohortYearStats.CSV_HEADER).append('\n');
        for (CohortYearStats r : rows) {
            sb.append(r.toCsvRow()).append('\n');
        }
        return sb.toString();
    }
}
