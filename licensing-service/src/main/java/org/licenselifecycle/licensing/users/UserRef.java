package org.licenselifecycle.licensing.users;

import java.util.UUID;

/** Who a license event is about: the user's tenant, id and userPrincipalName at the time. */
public record UserRef(UUID tenantId, UUID userId, String userPrincipalName) {
}
