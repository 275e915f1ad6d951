package org.licenselifecycle.licensing.users;

import java.time.Duration;
import java.util.Optional;
import org.licenselifecycle.contract.graph.GraphErrorCodes;
import org.licenselifecycle.contract.graph.GraphException;

/**
 * directory-service could not be asked about a user (or group) licensing has not heard of yet ({@link DirectoryAnswers}:
 * unreachable, too slow, failing, or answering what cannot be read): Graph's 503 {@code serviceNotAvailable} with
 * {@code Retry-After}, which the Graph SDKs' retry handlers honour. Not a 404, which might be wrong: the user may well exist. Nothing changed.
 */
public class DirectoryUnavailable extends GraphException {

    private final Duration retryAfter;

    /** @param subject whom or what directory was to be asked about, with the pronoun that follows it */
    DirectoryUnavailable(String subject, Duration retryAfter, Throwable cause) {
        super(503, GraphErrorCodes.SERVICE_UNAVAILABLE, "The directory could not be asked about " + subject
                + " the license service has not heard of yet; nothing was changed. Try again.");
        this.retryAfter = retryAfter;
        if (cause != null) {
            initCause(cause);
        }
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.of(retryAfter);
    }
}
