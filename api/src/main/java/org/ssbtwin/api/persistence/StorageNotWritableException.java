package org.ssbtwin.api.persistence;

/** The node cannot write its data directory or journal database; the message is one line naming which and why. */
public final class StorageNotWritableException extends RuntimeException {
    public StorageNotWritableException(String message) {
        super(message, null, false, false);
    }
}
