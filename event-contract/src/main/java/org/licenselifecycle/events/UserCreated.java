package org.licenselifecycle.events;

import java.time.Instant;
import java.util.UUID;

/** A user was created in a tenant's directory. The password never travels. */
public record UserCreated(
        UUID tenantId,
        UUID userId,
        String userPrincipalName,
        String displayName,
        String mailNickname,
        String usageLocation,
        boolean accountEnabled,
        Instant createdAt) {

    public UserCreated {
        Require.present(tenantId, "tenantId");
        Require.present(userId, "userId");
        Require.userPrincipalName(userPrincipalName);
        Require.text(displayName, "displayName");
        Require.text(mailNickname, "mailNickname");
        Require.present(createdAt, "createdAt");
    }
}
