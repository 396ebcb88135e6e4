package org.ssbtwin.api.search;

import static org.junit.jupiter.api.Assertions.*;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.apache.pekko.util.ByteString;
import org.ssbtwin.core.query.FilterParser;
import org.ssbtwin.core.query.SortSpec;

/** Recall queries on the hand-written genealogy of {@link RecallGenealogy}, on H2 and on embedded PostgreSQL. */
class RecallGenealogyTest {
    static EmbeddedPostgres pg;
    static DataSource h2;
    static final ExecutorService executor = Executors.newSingleThreadExecutor();

    @BeforeAll
    static void fill() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:recall-genealogy;DB_CLOSE_DELAY=-1");
        h2 = ds;
        pg = EmbeddedPostgres.builder().start();
        ReadSidePopulation.migrate(h2, "h2");
        ReadSidePopulation.migrate(pg.getPostgresDatabase(), "postgresql");
        for (DataSource d : List.of(h2, pg.getPostgresDatabase())) {
            try (Connection c = d.getConnection()) {
                RecallGenealogy.insert(c);
            }
        }
    }

    @AfterAll
    static void stop() throws Exception {
        executor.shutdownNow();
        if (pg != null) pg.close();
    }

    static DataSource db(String name) {
        return name.equals("h2") ? h2 : pg.getPostgresDatabase();
    }

    /** Packs found (in order) with their listed matching cells, through the same code as the route. */
    static Map<String, List<String>> recall(String database, String q, String sort) throws Exception {
        SearchTables tables = new SearchTables(db(database), executor);
        SearchTables.Page page = tables.search(FilterParser.parse(q, RecallAttributes.SCHEMA), SortSpec.parse(sort, AssetAttributes.SCHEMA),
                null, 100, "fp").toCompletableFuture().get();
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (SearchTables.Hit h : page.items()) {
            assertEquals("pack", h.kind(), q);
            assertEquals(h.cells().size(), h.matchingCells());
            out.put(h.id(), h.cells().stream().map(SearchTables.MatchingCell::id).toList());
        }
        assertEquals(out.size(), page.count(), "count of " + q);
        return out;
    }

    static List<String> cells(int... no) {
        return java.util.Arrays.stream(no).mapToObj(RecallGenealogy::cellId).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void laminationUnitAndWindowWithSohBelow(String database) throws Exception {
        String q = "kind=pack and cell.laminationUnit=DK1-LAM-03 and cell.laminatedAt>=2029-03-01 and soh<0.85";
        // C2 laminated before the window, C3 on another unit; P2 and P4 too healthy; C10 in no pack
        assertEquals(Map.of("P-DK1-000001", cells(1), "P-DK1-000003", cells(5, 6)), recall(database, q, null));
        assertEquals(List.of("P-DK1-000001", "P-DK1-000003"), List.copyOf(recall(database, q, "-soh").keySet()));
        assertEquals(List.of("P-DK1-000003", "P-DK1-000001"), List.copyOf(recall(database, q, "soh").keySet()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void oneCellMustMatchEveryCellTerm(String database) throws Exception {
        // P1 has a LAM-01 cell (C3, -38) and a -50 cell (C2, LAM-03): not the same cell, so no pack
        assertEquals(Map.of(), recall(database, "cell.laminationUnit=DK1-LAM-01 and cell.dewPointC<-45", null));
        assertEquals(Map.of("P-DK1-000003", cells(5)), recall(database, "cell.laminationUnit=dk1-lam-03 and cell.dewPointC>-40", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void rollsAndTimeBounds(String database) throws Exception {
        assertEquals(Map.of("P-DK1-000001", cells(1, 3), "P-DK1-000003", cells(5)), recall(database, "kind=pack and cell.roll=R-CAT-0001", null));
        assertEquals(Map.of("P-DK1-000001", cells(1), "P-DK1-000003", cells(5)),
                recall(database, "kind=pack and cell.laminatedAt>=2029-03-01 and cell.laminatedAt<2029-03-03", null));
        assertEquals(Map.of("P-DK1-000001", cells(1), "P-DK1-000002", cells(4), "P-DK1-000003", cells(6), "P-DK1-000004", cells(8)),
                recall(database, "cell.laminationUnit=DK1-LAM-03 and cell.laminatedAt>=2029-03-01T00:00:01Z", null));
        assertEquals(Map.of("P-DK1-000003", cells(5, 6, 7)), recall(database, "cell.roll in (R-CAT-0003, R-CAT-0004)", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void campaignCsv(String database) throws Exception {
        SearchTables tables = new SearchTables(db(database), executor);
        String q = "kind=pack and cell.laminationUnit=DK1-LAM-03 and cell.laminatedAt>=2029-03-01 and soh<0.85";
        assertEquals(List.of(
                "P-DK1-000001,VF8-000001,VF8,IN_SERVICE,0.8000,HANOI,1,C-DK1-00000001",
                "P-DK1-000003,VF8-000003,VF8,IN_SERVICE,0.7000,HO_CHI_MINH_CITY,2,C-DK1-00000005 C-DK1-00000006"), csv(tables, q, 100));
        assertEquals(1, csv(tables, q, 1).size(), "bounded by limit");
        // no cell terms: every matching pack, no cells
        assertEquals(List.of("P-DK1-000004,,VF8,ASSEMBLED,1.0000,,0,"), csv(tables, "state=ASSEMBLED", 100));
        assertEquals(List.of(), csv(tables, "kind=cell", 100));
    }

    static List<String> csv(SearchTables tables, String q, int limit) throws Exception {
        RecallRoutes.Lines lines = new RecallRoutes.Lines(tables, FilterParser.parse(q, RecallAttributes.SCHEMA), limit);
        StringBuilder b = new StringBuilder();
        try {
            for (Optional<ByteString> chunk = lines.next(); chunk.isPresent(); chunk = lines.next()) b.append(chunk.get().utf8String());
        } finally {
            lines.close();
        }
        return b.isEmpty() ? List.of() : List.of(b.toString().split("\n"));
    }
}
