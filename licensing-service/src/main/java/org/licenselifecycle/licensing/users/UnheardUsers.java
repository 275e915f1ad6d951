package org.licenselifecycle.licensing.users;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.licenselifecycle.contract.graph.ObjectIds;
import org.licenselifecycle.events.EventJson;
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
 * DirectoryAnswers}), never a 404 that may be wrong.
 */
@ApplicationScoped
public class UnheardUsers {

    private static final Logger LOG = Logger.getLogger(UnheardUsers.class);

    private final DirectoryUsers users;
    private final DirectoryAnswers directory;
    private final DirectoryUserRepository userRows;

    UnheardUsers(DirectoryUsers users, DirectoryAnswers directory, DirectoryUserRepository userRows) {
        this.userRows = userRows;
        this.users = users;
        this.directory = directory;
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
        if (id.isPresent() && userRows.find(id.get()).isPresent()) {
            return true;
        }
        Optional<UserUpdated> answer = directory.user(user, bearer, json -> EventJson.read(json, UserUpdated.class));
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

    /**
     * Folds the answer in as the UserUpdated it is, at its time. The user's UserCreated may be applied at the same
     * moment: the two take turns on the user's id ({@link UserRows#lock}).
     */
    private void record(UserUpdated answer) {
        QuarkusTransaction.requiringNew().run(() -> users.updated(answer, answer.updatedAt()));
    }
}
