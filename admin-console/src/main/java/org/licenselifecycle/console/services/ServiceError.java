package org.licenselifecycle.console.services;

import java.util.function.Supplier;
import org.licenselifecycle.contract.graph.GraphException;

/**
 * A service refused or failed a call: a {@link GraphException} as the console received it. {@link #getMessage()} is
 * what the page shows: the message of Graph's error envelope when the service sent one, otherwise a sentence in plain
 * words, never the raw body.
 */
public class ServiceError extends GraphException {

    public ServiceError(int status, String code, String message) {
        super(status, code, message);
    }

    /** The status a page answers with: a refusal keeps its status; a service's 5xx is the console's bad gateway. */
    public int pageStatus() {
        return status() >= 500 ? 502 : status();
    }

    /** What the call returns, or null when the service says it has no such thing (404). */
    public static <T> T nullWhenNotFound(Supplier<T> call) {
        try {
            return call.get();
        } catch (ServiceError e) {
            if (e.status() == 404) {
                return null;
            }
            throw e;
        }
    }
}
