package org.licenselifecycle.directory.users;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Which active users a list returns (Graph's {@code $filter} and {@code $search} on {@code /users}); every
 * condition that is present must hold. Text comparisons ignore case, as Entra ID's do.
 *
 * @param holding products the user must hold, each ({@code assignedLicenses/any(x:x/skuId eq ...)})
 * @param notHolding products the user must not hold ({@code not assignedLicenses/any(...)})
 * @param licenseCount how many products the user holds ({@code assignedLicenses/$count eq|ne n})
 */
public record UserFilter(
        Optional<String> userPrincipalName,
        Optional<Boolean> accountEnabled,
        Optional<String> usageLocation,
        Optional<String> displayName,
        Optional<String> displayNameStartsWith,
        Optional<String> userPrincipalNameStartsWith,
        List<UUID> holding,
        List<UUID> notHolding,
        Optional<LicenseCount> licenseCount,
        UserSearch search) {

    public static final UserFilter NONE = new UserFilter(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of(), Optional.empty(), UserSearch.NONE);

    public UserFilter {
        holding = List.copyOf(holding);
        notHolding = List.copyOf(notHolding);
    }

    /** The same conditions and the users {@code search} finds. */
    public UserFilter searching(UserSearch search) {
        return new UserFilter(userPrincipalName, accountEnabled, usageLocation, displayName, displayNameStartsWith,
                userPrincipalNameStartsWith, holding, notHolding, licenseCount, search);
    }

    /**
     * @param equal whether the user holds exactly {@code count} products ({@code eq}) or any other number ({@code ne})
     */
    public record LicenseCount(boolean equal, int count) {
    }
}
