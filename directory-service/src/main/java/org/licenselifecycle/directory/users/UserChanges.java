package org.licenselifecycle.directory.users;

import java.util.Optional;

/**
 * The properties a PATCH sets, by Graph's names. A field that is null was not in the body and stays as
 * it is; {@code Optional.empty()} clears the property (the body said {@code null}); a value replaces it.
 * {@link UserValidation#validate(UserChanges)} decides which may be cleared. {@code passwordProfile} sets a new
 * password (a password reset); it is never stored in clear nor announced, and cannot be cleared.
 */
@SuppressWarnings("OptionalAssignedToNull")
public record UserChanges(
        Optional<String> displayName,
        Optional<String> givenName,
        Optional<String> surname,
        Optional<String> mail,
        Optional<String> userPrincipalName,
        Optional<String> usageLocation,
        Optional<Boolean> accountEnabled,
        Optional<String> jobTitle,
        Optional<String> department,
        Optional<NewUser.PasswordProfile> passwordProfile) {

    /** Only {@code accountEnabled}: how sign-in is blocked. */
    public static UserChanges accountEnabled(boolean enabled) {
        return new UserChanges(null, null, null, null, null, null, Optional.of(enabled), null, null, null);
    }

    /** Whether the body sets a new password and no other property. */
    public boolean onlyResetsPassword() {
        return passwordProfile != null && displayName == null && givenName == null && surname == null && mail == null
                && userPrincipalName == null && usageLocation == null && accountEnabled == null && jobTitle == null
                && department == null;
    }
}
