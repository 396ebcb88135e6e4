package org.ssbtwin.api.http;

import org.apache.pekko.event.LoggingAdapter;
import org.apache.pekko.http.ParsingErrorHandler;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.scaladsl.model.ErrorInfo;
import org.apache.pekko.http.scaladsl.model.StatusCode;
import org.apache.pekko.http.scaladsl.settings.ServerSettings;

/**
 * Answers the requests that Pekko HTTP refuses before any route sees them (URI too long 414, headers too large 431,
 * too many headers or a bad {@code %} escape 400, an unknown method 501, ...) with an RFC 7807 problem like every
 * other error, instead of Pekko's plain text. Configured as {@code pekko.http.server.parsing.error-handler}; the
 * status stays Pekko's, and so does the summary (it names the limit, e.g. "URI length exceeds the configured limit
 * of 2048 characters"), never the request's own bytes beyond that.
 */
public final class ProblemParsingErrorHandler extends ParsingErrorHandler {
    public ProblemParsingErrorHandler() {
        // instantiated by Pekko HTTP from the configured class name
    }

    @Override
    public HttpResponse handle(StatusCode status, ErrorInfo info, LoggingAdapter log, ServerSettings settings) {
        log.warning("Illegal request, responding with status '{}': {}", status, info.summary());
        String slug = switch (status.intValue()) {
            case 413 -> "payload-too-large";
            case 414 -> "uri-too-long";
            case 431 -> "headers-too-large";
            case 501 -> "not-implemented";
            case 505 -> "http-version-not-supported";
            default -> "malformed-request";
        };
        return Json.problem(status, slug, status.reason(), info.summary(), null, null);
    }
}
