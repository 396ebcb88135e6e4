package org.ssbtwin.api.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.util.List;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.MediaType;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;

/**
 * How request bodies are read: only in the media types the OpenAPI document declares (another Content-Type is
 * rejected, and the rejection handler answers 415 as a problem), as one JSON value with nothing after it, with JSON
 * types kept (a number or boolean is not a string), and with parse errors described in JSON terms (field path and
 * expected JSON type, never a Java class name).
 */
public final class RequestBodies {
    /** {@code application/x-ndjson}: one JSON value per line (telemetry). */
    public static final MediaType NDJSON = MediaTypes.applicationWithOpenCharset("x-ndjson");

    /** A JSON body as text; any other Content-Type is rejected (415). */
    public static final Unmarshaller<HttpEntity, String> JSON_TEXT =
            Unmarshaller.forMediaType(MediaTypes.APPLICATION_JSON, Unmarshaller.entityToString());

    /** An NDJSON body as text (a single JSON record as {@code application/json} too); else rejected (415). */
    public static final Unmarshaller<HttpEntity, String> NDJSON_TEXT =
            Unmarshaller.forMediaTypes(List.of(NDJSON, MediaTypes.APPLICATION_JSON), Unmarshaller.entityToString());

    /**
     * The API's mapper for bodies bound to classes: no coercion of JSON numbers or booleans into text (so
     * {@code "recordId": true} is refused), no text into numbers or booleans, no trailing content.
     */
    public static final ObjectMapper STRICT = strict(Json.MAPPER.copy());

    private RequestBodies() {
    }

    private static ObjectMapper strict(ObjectMapper m) {
        m.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        m.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        for (LogicalType numeric : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            m.coercionConfigFor(numeric).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        return m;
    }

    /** What is wrong with a body that Jackson could not read, in JSON terms: the field path and the expected type. */
    public static String describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field '" + u.getPropertyName() + "' at " + path(u);
        }
        if (e instanceof InvalidFormatException f) {
            return path(f) + " must be " + jsonType(f.getTargetType()) + ", was " + f.getValue();
        }
        if (e instanceof MismatchedInputException m) {
            String message = String.valueOf(m.getOriginalMessage());
            if (message.startsWith("Trailing token")) {
                return "unexpected content after the JSON value (one JSON value per body)";
            }
            if (m.getPath().isEmpty()) {
                return m.getTargetType() == null ? "the body is not the expected JSON value"
                        : "the body must be " + jsonType(m.getTargetType());
            }
            return path(m) + " must be " + (m.getTargetType() == null ? "of another JSON type" : jsonType(m.getTargetType()));
        }
        if (e instanceof JsonParseException || e instanceof StreamConstraintsException) {
            return "not valid JSON: " + e.getOriginalMessage().replaceAll("`[a-zA-Z0-9_.$<>, ]+`", "a value");
        }
        return "not valid JSON";
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (!sb.isEmpty()) sb.append('.');
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "the body" : sb.toString();
    }

    /** The JSON type that a Java type is read from. */
    static String jsonType(Class<?> type) {
        if (type == null) return "of another JSON type";
        if (CharSequence.class.isAssignableFrom(type) || type.isEnum() || java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) return "true or false";
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) return "a number";
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) return "an array";
        return "an object";
    }
}
