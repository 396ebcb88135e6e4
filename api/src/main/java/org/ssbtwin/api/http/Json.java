package org.ssbtwin.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;

/** JSON bodies of the API, including RFC 7807 problem details ({@code application/problem+json}). */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new Jdk8Module())
            .registerModule(new ParameterNamesModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // a body is one JSON value: {"value":121} xyz is refused, not read as {"value":121}
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public static final ContentType PROBLEM_JSON = ContentTypes.create(
            MediaTypes.applicationWithFixedCharset("problem+json", org.apache.pekko.http.javadsl.model.HttpCharsets.UTF_8));

    private Json() {}

    public static byte[] bytes(Object body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise response " + body.getClass().getName(), e);
        }
    }

    public static HttpResponse ok(Object body) {
        return response(StatusCodes.OK, body);
    }

    public static HttpResponse response(StatusCode status, Object body) {
        return HttpResponse.create().withStatus(status).withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, bytes(body)));
    }

    /** One field-level error inside a problem. */
    public record FieldError(String field, String message) {}

    /**
     * An RFC 7807 problem: {@code type} is a URI reference naming the kind of problem (relative, under
     * {@code /problems/}), {@code title} its short summary, {@code detail} what went wrong this time.
     */
    public static HttpResponse problem(StatusCode status, String slug, String title, String detail, String instance,
                                       List<?> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "/problems/" + slug);
        body.put("title", title);
        body.put("status", status.intValue());
        body.put("detail", detail);
        if (instance != null) body.put("instance", instance);
        if (errors != null && !errors.isEmpty()) body.put("errors", errors);
        return HttpResponse.create().withStatus(status).withEntity(HttpEntities.create(PROBLEM_JSON, bytes(body)));
    }

    public static HttpResponse badRequest(String detail, String instance, List<?> errors) {
        return problem(StatusCodes.BAD_REQUEST, "invalid-request", "The request is invalid", detail, instance, errors);
    }

    public static HttpResponse notFound(String detail, String instance) {
        return problem(StatusCodes.NOT_FOUND, "not-found", "No such resource", detail, instance, null);
    }
}
