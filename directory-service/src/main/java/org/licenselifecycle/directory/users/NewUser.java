package org.licenselifecycle.directory.users;

/**
 * A user to create, with the properties and names of Graph's create body (Entra ID's own). Any field
 * may be missing (null) until {@link UserValidation} has checked it. The password is in clear here and
 * nowhere after: {@link UserService} keeps only its hash.
 *
 * <p>{@code onPremisesSyncEnabled} is read here only to be refused ({@link UserValidation#readOnly}), as Graph
 * refuses it: only the directory synchronization ({@code directorysync}) writes accounts mastered on premises, with
 * their anchor; what cloud requests may change of such accounts is {@link OnPremisesMastered}'s rule.
 */
public record NewUser(
        Boolean accountEnabled,
        String displayName,
        String mailNickname,
        String userPrincipalName,
        String usageLocation,
        String givenName,
        String surname,
        String jobTitle,
        String department,
        String mail,
        PasswordProfile passwordProfile,
        Boolean onPremisesSyncEnabled) {

    /** The initial password and whether it must be changed at first sign-in. */
    public record PasswordProfile(String password, Boolean forceChangePasswordNextSignIn) {

        @Override
        public String toString() {
            return "PasswordProfile[***]";
        }
    }
}
