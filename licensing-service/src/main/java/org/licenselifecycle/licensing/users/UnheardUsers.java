package org.licenselifecycle.licensing.users;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.licenselifecycle.contract.graph.ObjectIds;
import org.licenselifecycle.events.EventJson;
import org.licenselifecycle.events.MalformedEventException;
import org.licenselifecycle.events.UserUpdated;

/**
 * Users licensing has not heard of yet. Licensing learns of users from directory-service's events, which reach it a
 * moment after the user is created (outbox relay, Kafka: tens of milliseconds, at times a second or more), so a
 * script that creates a user and licenses them in its next call would meet a 404. Instead licensing asks the owner
 * of users, directory-service, with the caller's token, and folds the answer into the read model as the
 * UserUpdated it is ({@link DirectoryUsers}, the same rules as the events, which then apply in any order).
 *
 * <p>Asked only about what the read model cannot answer: a userPrincipalName no active user holds here, or an id it
 * never heard of. An id it knows (deleted, purged, another tenant's) stays answered from the read model. A user
 * directory does not know stays a 404; when directory cannot be asked, 503 with Retry-After ({@link
 * DirectoryUnavailable}), never a 404 that may be wrong.
 */
@ApplicationScoped
public class UnheardUsers {

    private static final Logger LOG = Logger.getLogger(UnheardUsers.class);

    private final DirectoryUsers users;
    private final DirectoryConfig config;
    private final DirectoryClient directory;

    UnheardUsers(DirectoryUsers users, DirectoryConfig config) {
        this.users = users;
        this.config = config;
        this.directory = QuarkusRestClientBuilder.newBuilder()
                .baseUri(config.url())
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .build(DirectoryClient.class);
    }

    /**
     * Asks directory-service about the user of {@code tenantId} named {@code user} (an id or a userPrincipalName),
     * unless the read model can answer, and records what it says in the read model.
     *
     * @param bearer the caller's token, with which directory answers within the caller's tenant
     * @return whether the request that did not find the user should run again: directory's answer is recorded, or
     *         the read model holds the id now (its event arrived meanwhile, or it names a deleted user or another
     *         tenant's, which the read model answers)
     * @throws DirectoryUnavailable when directory-service cannot be asked
     */
    public boolean learn(UUID tenantId, String user, String bearer) {
        Optional<UUID> id = ObjectIds.of(user);
        if (id.isPresent() && DirectoryUser.findByIdOptional(id.get()).isPresent()) {
            return true;
        }
        if (bearer == null) {
            return false;
        }
        Optional<UserUpdated> answer = ask(user, bearer);
        if (answer.isEmpty()) {
            return false;
        }
        if (!answer.get().tenantId().equals(tenantId)) {
            LOG.warnf("directory-service answered user %s of tenant %s to a caller of tenant %s: ignored",
                    answer.get().userId(), answer.get().tenantId(), tenantId);
            return false;
        }
        record(answer.get());
        LOG.debugf("Heard of user %s from directory-service before its events", answer.get().userId());
        return true;
    }

    private Optional<UserUpdated> ask(String user, String bearer) {
        try {
            return Optional.of(EventJson.read(directory.snapshot("Bearer " + bearer, user), UserUpdated.class));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw unavailable(user, "answered " + e.getResponse().getStatus(), e);
        } catch (ProcessingException e) {
            throw unavailable(user, "could not be reached in time", e);
        } catch (MalformedEventException e) {
            throw unavailable(user, "answered what is not a UserUpdated", e);
        }
    }

    private DirectoryUnavailable unavailable(String user, String what, Throwable cause) {
        LOG.warnf("directory-service (%s) %s when asked about user %s: %s", config.url(), what, user, cause.toString());
        return DirectoryUnavailable.aboutUser(user, config.retryAfter(), cause);
    }

    /**
     * Folds the answer in as the UserUpdated it is, at its time. The user's UserCreated may be applied at the same
     * moment: the two take turns on the user's id ({@link UserRows#lock}).
     */
    private void record(UserUpdated answer) {
        QuarkusTransaction.requiringNew().run(() -> users.updated(answer, answer.updatedAt()));
    }
}
