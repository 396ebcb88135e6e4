package org.ssbtwin.api.passport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where an export puts passports: one file per pack, {@code <out>/<packId>.json}, the passport document as served
 * (compact JSON). Shared by {@code twin passport export} and {@code twin passport bench}.
 */
public final class PassportFiles {
    private static final Pattern SAFE_ID = Pattern.compile("P-[A-Z0-9]{2,8}-[0-9]{6,12}");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Path out;

    public PassportFiles(Path out) {
        try {
            this.out = Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + out, e);
        }
    }

    public Path dir() {
        return out;
    }

    /** Writes one passport (its pack id from identification.idDmc); returns the bytes written. */
    public int write(JsonNode passport) {
        String id = passport.at("/identification/idDmc").asText("");
        if (!SAFE_ID.matcher(id).matches()) throw new IllegalArgumentException("not a passport of a pack: identification.idDmc is '" + id + "'");
        Path file = out.resolve(id + ".json");
        try {
            byte[] json = MAPPER.writeValueAsBytes(passport);
            Files.write(file, json);
            return json.length;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Writes one NDJSON line (a passport as the export endpoint sends it). */
    public int writeLine(String line) {
        try {
            return write(MAPPER.readTree(line));
        } catch (IOException e) {
            throw new IllegalArgumentException("a line of the export is not JSON: " + e.getMessage(), e);
        }
    }
}
