package org.licenselifecycle.directory.users;

import org.licenselifecycle.contract.graph.GraphException;

/**
 * Which attributes of a user (or group) mastered in on-premises Active Directory ({@link User#onPremisesSyncEnabled}) belong to
 * AD, and so change only through the directory synchronization, as Entra ID keeps them: a cloud admin's change of one
 * of them, the user's deletion, offboarding or manager is refused with Graph's 400 "Unable to update the specified
 * properties for on-premises mastered Directory Sync objects or objects currently undergoing migration." and nothing
 * changes. The one place of the rule.
 *
 * <p>AD owns the user's names (displayName, givenName, surname, userPrincipalName, mail, mailNickname), jobTitle,
 * department, accountEnabled, the password (password hash synchronization; no writeback here), the manager and the
 * object's existence. The cloud owns usageLocation (Entra Connect writes it only from an AD attribute few forests
 * set; admins set it in the cloud to license synced users) and the licenses (licensing-service, never synced).
 *
 * <p>The sync's own way in, beside this rule: {@code directorysync.SyncedUserWriter} for users and
 * {@code groups.SyncedGroups} for groups (properties and members), which alone write what AD owns.
 */
public final class OnPremisesMastered {

    /** Graph's message when a cloud request changes what on-premises AD owns. */
    public static final String MESSAGE = "Unable to update the specified properties for on-premises mastered Directory"
            + " Sync objects or objects currently undergoing migration.";

    private OnPremisesMastered() {
    }

    /** Refuses a cloud PATCH of a synced user that sets an attribute AD owns; a change of usageLocation alone passes. */
    public static void refuseCloudChange(User user, UserChanges changes) {
        if (user.onPremisesSyncEnabled && setsAnAttributeAdOwns(changes)) {
            throw GraphException.badRequest(MESSAGE);
        }
    }

    /** Refuses a cloud change of a synced user as a whole: deletion, offboarding, its manager. */
    public static void refuseCloudChange(User user) {
        refuseCloudChange(user.onPremisesSyncEnabled);
    }

    /**
     * Refuses a cloud change of any object mastered on premises as a whole: a synced group's properties, deletion and
     * members (AD owns a synced group entirely).
     */
    public static void refuseCloudChange(boolean onPremisesSyncEnabled) {
        if (onPremisesSyncEnabled) {
            throw GraphException.badRequest(MESSAGE);
        }
    }

    /**
     * Whether {@code changes} sets an attribute AD owns: anything but what the cloud owns. Stated as what the cloud
     * owns, so that a property added to {@link UserChanges} later is AD's until someone decides otherwise.
     */
    static boolean setsAnAttributeAdOwns(UserChanges changes) {
        return !changes.equals(cloudOwned(changes));
    }

    /** Only the properties of {@code changes} that the cloud owns: usageLocation. */
    private static UserChanges cloudOwned(UserChanges changes) {
        return new UserChanges(null, null, null, null, null, changes.usageLocation(), null, null, null, null);
    }
}
