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

    /** @param subject whom or what directory was to be asked about, with the pronoun that follows it */
    private DirectoryUnavailable(String subject, Duration retryAfter, Throwable cause) {
        super(503, GraphErrorCodes.SERVICE_UNAVAILABLE, "The directory could not be asked about " + subject
                + " the license service has not heard of yet; nothing was changed. Try again.");
        this.retryAfter = retryAfter;
        if (cause != null) {
            initCause(cause);
        }
    }

    /** About a user licensing has not heard of yet ({@link UnheardUsers}). */
    static DirectoryUnavailable aboutUser(String user, Duration retryAfter, Throwable cause) {
        return new DirectoryUnavailable("user '" + user + "', whom", retryAfter, cause);
    }

    /** The same, about a group licensing has not heard of yet ({@code UnheardGroups}). */
    public static DirectoryUnavailable aboutGroup(UUID groupId, Duration retryAfter, Throwable cause) {
        return new DirectoryUnavailable("group '" + groupId + "', which", retryAfter, cause);
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.of(retryAfter);
    }
}
