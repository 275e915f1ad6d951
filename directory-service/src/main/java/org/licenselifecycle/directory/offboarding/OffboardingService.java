package org.licenselifecycle.directory.offboarding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.licenselifecycle.directory.users.DeletedItemsService;
import org.licenselifecycle.directory.users.ManagerService;
import org.licenselifecycle.directory.users.PrivilegedTargets;
import org.licenselifecycle.directory.users.User;
import org.licenselifecycle.directory.users.UserChanges;
import org.licenselifecycle.directory.users.UserService;
import org.licenselifecycle.events.UserLicensesReleaseRequested;
import org.licenselifecycle.contract.graph.GraphException;
import org.licenselifecycle.support.outbox.Outbox;

/**
 * Removing a former employee, as one guided operation: block sign-in (UserUpdated), unassign their
 * licenses (UserLicensesReleaseRequested, which licensing carries out) and/or delete the account
 * (UserDeleted: licensing frees the licenses at once), all in one transaction; then say what happens to
 * the mailbox and OneDrive and when, as the data-lifecycle rules put it.
 */
@ApplicationScoped
public class OffboardingService {

    private final UserService users;
    private final ManagerService managers;
    private final DeletedItemsService deletedItems;
    private final PrivilegedTargets privilegedTargets;
    private final Outbox outbox;
    private final DataRetentionRules rules;
    private final Clock clock;

    OffboardingService(UserService users, ManagerService managers, DeletedItemsService deletedItems,
            PrivilegedTargets privilegedTargets, Outbox outbox, DataRetentionRules rules, Clock clock) {
        this.users = users;
        this.managers = managers;
        this.deletedItems = deletedItems;
        this.privilegedTargets = privilegedTargets;
        this.outbox = outbox;
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * @throws GraphException 400 for a missing choice or an account mastered on premises; 404 for no such
     *         active user of the tenant; 403 when the caller's roles do not let them manage this user
     *         ({@link PrivilegedTargets}), whatever the choices: removing an employee is managing them
     */
    @Transactional
    public OffboardingOutcome offboard(UUID tenantId, String idOrUserPrincipalName, Offboarding request, UUID admin) {
        if (request == null || request.blockSignIn() == null || request.unassignLicenses() == null
                || request.deleteUser() == null) {
            throw GraphException.badRequest("blockSignIn, unassignLicenses and deleteUser are required (true or false).");
        }
        User user = users.findForUpdate(tenantId, idOrUserPrincipalName);
        privilegedTargets.requireMayManage(user);
        String id = user.id.toString();
        Optional<User> manager = request.deleteUser() ? managers.activeManager(user) : Optional.empty();
        UserService.refuseSynchronised(user);
        if (request.blockSignIn()) {
            users.update(tenantId, id, UserChanges.accountEnabled(false));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (request.deleteUser()) {
            User deleted = deletedItems.delete(tenantId, id, admin);
            return deletedOutcome(deleted, manager);
        }
        if (request.unassignLicenses()) {
            outbox.add(user.id, new UserLicensesReleaseRequested(tenantId, user.id, user.userPrincipalName, admin, now));
        }
        return keptOutcome(user, request.unassignLicenses(), now);
    }

    private OffboardingOutcome deletedOutcome(User user, Optional<User> manager) {
        Instant mailboxPurge = user.deletedAt.plus(rules.mailboxGracePeriod());
        Instant oneDriveDelete = user.deletedAt.plus(rules.oneDriveRetention());
        String access = manager.map(m -> "with access for the manager " + m.userPrincipalName)
                .orElse("with no one given access (the user has no manager)");
        return new OffboardingOutcome(user.id.toString(), user.userPrincipalName, !user.accountEnabled, true,
                user.purgeAfter,
                new OffboardingOutcome.Licenses("FREED",
                        "Deleting the user frees every license at once: the seats can be assigned to someone else now."),
                new OffboardingOutcome.Mailbox("Mailbox soft-deleted with the user and purged after " + day(mailboxPurge)
                        + " unless a hold applies: under a hold with an Enterprise plan (Exchange Online Plan 2, e.g."
                        + " Office 365 E3) it becomes an inactive mailbox, kept and searchable while the hold lasts."
                        + " Restoring the user before " + day(user.purgeAfter) + " brings it back.", mailboxPurge),
                new OffboardingOutcome.OneDrive("OneDrive kept until " + day(oneDriveDelete) + " " + access
                        + ", then deleted.", oneDriveDelete, manager.map(m -> m.userPrincipalName).orElse(null)));
    }

    private OffboardingOutcome keptOutcome(User user, boolean unassign, Instant now) {
        if (!unassign) {
            return new OffboardingOutcome(user.id.toString(), user.userPrincipalName, !user.accountEnabled, false, null,
                    new OffboardingOutcome.Licenses("KEPT", "The user keeps their licenses; the seats stay taken."),
                    new OffboardingOutcome.Mailbox("Mailbox kept as it is while the user keeps an Exchange Online license.",
                            null),
                    new OffboardingOutcome.OneDrive("OneDrive kept as it is: it is deleted only if the user is deleted.",
                            null, null));
        }
        Instant mailboxPurge = now.plus(rules.mailboxGracePeriod());
        return new OffboardingOutcome(user.id.toString(), user.userPrincipalName, !user.accountEnabled, false, null,
                new OffboardingOutcome.Licenses("RELEASE_REQUESTED",
                        "Licensing unassigns every license the user holds directly; group-based licenses stay."),
                new OffboardingOutcome.Mailbox("When the Exchange Online license is removed the mailbox is disconnected"
                        + " and no longer searchable by eDiscovery; its data is held for the grace period and deleted"
                        + " after " + day(mailboxPurge) + ", except content under a retention label or policy, kept"
                        + " for discovery. A hold placed before the removal keeps the mailbox.", mailboxPurge),
                new OffboardingOutcome.OneDrive("OneDrive files aren't deleted when a license is removed; they are"
                        + " deleted only if the user is deleted.", null, null));
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
