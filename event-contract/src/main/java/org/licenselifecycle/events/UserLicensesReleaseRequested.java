package org.licenselifecycle.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An admin removing a former employee asked for all of the user's licenses to be unassigned while the
 * account stays (sign-in blocked, not deleted). Licensing removes every license the user holds directly,
 * as an unassign by {@code requestedBy}: LicenseRemoved with reason UNASSIGNED for each. Licenses inherited
 * from a group stay, as in the admin center.
 *
 * @param requestedBy the admin's object id
 */
public record UserLicensesReleaseRequested(
        UUID tenantId,
        UUID userId,
        String userPrincipalName,
        UUID requestedBy,
        Instant requestedAt) {

    public UserLicensesReleaseRequested {
        Require.present(tenantId, "tenantId");
        Require.present(userId, "userId");
        Require.userPrincipalName(userPrincipalName);
        Require.present(requestedBy, "requestedBy");
        Require.present(requestedAt, "requestedAt");
    }
}
