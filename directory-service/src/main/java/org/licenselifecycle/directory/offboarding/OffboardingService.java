package org.licenselifecycle.directory.offboarding;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
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
import org.licenselifecycle.directory.users.OnPremisesMastered;
import org.licenselifecycle.directory.users.UserService;
import org.licenselifecycle.events.UserLicensesReleaseRequested;
import org.licenselifecycle.contract.graph.GraphException;
import org.licenselifecycle.support.outbox.Outbox;

/**
 * Removing a former employee, as one guided operation: block sign-in (UserUpdated), unassign their
 * licenses (UserLicensesReleaseRequested, which licensing carries out) and/or delete the account
 * (UserDeleted: licensing frees the licenses at once), all in one transaction; then say what happens to
 * the mailbox and OneDrive and when, as data-lifecycle-service answers it ({@link DataOutlook}): this service
 * states none of its rules (grace period, holds, inactive mailboxes, the tenant's OneDrive retention). lifecycle is
 * asked after the transaction, so that the offboarding never waits on it nor depends on it: while it cannot be asked,
 * the offboarding is done all the same and the answer says that the data's dates could not be had now.
 */
@ApplicationScoped
public class OffboardingService {

    private static final String LIFECYCLE_AWAY = "data-lifecycle-service could not be asked just now";

    private final UserService users;
    private final ManagerService managers;
    private final DeletedItemsService deletedItems;
    private final PrivilegedTargets privilegedTargets;
    private final Outbox outbox;
    private final DataOutlook data;
    private final Clock clock;

    OffboardingService(UserService users, ManagerService managers, DeletedItemsService deletedItems,
            PrivilegedTargets privilegedTargets, Outbox outbox, DataOutlook data, Clock clock) {
        this.users = users;
        this.managers = managers;
        this.deletedItems = deletedItems;
        this.privilegedTargets = privilegedTargets;
        this.outbox = outbox;
        this.data = data;
        this.clock = clock;
    }

    /**
     * @throws GraphException 400 for a missing choice or an account mastered on premises; 404 for no such
     *         active user of the tenant; 403 when the caller's roles do not let them manage this user
     *         ({@link PrivilegedTargets}), whatever the choices: removing an employee is managing them
     */
    public OffboardingOutcome offboard(UUID tenantId, String idOrUserPrincipalName, Offboarding request, UUID admin) {
        if (request == null || request.blockSignIn() == null || request.unassignLicenses() == null
                || request.deleteUser() == null) {
            throw GraphException.badRequest("blockSignIn, unassignLicenses and deleteUser are required (true or false).");
        }
        Done done = QuarkusTransaction.requiringNew().call(() -> carryOut(tenantId, idOrUserPrincipalName, request, admin));
        if (request.deleteUser()) {
            return deletedOutcome(tenantId, done.user(), done.manager());
        }
        return keptOutcome(done.user(), request.unassignLicenses());
    }

    /** What was done, in one transaction: the user as it is now, and the manager named by a deletion. */
    private record Done(User user, Optional<User> manager) {
    }

    private Done carryOut(UUID tenantId, String idOrUserPrincipalName, Offboarding request, UUID admin) {
        User user = users.findForUpdate(tenantId, idOrUserPrincipalName);
        privilegedTargets.requireMayManage(user);
        String id = user.id.toString();
        Optional<User> manager = request.deleteUser() ? managers.activeManager(user) : Optional.empty();
        OnPremisesMastered.refuseCloudChange(user);
        if (request.blockSignIn()) {
            users.update(tenantId, id, UserChanges.accountEnabled(false));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (request.deleteUser()) {
            return new Done(deletedItems.delete(tenantId, id, admin), manager);
        }
        if (request.unassignLicenses()) {
            outbox.add(user.id, new UserLicensesReleaseRequested(tenantId, user.id, user.userPrincipalName, admin, now));
        }
        return new Done(user, Optional.empty());
    }

    private OffboardingOutcome deletedOutcome(UUID tenantId, User user, Optional<User> manager) {
        OffboardingOutcome.Licenses licenses = new OffboardingOutcome.Licenses("FREED",
                "Deleting the user frees every license at once: the seats can be assigned to someone else now.");
        String restore = " Restoring the user before " + day(user.purgeAfter) + " brings it back.";
        Optional<LifecycleClient.IfDeleted> answer = data.ifDeleted(user.id, user.deletedAt);
        if (answer.isEmpty()) {
            String access = manager.map(m -> "; the manager " + m.userPrincipalName + " is named for access")
                    .orElse("");
            return new OffboardingOutcome(user.id.toString(), user.userPrincipalName, !user.accountEnabled, true,
                    user.purgeAfter, false, licenses,
                    new OffboardingOutcome.Mailbox("The user is deleted, but what happens to the mailbox and when could"
                            + " not be had now: " + LIFECYCLE_AWAY + "; its mailbox page says it." + restore, null),
                    new OffboardingOutcome.OneDrive("When OneDrive is deleted could not be had now: " + LIFECYCLE_AWAY
                            + access + ".", null, manager.map(m -> m.userPrincipalName).orElse(null)));
        }
        LifecycleClient.IfDeleted outlook = answer.get();
        Optional<String> accessFor = manager.map(m -> m.userPrincipalName)
                .or(() -> Optional.ofNullable(outlook.secondaryOwnerId()).map(id -> userPrincipalName(tenantId, id)));
        String access = manager.map(m -> "with access for the manager " + m.userPrincipalName)
                .or(() -> accessFor.map(owner -> "with access for the tenant's secondary owner " + owner))
                .orElse("with no one given access (the user has no manager)");
        return new OffboardingOutcome(user.id.toString(), user.userPrincipalName, !user.accountEnabled, true,
                user.purgeAfter, true, licenses,
                new OffboardingOutcome.Mailbox(outlook.mailboxSummary() + restore, outlook.mailboxPurgeAfter()),
                new OffboardingOutcome.OneDrive("OneDrive kept until " + day(outlook.oneDriveDeleteAfter()) + " " + access
                        + ", then deleted.", outlook.oneDriveDeleteAfter(), accessFor.orElse(null)));
    }

    private OffboardingOutcome keptOutcome(User user, boolean unassign) {
        if (!unassign) {
            return new OffboardingOutcome(user.id.toString(), user.userPrincipalName, !user.accountEnabled, false, null,
                    true, new OffboardingOutcome.Licenses("KEPT", "The user keeps their licenses; the seats stay taken."),
                    new OffboardingOutcome.Mailbox("Mailbox kept as it is while the user keeps an Exchange Online license.",
                            null),
                    new OffboardingOutcome.OneDrive("OneDrive kept as it is: it is deleted only if the user is deleted.",
                            null, null));
        }
        OffboardingOutcome.Licenses licenses = new OffboardingOutcome.Licenses("RELEASE_REQUESTED",
                "Licensing unassigns every license the user holds directly; group-based licenses stay.");
        OffboardingOutcome.OneDrive oneDrive = new OffboardingOutcome.OneDrive("OneDrive files aren't deleted when a"
                + " license is removed; they are deleted only if the user is deleted.", null, null);
        Optional<Instant> gracePeriodEnds = data.gracePeriodEnds(user.id);
        if (gracePeriodEnds.isEmpty()) {
            return new OffboardingOutcome(user.id.toString(), user.userPrincipalName, !user.accountEnabled, false, null,
                    false, licenses, new OffboardingOutcome.Mailbox("When the Exchange Online license is removed the"
                            + " mailbox is disconnected and no longer searchable by eDiscovery; when its grace period"
                            + " ends could not be had now: " + LIFECYCLE_AWAY + ".", null), oneDrive);
        }
        Instant mailboxPurge = gracePeriodEnds.get();
        return new OffboardingOutcome(user.id.toString(), user.userPrincipalName, !user.accountEnabled, false, null,
                true, licenses,
                new OffboardingOutcome.Mailbox("When the Exchange Online license is removed the mailbox is disconnected"
                        + " and no longer searchable by eDiscovery; its data is held for the grace period and deleted"
                        + " after " + day(mailboxPurge) + ", except content under a retention label or policy, kept"
                        + " for discovery. A hold placed before the removal keeps the mailbox.", mailboxPurge),
                oneDrive);
    }

    private String userPrincipalName(UUID tenantId, UUID userId) {
        try {
            return users.find(tenantId, userId.toString()).userPrincipalName;
        } catch (GraphException e) {
            return userId.toString();
        }
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
