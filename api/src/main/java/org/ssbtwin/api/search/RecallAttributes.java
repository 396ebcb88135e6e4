package org.ssbtwin.api.search;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ssbtwin.core.query.AttrType;
import org.ssbtwin.core.query.AttributeSchema;

/**
 * The attributes of a search on the read-side tables: those of {@link AssetAttributes} plus the recall attributes
 * {@code cell.*} of a pack's cells (genealogy: lamination unit and time, the rolls the inlays were cut from, dew point,
 * lamination temperature, lot, grade). A pack matches when one of its cells satisfies every top-level {@code and}
 * term naming {@code cell.*}; docs/SEARCH.md. They filter, they do not sort (a pack has many cells).
 */
public final class RecallAttributes {
    private RecallAttributes() {}

    public static final String PREFIX = "cell.";

    /** Filter attributes of the table search; sort keys stay those of {@link AssetAttributes#SCHEMA}. */
    public static final AttributeSchema SCHEMA;

    static {
        Map<String, AttrType> t = new LinkedHashMap<>();
        for (String name : AssetAttributes.SCHEMA.names()) t.put(name, AssetAttributes.SCHEMA.type(name));
        t.put(PREFIX + "id", AttrType.STRING);
        t.put(PREFIX + "laminationUnit", AttrType.STRING);
        t.put(PREFIX + "laminatedAt", AttrType.TIME);
        t.put(PREFIX + "roll", AttrType.STRING);
        t.put(PREFIX + "dewPointC", AttrType.NUMBER);
        t.put(PREFIX + "laminationTemperatureC", AttrType.NUMBER);
        t.put(PREFIX + "lotId", AttrType.STRING);
        t.put(PREFIX + "grade", AttrType.STRING);
        SCHEMA = new AttributeSchema(t, AssetAttributes.SCHEMA.aliases());
    }
}
