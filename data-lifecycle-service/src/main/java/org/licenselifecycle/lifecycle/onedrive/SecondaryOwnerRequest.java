package org.licenselifecycle.lifecycle.onedrive;

import java.util.UUID;

/** Who gets a deleted user's OneDrive when the user has no manager; null for nobody. */
public record SecondaryOwnerRequest(UUID userId) {
}
