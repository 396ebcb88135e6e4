package org.ssbtwin.api.jobs;

import java.util.List;
import org.ssbtwin.api.http.Json.FieldError;

/** A job request body was rejected; {@link #errors()} names every bad field (answered 400 by {@link JobResource}). */
public class InvalidJobRequestException extends IllegalArgumentException {
    private final List<FieldError> errors;

    /** @param subject what was rejected, as the message starts ("the study request", "the scenario") */
    protected InvalidJobRequestException(String subject, List<FieldError> errors) {
        super(subject + " has " + errors.size() + " invalid field(s): "
                + String.join("; ", errors.stream().map(FieldError::message).toList()));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
