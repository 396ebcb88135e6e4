package org.ssbtwin.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ssbtwin.config.TwinSettings;

/**
 * Where the bytes of an H2 twin database go, per journal event: the file on disk, H2's own estimate of each table's
 * space ({@code DISK_SPACE_USED}, its pages with their indexes) grouped as journal (event_journal, event_tag), snapshots
 * and read side (every other table), and the stored size of the journal row's columns (payload, manifest, writer...).
 * The file figure is what {@code du} shows; the gap to the tables' sum is MVStore's unused space (chunks not yet
 * compacted).
 */
record H2DiskUse(long fileBytes, long journalRows, Map<String, Long> tableBytes, Map<String, Long> journalColumnBytes) {

    /** Tables grouped as the report prints them. */
    enum Part { JOURNAL, SNAPSHOTS, READ_SIDE }

    static Part partOf(String table) {
        String t = table.toLowerCase(Locale.ROOT);
        if (t.equals("event_journal") || t.equals("event_tag")) return Part.JOURNAL;
        if (t.equals("snapshot")) return Part.SNAPSHOTS;
        return Part.READ_SIDE;
    }

    long partBytes(Part part) {
        return tableBytes.entrySet().stream().filter(e -> partOf(e.getKey()) == part).mapToLong(Map.Entry::getValue).sum();
    }

    long tablesBytes() {
        return tableBytes.values().stream().mapToLong(Long::longValue).sum();
    }

    double perEvent(long bytes) {
        return journalRows > 0 ? bytes / (double) journalRows : Double.NaN;
    }

    /**
     * Measures an H2 database that may be open in this JVM (the node's own connection pool): the tables through a
     * new connection to the same URL, the files of {@code dataDir}.
     */
    static H2DiskUse measure(TwinSettings.Database db, Path dataDir) {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password()); Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("select table_name from information_schema.tables where table_schema = 'PUBLIC' "
                    + "and table_type = 'BASE TABLE' order by table_name")) {
                while (rs.next()) tables.add(rs.getString(1));
            }
            Map<String, Long> bytes = new LinkedHashMap<>();
            for (String t : tables) {
                try (ResultSet rs = st.executeQuery("call disk_space_used('PUBLIC.\"" + t.replace("\"", "\"\"") + "\"')")) {
                    rs.next();
                    bytes.put(t, rs.getLong(1));
                }
            }
            long rows;
            try (ResultSet rs = st.executeQuery("select count(*) from \"event_journal\"")) {
                rs.next();
                rows = rs.getLong(1);
            }
            Map<String, Long> columns = new LinkedHashMap<>();
            try (ResultSet rs = st.executeQuery("select sum(octet_length(\"event_payload\")), sum(octet_length(\"event_ser_manifest\")), "
                    + "sum(octet_length(\"persistence_id\")), sum(octet_length(\"writer\")), sum(octet_length(\"adapter_manifest\")) "
                    + "from \"event_journal\"")) {
                rs.next();
                columns.put("event_payload", rs.getLong(1));
                columns.put("event_ser_manifest", rs.getLong(2));
                columns.put("persistence_id", rs.getLong(3));
                columns.put("writer", rs.getLong(4));
                columns.put("adapter_manifest", rs.getLong(5));
            }
            try (ResultSet rs = st.executeQuery("select sum(octet_length(\"tag\")), count(*) from \"event_tag\"")) {
                rs.next();
                columns.put("event_tag.tag", rs.getLong(1));
            }
            return new H2DiskUse(fileBytes(dataDir), rows, bytes, columns);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot measure the H2 database " + db.url() + ": " + e.getMessage(), e);
        }
    }

    /** The size of the regular files under {@code dir} (the H2 database file and its temp files); -1 if unreadable. */
    static long fileBytes(Path dir) {
        try (var walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException | java.io.UncheckedIOException e) {
            return -1;
        }
    }

    String format() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "H2 on disk: %.1f MB for %d journal rows = %.0f bytes per event, all included%n",
                fileBytes / 1e6, journalRows, perEvent(fileBytes)));
        sb.append(String.format(Locale.ROOT, "  per event: journal %.0f B, snapshots %.0f B, read side %.0f B (H2 DISK_SPACE_USED, pages with "
                        + "their indexes), unused file space %.0f B%n",
                perEvent(partBytes(Part.JOURNAL)), perEvent(partBytes(Part.SNAPSHOTS)), perEvent(partBytes(Part.READ_SIDE)),
                perEvent(fileBytes - tablesBytes())));
        sb.append("  tables (bytes per event):");
        tableBytes.forEach((t, b) -> {
            if (b > 0) sb.append(String.format(Locale.ROOT, " %s %.0f", t, perEvent(b)));
        });
        sb.append('\n');
        sb.append("  journal columns stored (bytes per event):");
        journalColumnBytes.forEach((col, b) -> sb.append(String.format(Locale.ROOT, " %s %.0f", col, perEvent(b))));
        sb.append('\n');
        return sb.toString();
    }
}
