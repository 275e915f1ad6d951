package org.licenselifecycle.licensing.users;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;

/**
 * The one way licensing asks directory-service about a user ({@link UnheardUsers}) or a group ({@code UnheardGroups})
 * it has not heard of yet: with the caller's token, so that directory answers within the caller's tenant, and with
 * {@link DirectoryConfig}'s short timeouts. directory's 404 is "no such one" (empty); anything else that is not an
 * answer (unreachable, too slow, failing, an answer that cannot be read) is {@link DirectoryUnavailable}, Graph's 503
 * with Retry-After, never a 404 that may be wrong.
 */
@ApplicationScoped
public class DirectoryAnswers {

    private static final Logger LOG = Logger.getLogger(DirectoryAnswers.class);

    /** Reads directory's answer; throws when it is not what was asked about. */
    @FunctionalInterface
    public interface Reading<T> {
        T read(String answer) throws Exception;
    }

    private final DirectoryConfig config;
    private final DirectoryClient directory;

    DirectoryAnswers(DirectoryConfig config) {
        this.config = config;
        this.directory = QuarkusRestClientBuilder.newBuilder()
                .baseUri(config.url())
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .build(DirectoryClient.class);
    }

    /**
     * directory's answer about the active user named {@code user} (an id or a userPrincipalName); empty when none, or
     * without a caller's token to ask with.
     */
    public <T> Optional<T> user(String user, String bearer, Reading<T> reading) {
        return ask("user '" + user + "', whom", bearer, authorization -> directory.user(authorization, user), reading);
    }

    /** directory's answer about the group of the caller's tenant with this id; empty when none. */
    public <T> Optional<T> group(UUID groupId, String bearer, Reading<T> reading) {
        return ask("group '" + groupId + "', which", bearer,
                authorization -> directory.group(authorization, groupId.toString()), reading);
    }

    /** @param subject whom or what directory is asked about, with the pronoun that follows it in the 503 */
    private <T> Optional<T> ask(String subject, String bearer, UnaryOperator<String> question, Reading<T> reading) {
        if (bearer == null) {
            return Optional.empty();
        }
        String answer;
        try {
            answer = question.apply("Bearer " + bearer);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw unavailable(subject, "answered " + e.getResponse().getStatus(), e);
        } catch (ProcessingException e) {
            throw unavailable(subject, "could not be reached in time", e);
        }
        try {
            return Optional.of(reading.read(answer));
        } catch (Exception e) {
            throw unavailable(subject, "answered what cannot be read", e);
        }
    }

    private DirectoryUnavailable unavailable(String subject, String what, Throwable cause) {
        LOG.warnf("directory-service (%s) %s when asked about %s: %s", config.url(), what, subject, cause);
        return new DirectoryUnavailable(subject, config.retryAfter(), cause);
    }
}
