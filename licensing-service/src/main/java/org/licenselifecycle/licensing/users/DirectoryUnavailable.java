package org.licenselifecycle.licensing.users;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.licenselifecycle.contract.graph.GraphErrorCodes;
import org.licenselifecycle.contract.graph.GraphException;

/**
 * directory-service could not be asked about a user (or group) licensing has not heard of yet (unreachable, too slow, or
 * failing): Graph's 503 {@code serviceNotAvailable} with {@code Retry-After}, which the Graph SDKs' retry handlers
 * honour. Not a 404, which might be wrong: the user may well exist. Nothing changed.
 */
public class DirectoryUnavailable extends GraphException {

    private final Duration retryAfter;

    DirectoryUnavailable(String user, Duration retryAfter, Throwable cause) {
        this("user '" + user + "', whom", retryAfter, cause, true);
    }

    private DirectoryUnavailable(String what, Duration retryAfter, Throwable cause, boolean named) {
        super(503, GraphErrorCodes.SERVICE_UNAVAILABLE, "The directory could not be asked about " + what
                + " the license service has not heard of yet; nothing was changed. Try again.");
        this.retryAfter = retryAfter;
        if (cause != null) {
            initCause(cause);
        }
    }

    /** The same, about a group licensing has not heard of yet ({@code UnheardGroups}). */
    public static DirectoryUnavailable aboutGroup(UUID groupId, Duration retryAfter, Throwable cause) {
        return new DirectoryUnavailable("group '" + groupId + "', which", retryAfter, cause, true);
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.of(retryAfter);
    }
}
