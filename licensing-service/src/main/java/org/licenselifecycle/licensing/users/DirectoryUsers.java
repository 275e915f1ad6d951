package org.licenselifecycle.licensing.users;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.licenselifecycle.events.UserCreated;
import org.licenselifecycle.events.UserDeleted;
import org.licenselifecycle.events.UserLifecycle;
import org.licenselifecycle.events.UserPurged;
import org.licenselifecycle.events.UserRestored;
import org.licenselifecycle.events.UserUpdated;

/**
 * Applies directory-service's events to the users read model ({@link DirectoryUser}), whatever order they
 * arrive in, and frees or gives back licenses as users are deleted, restored and purged. Each event says what
 * its user was at its time ({@link UserLifecycle}): one older than the latest applied leaves the principal
 * name and the deletion alone (its details still count if no newer ones came); a deleted user said active
 * again, or deleted at another time, is restored first, as the UserRestored still on its way would have done.
 * A purged user stays purged. An event about a user of another tenant than the one licensing knows changes
 * nothing.
 */
@ApplicationScoped
public class DirectoryUsers {

    private static final Logger LOG = Logger.getLogger(DirectoryUsers.class);

    private final UserDeletionEffects deletions;
    private final UserRows rows;
    private final DirectoryUserRepository users;

    DirectoryUsers(UserDeletionEffects deletions, UserRows rows, DirectoryUserRepository users) {
        this.users = users;
        this.deletions = deletions;
        this.rows = rows;
    }

    /** @param at the event's time ({@code ce_time}) */
    @Transactional(Transactional.TxType.MANDATORY)
    public void created(UserCreated event, Instant at) {
        heard(event.tenantId(), event.userId(), event.userPrincipalName(), at, null).ifPresent(user -> {
            // a fact no later event changes: a UserCreated arriving late still brings it
            user.createdAt = event.createdAt();
            user.details(UserLifecycle.kept(at), event.displayName(), event.usageLocation(), event.accountEnabled());
            users.save(user);
        });
    }

    /** @param at the event's time ({@code ce_time}) */
    @Transactional(Transactional.TxType.MANDATORY)
    public void updated(UserUpdated event, Instant at) {
        heard(event.tenantId(), event.userId(), event.userPrincipalName(), at, null)
                .ifPresent(user -> {
                    user.details(UserLifecycle.kept(at), event.displayName(), event.usageLocation(), event.accountEnabled());
                    users.save(user);
                });
    }

    /** @param at the event's time ({@code ce_time}) */
    @Transactional(Transactional.TxType.MANDATORY)
    public void deleted(UserDeleted event, Instant at) {
        heard(event.tenantId(), event.userId(), event.userPrincipalName(), at, event.deletedAt()).ifPresent(users::save);
    }

    /** @param at the event's time ({@code ce_time}) */
    @Transactional(Transactional.TxType.MANDATORY)
    public void restored(UserRestored event, Instant at) {
        heard(event.tenantId(), event.userId(), event.userPrincipalName(), at, null).ifPresent(users::save);
    }

    /**
     * Frees what the user still holds and forgets them for good. The row stays (purged), so that an older
     * event of theirs arriving late cannot bring them back; a user never heard of is recorded purged too.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void purged(UserPurged event, Instant at) {
        Optional<DirectoryUser> found = locked(event.userId());
        if (found.isPresent() && !ofTenant(found.get(), event.tenantId())) {
            return;
        }
        DirectoryUser user = found.orElseGet(
                () -> DirectoryUser.heardOf(event.tenantId(), event.userId(), event.userPrincipalName(), at));
        if (user.purgedAt != null) {
            return;
        }
        if (found.isPresent()) {
            deletions.userPurged(user, event.purgedAt());
        }
        user.purged(UserLifecycle.kept(event.purgedAt()), UserLifecycle.kept(at));
        users.save(user);
    }

    /**
     * Applies what an event says of the user's principal name and deletion, with its effect on licenses.
     *
     * @param time the event's time ({@code ce_time})
     * @param deletion the deletion a UserDeleted states; null for an event that says the user is active
     * @return the user, for the event's details, for the caller to save; empty when the event is for another tenant's
     *         user or a purged one (nothing changed)
     */
    private Optional<DirectoryUser> heard(UUID tenantId, UUID userId, String userPrincipalName, Instant time,
            Instant deletion) {
        Instant at = UserLifecycle.kept(time);
        Instant deletedAt = UserLifecycle.kept(deletion);
        Optional<DirectoryUser> found = locked(userId);
        if (found.isPresent() && (!ofTenant(found.get(), tenantId) || found.get().purgedAt != null)) {
            return Optional.empty();
        }
        UserLifecycle.Known known = found.map(u -> new UserLifecycle.Known(u.changedAt, u.deletedAt))
                .orElse(UserLifecycle.Known.NOTHING);
        UserLifecycle.Change change = UserLifecycle.change(known, at, deletedAt);
        // a user not heard of yet is written with the rest of what the event says, at its end (DirectoryUserRepository#save):
        // nothing its effects write refers to a user who holds nothing yet
        DirectoryUser user = found.orElseGet(() -> DirectoryUser.heardOf(tenantId, userId, userPrincipalName, at));
        if (change.stale()) {
            LOG.debugf("An event of user %s at %s is older than the last applied (%s): its name and deletion change nothing",
                    userId, at, known.changedAt());
            return Optional.of(user);
        }
        user.named(userPrincipalName, at);
        if (change.restores()) {
            user.restored();
            deletions.userRestored(user);
        }
        if (change.deletes()) {
            user.deleted(deletedAt);
            deletions.userDeleted(user, deletedAt);
        }
        return Optional.of(user);
    }

    private static boolean ofTenant(DirectoryUser user, UUID tenantId) {
        if (!user.tenantId.equals(tenantId)) {
            LOG.warnf("An event names user %s of tenant %s, whom licensing knows in another tenant: ignored",
                    user.userId, tenantId);
            return false;
        }
        return true;
    }

    /**
     * The user with this id in any tenant, purged or not, locked until the transaction ends ({@link UserRows#lock}:
     * a user not held yet is locked by id, so that this event and directory's answer about them take turns), after what
     * the event's effects may change that is locked before users ({@link UserDeletionEffects#lockBeforeUser}).
     */
    private Optional<DirectoryUser> locked(UUID userId) {
        deletions.lockBeforeUser(userId);
        rows.lock(List.of(userId), null, null);
        return users.find(userId);
    }
}
