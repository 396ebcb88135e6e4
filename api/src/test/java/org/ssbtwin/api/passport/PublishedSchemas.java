package org.ssbtwin.api.passport;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The published schemas (test resources standards/, CC BY 4.0, see their README) and validation with networknt. */
public final class PublishedSchemas {
    private PublishedSchemas() {}

    public static final Schema BATTERY_PASS = load("standards/catenax-battery_pass-6.1.0-schema.json", SpecificationVersion.DRAFT_4);
    public static final Schema AAS = load("standards/aas-v3-schema.json", SpecificationVersion.DRAFT_2019_09);

    private static Schema load(String resource, SpecificationVersion version) {
        try (InputStream in = PublishedSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " missing");
            return SchemaRegistry.withDefaultDialect(version).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema's complaints about {@code json}, as text (empty: valid). */
    public static List<String> errors(Schema schema, String json) {
        return schema.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
    }
}
