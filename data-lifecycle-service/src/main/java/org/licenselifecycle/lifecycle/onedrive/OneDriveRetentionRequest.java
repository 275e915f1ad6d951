package org.licenselifecycle.lifecycle.onedrive;

/** How many days a deleted user's OneDrive is kept: 30 to 3650. */
public record OneDriveRetentionRequest(Integer days) {
}
