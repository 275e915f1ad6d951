package org.licenselifecycle.lifecycle.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.licenselifecycle.events.MalformedEventException;
import org.licenselifecycle.events.UserDeleted;
import org.licenselifecycle.events.UserLifecycle;
import org.licenselifecycle.events.UserRestored;
import org.licenselifecycle.events.UserUpdated;
import org.licenselifecycle.lifecycle.mailbox.MailboxService;
import org.licenselifecycle.lifecycle.onedrive.OneDriveService;
import org.licenselifecycle.lifecycle.users.DirectoryUser;

/**
 * What directory-service's events do to a user's mailbox and OneDrive, whatever order they arrive in: each
 * says what the user was at its time ({@link UserLifecycle}), an event older than the latest applied changes
 * nothing, and a deleted user said active (or deleted again) is restored first, as the UserRestored still on
 * its way would have done. The mailbox follows the principal name of the latest event.
 */
@ApplicationScoped
public class DirectoryUsers {

    private static final Logger LOG = Logger.getLogger(DirectoryUsers.class);

    private final MailboxService mailboxes;
    private final OneDriveService oneDrives;

    DirectoryUsers(MailboxService mailboxes, OneDriveService oneDrives) {
        this.mailboxes = mailboxes;
        this.oneDrives = oneDrives;
    }

    /** @param at the event's time ({@code ce_time}) */
    @Transactional(Transactional.TxType.MANDATORY)
    public void updated(UserUpdated event, Instant at) {
        heard(event.tenantId(), event.userId(), event.userPrincipalName(), at, null,
                new UserRestored(event.tenantId(), event.userId(), event.userPrincipalName(), null, event.updatedAt()));
    }

    /** @param at the event's time ({@code ce_time}) */
    @Transactional(Transactional.TxType.MANDATORY)
    public void restored(UserRestored event, Instant at) {
        heard(event.tenantId(), event.userId(), event.userPrincipalName(), at, null, event);
    }

    /** @param at the event's time ({@code ce_time}) */
    @Transactional(Transactional.TxType.MANDATORY)
    public void deleted(UserDeleted event, Instant at) {
        heard(event.tenantId(), event.userId(), event.userPrincipalName(), at, event,
                new UserRestored(event.tenantId(), event.userId(), event.userPrincipalName(), null, event.deletedAt()));
    }

    /**
     * @param time the event's time ({@code ce_time})
     * @param deletion what a UserDeleted says; null for an event saying the user is active
     * @param restore the restore the event states or implies for a user known as deleted: a UserRestored itself,
     *        or one by nobody known at the event's own time, which the restore still on its way preceded
     */
    private void heard(UUID tenantId, UUID userId, String userPrincipalName, Instant time, UserDeleted deletion,
            UserRestored restore) {
        Instant at = UserLifecycle.kept(time);
        Instant deletedAt = deletion == null ? null : UserLifecycle.kept(deletion.deletedAt());
        DirectoryUser user = DirectoryUser.locked(userId).orElse(null);
        if (user != null && !user.tenantId.equals(tenantId)) {
            // user ids are unique across tenants: an event that says otherwise is not to be trusted
            throw new MalformedEventException("User " + userId + " belongs to another tenant than " + tenantId);
        }
        UserLifecycle.Known known = user == null ? UserLifecycle.Known.NOTHING : user.known();
        UserLifecycle.Change change = UserLifecycle.change(known, at, deletedAt);
        if (change.stale()) {
            LOG.debugf("An event of user %s at %s is older than the last applied (%s): it changes nothing", userId, at,
                    known.changedAt());
            return;
        }
        boolean heardOfFirst = user == null;
        if (heardOfFirst) {
            user = new DirectoryUser();
            user.userId = userId;
            user.tenantId = tenantId;
        }
        user.changedAt = at;
        user.deletedAt = deletedAt;
        user.managerId = deletion == null ? null : deletion.managerId();
        user.deletedBy = deletion == null ? null : deletion.deletedBy();
        if (heardOfFirst) {
            user.persist();
        }
        if (change.restores()) {
            mailboxes.userRestored(restore);
            oneDrives.userRestored(restore);
        }
        if (change.deletes()) {
            mailboxes.userDeleted(deletion);
            oneDrives.userDeleted(deletion);
        }
        mailboxes.userPrincipalName(tenantId, userId, userPrincipalName);
    }
}
