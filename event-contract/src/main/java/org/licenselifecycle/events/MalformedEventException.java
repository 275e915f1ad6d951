package org.licenselifecycle.events;

/** An event that cannot be read: it belongs on a dead-letter topic, not in a retry loop. */
public class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
