package org.licenselifecycle.directory.users;

import java.util.Optional;

/**
 * Which active users a list returns (Graph's {@code $filter} on {@code /users}); every condition that is
 * present must hold. Text comparisons ignore case, as Entra ID's do.
 */
public record UserFilter(
        Optional<String> userPrincipalName,
        Optional<Boolean> accountEnabled,
        Optional<String> usageLocation,
        Optional<String> displayName,
        Optional<String> displayNameStartsWith,
        Optional<String> userPrincipalNameStartsWith) {

    public static final UserFilter NONE = new UserFilter(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty());
}
