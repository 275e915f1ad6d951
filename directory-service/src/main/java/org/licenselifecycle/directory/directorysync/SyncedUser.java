package org.licenselifecycle.directory.directorysync;

import java.util.Optional;
import org.licenselifecycle.directory.users.UserChanges;

/**
 * One entry of a {@link SyncBatch}: an {@code upsert} of the user on-premises AD holds with this anchor (its whole
 * state as AD masters it: an AD-owned attribute left out is cleared), or a {@code delete} of that user (the anchor
 * alone). {@code usageLocation} is the cloud's: given, it is set; left out, it stays. {@code managerImmutableId} names
 * the manager by their anchor (another synced user, in this batch or synchronized before); left out, no manager.
 */
public record SyncedUser(
        String operation,
        String onPremisesImmutableId,
        String userPrincipalName,
        String displayName,
        String givenName,
        String surname,
        String mail,
        String jobTitle,
        String department,
        Boolean accountEnabled,
        String usageLocation,
        String managerImmutableId,
        String onPremisesSamAccountName,
        String onPremisesDistinguishedName,
        String onPremisesDomainName) {

    static final String UPSERT = "upsert";
    static final String DELETE = "delete";

    boolean isUpsert() {
        return UPSERT.equals(operation);
    }

    /** The user's properties as a change: what AD owns is set or cleared, usageLocation only when given. */
    UserChanges changes() {
        return new UserChanges(Optional.ofNullable(displayName), Optional.ofNullable(givenName),
                Optional.ofNullable(surname), Optional.ofNullable(mail), Optional.ofNullable(userPrincipalName),
                usageLocation == null ? null : Optional.of(usageLocation), Optional.ofNullable(accountEnabled),
                Optional.ofNullable(jobTitle), Optional.ofNullable(department), null);
    }
}
