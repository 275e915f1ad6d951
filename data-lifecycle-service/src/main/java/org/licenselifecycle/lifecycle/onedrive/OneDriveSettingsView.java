package org.licenselifecycle.lifecycle.onedrive;

import java.util.UUID;

/** A tenant's OneDrive settings as the API shows them. */
public record OneDriveSettingsView(UUID tenantId, int retentionDays, UUID secondaryOwnerId) {

    static OneDriveSettingsView of(OneDriveSettings s) {
        return new OneDriveSettingsView(s.tenantId, s.retentionDays, s.secondaryOwnerId);
    }
}
