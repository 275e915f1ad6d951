package org.licenselifecycle.lifecycle.onedrive;

import java.time.Instant;
import java.util.UUID;

/** A user's OneDrive as the admin API shows it. */
public record OneDriveView(
        UUID userId,
        UUID tenantId,
        String userPrincipalName,
        OneDriveState state,
        String url,
        Instant provisionedAt,
        Instant userDeletedAt,
        Instant deleteAfter,
        UUID accessGrantedTo,
        AccessGrant accessGrantedAs,
        Instant deletedAt) {

    static OneDriveView of(OneDrive o) {
        return new OneDriveView(o.userId, o.tenantId, o.userPrincipalName, o.state, o.url, o.provisionedAt,
                o.userDeletedAt, o.deleteAfter, o.accessGrantedTo, o.accessGrantedAs, o.deletedAt);
    }
}
