package org.licenselifecycle.console.services;

/**
 * A service refused or failed a call. {@link #getMessage()} is what the page shows: the message of Graph's
 * error envelope when the service sent one, otherwise a sentence in plain words, never the raw body.
 */
public class ServiceError extends RuntimeException {

    private final int status;
    private final String code;

    public ServiceError(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
